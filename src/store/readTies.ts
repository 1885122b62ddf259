// Ties computed elsewhere (ties.sql on a cluster, over this corpus's Parquet tables) read back for a build:
// checked against the corpus (author ids in range, each pair once, a < b), then used as the build's own.

import { DuckDBInstance } from '@duckdb/node-api';
import type { TieTable } from '../graph/ties';

export class TiesFileError extends Error {}

const quote = (path: string) => `'${path.replace(/'/g, "''")}'`;

/** Reads a Parquet (or CSV) file with columns a, b, papers, fractional; ties come out ordered by (a, b). */
export async function readTiesFile(path: string, authors: number): Promise<TieTable> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    const reader = path.toLowerCase().endsWith('.csv') ? `read_csv(${quote(path)})` : `read_parquet(${quote(path)})`;
    let columns;
    try {
      columns = (await con.runAndReadAll(`SELECT CAST(a AS INTEGER), CAST(b AS INTEGER), CAST(papers AS INTEGER),
        CAST(fractional AS DOUBLE) FROM ${reader} ORDER BY 1, 2`)).getColumnsJS();
    } catch (e) {
      const why = (e as Error).message.split('\n')[0];
      throw new TiesFileError(`${path}: cannot read ties (columns a, b, papers, fractional expected): ${why}`);
    }
    const [a, b, papers, fractional] = columns as number[][];
    const count = a!.length;
    const t: TieTable = {
      count, source: Int32Array.from(a!), target: Int32Array.from(b!), papers: Int32Array.from(papers!),
      fractional: Float64Array.from(fractional!),
      paperStart: new Int32Array(count + 1), paperList: new Int32Array(0), skippedPapers: [], droppedTies: 0,
    };
    for (let e = 0; e < count; e++) {
      const s = t.source[e]!; const g = t.target[e]!;
      const bad = !(s >= 0 && g < authors && s < g && t.papers[e]! >= 1 && t.fractional[e]! > 0)
        || (e > 0 && s === t.source[e - 1] && g === t.target[e - 1]);
      if (!bad) continue;
      const row = `row ${e + 1} (a=${s}, b=${g}, papers=${t.papers[e]})`;
      throw new TiesFileError(`${path}: ${row} does not fit this corpus of ${authors} authors `
        + '(a < b, each pair once, papers ≥ 1); were the ties computed from this corpus\'s tables?');

    }
    return t;
  } finally { con.closeSync(); instance.closeSync(); }
}
