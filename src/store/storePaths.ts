// Where `path --store` reads from: every tie of the store as a compact index, names and tie papers by query.

import type { DuckDBIntegerVector } from '@duckdb/node-api';
import type { TieIndex } from '../graph/paths';
import { tieIndex } from '../graph/paths';
import type { PathSource } from '../graph/pathView';
import type { Store } from './readStore';
import { num, paperBriefOf, rows, StoreError } from './readStore';

/** Reads the ties table in chunks into typed arrays (a whole corpus: millions of rows, 12 bytes each). */
export async function storeTieIndex(store: Store): Promise<TieIndex> {
  const [sizes] = await rows(store, 'SELECT (SELECT count(*) FROM authors) AS authors, (SELECT count(*) FROM ties) AS ties');
  const authors = num(sizes!.authors); const ties = num(sizes!.ties);
  const a = new Int32Array(ties); const b = new Int32Array(ties); const papers = new Int32Array(ties);
  const result = await store.con.stream('SELECT a, b, papers FROM ties');
  let t = 0;
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const [va, vb, vp] = [0, 1, 2].map((c) => chunk.getColumnVector(c) as DuckDBIntegerVector);
    for (let i = 0; i < chunk.rowCount; i++, t++) {
      a[t] = va!.getItem(i)!; b[t] = vb!.getItem(i)!; papers[t] = vp!.getItem(i)!;
    }
  }
  if (t !== ties) throw new StoreError(`the ties table changed while it was read (${t} of ${ties} rows)`);
  return tieIndex(authors, a, b, papers);
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
