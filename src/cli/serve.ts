// `serve STORE`: opens the store read-only, prepares its look-up tables, then serves until interrupted.

import { openStore, StoreError } from '../store/readStore';
import { serveStore } from '../server/serve';
import type { CliArgs } from './args';
import { FatalError } from './errors';
import { clearProgress, stageNote } from './progress';
import type { LookupSource } from '../store/explorerCache';
import { explorerCachePath } from '../store/explorerCache';

/** Said once, when the cache is first written. */
const cacheWritten = (path: string) =>
  `kept the explorer's look-up tables in ${path}: later starts on this store reuse them (delete it any time)`;

/** The line that says the server is up: when the map came before the other look-up tables, it says so. */
function servingLine(store: string, url: string, seconds: string, allReady: boolean): string {
  const ready = allReady ? `ready in ${seconds} s`
    : `map ready in ${seconds} s; search, groups and ego networks follow as their look-up tables are made`;
  return `coauthor-graph: serving ${store} at ${url} (${ready}; Ctrl-C stops)\n`;
}

export async function serve(args: CliArgs): Promise<number> {
  let store;
  try {
    store = await openStore(args.store!);
  } catch (e) { throw e instanceof StoreError ? new FatalError(e.message) : e; }

  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  const onStage = (stage: string) => stageNote(`serve: preparing ${stage}`);
  const cache = { path: explorerCachePath(args.store!), storePath: args.store! };
  // Notes wait for the serving line; once it is out they are said at once.
  let serving = false;
  const notes: string[] = [];
  const say = (note: string) => { if (serving) process.stderr.write(`${note}\n`); else notes.push(note); };
  let lookupsDone = false;
  const onCacheError = (message: string) => say(`${message}: its look-up tables were made in memory`);
  const onLookups = (source: LookupSource) => {
    lookupsDone = true;
    if (serving) say(`every look-up table ready after ${seconds()} s`);
    if (source === 'written') say(cacheWritten(cache.path));
  };
  const onLookupError = (message: string) => say(`the look-up tables could not be made: ${message}`);
  let server;
  try {
    const options = { port: args.port, host: args.host, onStage, cache, onCacheError, onLookups, onLookupError };
    server = await serveStore(store, args.store!, options);
  }
  catch (e) {
    store.close();
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') throw new FatalError(`port ${args.port} is in use: choose another with --port N`);
    throw new FatalError(err.message);
  }
  clearProgress();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : args.port;
  const host = args.host.includes(':') ? `[${args.host}]` : args.host;
  process.stdout.write(servingLine(args.store!, `http://${host}:${port}/`, seconds(), lookupsDone));
  serving = true;
  for (const note of notes.splice(0)) process.stderr.write(`${note}\n`);
  return new Promise((resolve) => {
    const stop = () => { server.close(); store.close(); resolve(0); };
    process.once('SIGINT', stop); process.once('SIGTERM', stop);
  });
}
