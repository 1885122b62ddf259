// Where `path --store` reads from: every tie of the store as a compact index, names and tie papers by query.

import type { TieIndex } from '../graph/paths';
import { tieIndex } from '../graph/paths';
import type { PathSource } from '../graph/pathView';
import type { Store } from './readStore';
import { num, paperBriefOf, rows, StoreError } from './readStore';
import { int32Columns } from './readColumns';

/**
 * The ties table as a compact index (a whole corpus: millions of rows, 12 bytes each), read straight from DuckDB's
 * column vectors in the table's order, each author's list sorted here: on 33.6M ties (1M synthetic papers) reading
 * and indexing took about 8 s this way, 12 s with DuckDB sorting the ties first, 20 s read cell by cell.
 */
export async function storeTieIndex(store: Store): Promise<TieIndex> {
  const [sizes] = await rows(store,
    'SELECT (SELECT count(*) FROM authors) AS authors, (SELECT count(*) FROM ties) AS ties');
  const [a, b, papers] = await int32Columns(store, 'SELECT a, b, papers FROM ties', num(sizes!.ties));
  return tieIndex(num(sizes!.authors), a!, b!, papers!);
}

export function storePathSource(store: Store): PathSource {
  return {
    person: async (x) => {
      const [r] = await rows(store, 'SELECT id, label FROM authors WHERE author = $1', [x]);
      if (!r) throw new StoreError(`no author ${x} in this store`);
      return { id: r.id as string, label: r.label as string };
    },
    hopPapers: async (x, y) => (await rows(store, `SELECT p.* FROM ties t JOIN tie_papers tp ON tp.tie = t.tie
        JOIN papers p ON p.paper = tp.paper WHERE t.a = $1 AND t.b = $2 ORDER BY p.paper`,
    [Math.min(x, y), Math.max(x, y)])).map(paperBriefOf),
  };
}
