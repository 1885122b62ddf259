// Copies every table of a store into Parquet files (one per table) for pandas, R, polars, Spark or DuckDB users.

import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

export const STORE_TABLES = [
  'meta', 'sources', 'papers', 'authors', 'spellings', 'authorships', 'ties', 'tie_papers', 'communities',
  'merges', 'paper_merges', 'repairs', 'suspect_lists', 'identifier_splits', 'near_misses', 'skipped_papers', 'issues',
] as const;


const quote = (path: string) => `'${path.replace(/'/g, "''")}'`;

export async function exportParquet(storePath: string, folder: string): Promise<string[]> {
  mkdirSync(folder, { recursive: true });
  const instance = await DuckDBInstance.create(storePath, { access_mode: 'READ_ONLY' });
  const con = await instance.connect();
  const written: string[] = [];
  try {
    for (const t of STORE_TABLES) {
      const file = resolve(join(folder, `${t}.parquet`));
      await con.run(`COPY (SELECT * FROM ${t}) TO ${quote(file)} (FORMAT parquet, COMPRESSION zstd)`);
      written.push(file);
    }
  } finally { con.closeSync(); instance.closeSync(); }
  return written;
}
