// Integer columns of a query's result copied straight out of DuckDB's vectors: one copy a column per chunk of 2,048
// rows, not a call per cell (reading 33.6M ties cell by cell took 8 s; this way the query's own time is most of it).

import type { DuckDBResult } from '@duckdb/node-api';
import { DuckDBTypeId } from '@duckdb/node-api';
import bindings from '@duckdb/node-bindings';
import type { Store } from './readStore';
import { StoreError } from './readStore';

/** Whether the first `rows` bits of a validity mask are all set (no NULL among them). */
function allValid(mask: Uint8Array, rows: number): boolean {
  const whole = rows >> 3;
  for (let i = 0; i < whole; i++) if (mask[i] !== 0xff) return false;
  const rest = rows & 7;
  return rest === 0 || (mask[whole]! & ((1 << rest) - 1)) === ((1 << rest) - 1);
}

function checkTypes(result: DuckDBResult, sql: string): void {
  for (let c = 0; c < result.columnCount; c++) {
    if (result.columnTypeId(c) !== DuckDBTypeId.INTEGER) {
      throw new StoreError(`column ${result.columnName(c)} of "${sql}" is not INTEGER but ${result.columnType(c)}`);
    }
  }
}

/** Every column of `sql` (each INTEGER, never NULL), `rows` values each: a different count is an error. */
export async function int32Columns(store: Pick<Store, 'con'>, sql: string, rows: number): Promise<Int32Array[]> {
  const result = await store.con.stream(sql);
  checkTypes(result, sql);
  const columns = Array.from({ length: result.columnCount }, () => new Int32Array(rows));
  let at = 0;
  for (let chunk = await result.fetchChunk(); chunk; chunk = await result.fetchChunk()) {
    const n = chunk.rowCount;
    if (n === 0) break;
    if (at + n > rows) throw new StoreError(`"${sql}" gave more than the ${rows} rows expected`);
    for (let c = 0; c < columns.length; c++) {
      const vector = bindings.data_chunk_get_vector(chunk.chunk, c);
      const mask = bindings.vector_get_validity(vector, Math.ceil(n / 8));
      if (mask && !allValid(mask, n)) throw new StoreError(`"${sql}" gave a NULL in column ${result.columnName(c)}`);
      const data = bindings.vector_get_data(vector, n * 4);
      columns[c]!.set(new Int32Array(data.buffer, data.byteOffset, n), at);
    }
    at += n;
  }
  if (at !== rows) throw new StoreError(`"${sql}" gave ${at} rows, not the ${rows} expected`);
  return columns;
}
