// Integer columns copied out of DuckDB's vectors: every row across chunks, in order, and clear errors for NULLs,
// other types and row counts that differ from the one expected.

import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { int32Columns } from '../../src/store/readColumns';
import type { Store } from '../../src/store/readStore';

async function memoryStore(): Promise<Store> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  return { con, close: () => { con.closeSync(); instance.closeSync(); }, connect: () => instance.connect() };
}

describe('int32Columns', () => {
  it('reads every row of several chunks, in the query order, with negative and extreme values', async () => {
    const store = await memoryStore();
    const n = 10_000;
    const [x, y] = await int32Columns(store, `SELECT (range * 7 - 5000)::INTEGER AS x,
      CASE WHEN range = 0 THEN 2147483647 WHEN range = 1 THEN -2147483648 ELSE (n - range)::INTEGER END AS y
      FROM range(${n}), (SELECT ${n} AS n) ORDER BY range`, n);
    expect(x!.length).toBe(n); expect(y!.length).toBe(n);
    for (let i = 0; i < n; i++) expect(x![i]).toBe(i * 7 - 5000);
    expect([y![0], y![1], y![2], y![n - 1]]).toEqual([2147483647, -2147483648, n - 2, 1]);
    store.close();
  });

  it('refuses a NULL, a column that is not INTEGER, and more or fewer rows than expected', async () => {
    const store = await memoryStore();
    await expect(int32Columns(store, 'SELECT CASE WHEN range = 3000 THEN NULL ELSE range::INTEGER END AS v '
      + 'FROM range(5000)', 5000)).rejects.toThrow(/NULL in column v/);
    await expect(int32Columns(store, 'SELECT range AS big FROM range(10)', 10)).rejects.toThrow(/big .* not INTEGER/);
    await expect(int32Columns(store, 'SELECT range::INTEGER FROM range(10)', 9)).rejects.toThrow(/more than the 9/);
    await expect(int32Columns(store, 'SELECT range::INTEGER FROM range(10)', 11)).rejects.toThrow(/gave 10 rows, not/);
    store.close();
  });
});
