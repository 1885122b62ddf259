// `report`, `author` and `path` with --store: answers read from a store, printed exactly as from the sources.

import { authorJson, formatAuthor } from '../corpus/authorView';
import { formatReport } from '../corpus/formatReport';
import { formatPath, pathJson, pathView } from '../graph/pathView';
import type { Store } from '../store/readStore';
import { findStoreAuthor, openStore, StoreError, storeAuthorView, storeReport } from '../store/readStore';
import { storePathSource, storeTieIndex } from '../store/storePaths';
import type { CliArgs } from './args';
import { FatalError } from './errors';
import { noSuchAuthor, pathOptions } from './common';
import { namesThread } from './namesThread';

export async function queryStore(args: CliArgs): Promise<number> {
  let store;
  try {
    store = await openStore(args.store!);
  } catch (e) { throw e instanceof StoreError ? new FatalError(e.message) : e; }

  try {
    if (args.command === 'report') {
      const report = await storeReport(store);
      process.stdout.write(args.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report));
      return 0;
    }
    if (args.command === 'path') return await storePath(store, args);
    const found = await findWithSuggestions(store, args.name!);
    if (found.match === undefined) return noSuchAuthor(args.name!, found.suggestions);
    const view = await storeAuthorView(store, found.match);
    process.stdout.write(args.json ? authorJson(view) : formatAuthor(view));
    return 0;
  } finally { store.close(); }
}

/** findStoreAuthor, with the suggestions for a name that matches no one scored on both cores. */
async function findWithSuggestions(store: Store, name: string): ReturnType<typeof findStoreAuthor> {
  const elsewhere = namesThread();
  try { return await findStoreAuthor(store, name, 5, elsewhere); } finally { elsewhere?.close(); }
}

async function storePath(store: Store, args: CliArgs): Promise<number> {
  const from = await findWithSuggestions(store, args.name!);
  if (from.match === undefined) return noSuchAuthor(args.name!, from.suggestions);
  const to = await findWithSuggestions(store, args.otherName!);
  if (to.match === undefined) return noSuchAuthor(args.otherName!, to.suggestions);
  const index = await storeTieIndex(store);
  const view = await pathView(index, from.match, to.match, storePathSource(store), pathOptions(args));
  process.stdout.write(args.json ? pathJson(view) : formatPath(view));
  return 0;
}
