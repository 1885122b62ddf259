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

export async function serve(args: CliArgs): Promise<number> {
  let store;
  try { store = await openStore(args.store!); } catch (e) { throw e instanceof StoreError ? new FatalError(e.message) : e; }
  const started = Date.now();
  const onStage = (stage: string) => stageNote(`serve: preparing ${stage}`);
  const cache = { path: explorerCachePath(args.store!), storePath: args.store! };
  const notes: string[] = [];
  const onCacheError = (message: string) => notes.push(`${message}: its look-up tables were made in memory`);
  const onLookups = (source: LookupSource) => { if (source === 'written') notes.push(cacheWritten(cache.path)); };
  let server;
  try {
    const options = { port: args.port, host: args.host, onStage, cache, onCacheError, onLookups };
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
  const ready = ((Date.now() - started) / 1000).toFixed(1);
  for (const note of notes) process.stderr.write(`${note}\n`);
  process.stdout.write(`coauthor-graph: serving ${args.store} at http://${host}:${port}/ (ready in ${ready} s; Ctrl-C stops)\n`);
  return new Promise((resolve) => {
    const stop = () => { server.close(); store.close(); resolve(0); };
    process.once('SIGINT', stop); process.once('SIGTERM', stop);
  });
}
