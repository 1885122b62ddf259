// `report --store` and `author --store`: answers read from a store, printed exactly as from the sources.

import { authorJson, formatAuthor } from '../corpus/authorView';
import { formatReport } from '../corpus/formatReport';
import { findStoreAuthor, openStore, StoreError, storeAuthorView, storeReport } from '../store/readStore';
import type { CliArgs } from './args';
import { FatalError } from './errors';
import { noSuchAuthor } from './common';

export async function queryStore(args: CliArgs): Promise<number> {
  let store;
  try { store = await openStore(args.store!); } catch (e) { throw e instanceof StoreError ? new FatalError(e.message) : e; }
  try {
    if (args.command === 'report') {
      const report = await storeReport(store);
      process.stdout.write(args.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report));
      return 0;
    }
    const found = await findStoreAuthor(store, args.name!);
    if (found.match === undefined) return noSuchAuthor(args.name!, found.suggestions);
    const view = await storeAuthorView(store, found.match);
    process.stdout.write(args.json ? authorJson(view) : formatAuthor(view));
    return 0;
  } finally { store.close(); }
}
