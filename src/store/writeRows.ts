// Bulk rows into a DuckDB table: through the appender, or for large tables with text through a temporary file that
// DuckDB's CSV reader loads natively (the appender takes strings one native call each: minutes on a whole corpus).

import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import type { DuckDBAppender, DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { BOOLEAN, DOUBLE, DuckDBDataChunk, INTEGER, VARCHAR } from '@duckdb/node-api';
import bindings from '@duckdb/node-bindings';

export type Cell = string | number | boolean | undefined;
/** Called once per row with its cells in column order; undefined cells are NULL. */
export type RowSource = (emit: (...cells: Cell[]) => void) => void;

export interface RowTarget {
  con: DuckDBConnection;
  table: string;
  /** One letter per column: i integer, d double, v text, b boolean. */
  kinds: string;
  /** About how many rows will come: large tables with text take the file route. */
  rows: number;
  /** A file path for the file route, removed afterwards. */
  scratch: string;
}

const TYPES = { i: INTEGER, d: DOUBLE, v: VARCHAR, b: BOOLEAN } as const;
const CHUNK_ROWS = 2048;
/**
 * From this many rows a table with text goes through a file: on 2.9M papers it took 23 s instead of 27 s, at 4 % less
 * peak memory; on 100k papers the file's fixed costs made it slower.
 */
export const FILE_ROUTE_ROWS = 500_000;
/**
 * Text gathered before it is written out. Kept under V8's large-object size (128 KB, two bytes a character at
 * worst): a larger string is made in the old generation, and on a whole corpus those pile up into full collections.
 */
const FLUSH_CHARS = 2 ** 15;

export async function writeRows(target: RowTarget, source: RowSource): Promise<void> {
  if (target.kinds.includes('v') && target.rows >= FILE_ROUTE_ROWS) await copyRows(target, source);
  else await appendRows(target, source);
}

/** Through the appender, in data chunks of 2,048 rows (about 1.5× faster than row by row). */
async function appendRows({ con, table, kinds }: RowTarget, source: RowSource): Promise<void> {
  const app: DuckDBAppender = await con.createAppender(table);
  const types = [...kinds].map((k) => TYPES[k as keyof typeof TYPES]);
  const columns: DuckDBValue[][] = types.map(() => new Array<DuckDBValue>(CHUNK_ROWS));
  // One chunk, refilled: chunks hold native memory that V8 does not see, so making one per flush piles them up.
  const chunk = DuckDBDataChunk.create(types, CHUNK_ROWS);
  let n = 0;
  const flush = () => {
    if (n === 0) return;
    chunk.rowCount = n;
    chunk.setColumns(n === CHUNK_ROWS ? columns : columns.map((c) => c.slice(0, n)));
    app.appendDataChunk(chunk);
    n = 0;
  };
  source((...cells) => {
    for (let k = 0; k < types.length; k++) columns[k]![n] = cells[k] ?? null;
    if (++n === CHUNK_ROWS) flush();
  });
  flush();
  app.closeSync();
}

/** Fills rows `start .. start + n` of a numeric table into `columns[k][0 .. n)`, one typed array per column. */
export type ColumnFill = (start: number, n: number, columns: (Int32Array | Float64Array)[]) => void;

/**
 * A table of numbers only (i integer, d double) through the appender, filled a chunk at a time into typed arrays:
 * no call and no cell array per row, which on tens of millions of ties was most of the time of writing them.
 */
export async function appendNumbers(
  con: DuckDBConnection, table: string, kinds: string, rows: number, fill: ColumnFill, catalog?: string,
): Promise<void> {
  const app: DuckDBAppender = await con.createAppender(table, null, catalog);
  const types = [...kinds].map((k) => (k === 'd' ? DOUBLE : INTEGER));
  const scratch = [...kinds].map((k) => (k === 'd' ? new Float64Array(CHUNK_ROWS) : new Int32Array(CHUNK_ROWS)));
  const chunk = DuckDBDataChunk.create(types, CHUNK_ROWS);
  for (let start = 0; start < rows; start += CHUNK_ROWS) {
    const n = Math.min(CHUNK_ROWS, rows - start);
    fill(start, n, scratch);
    chunk.rowCount = n;
    // Each column's values copied into its vector at once (item by item, the checks were a third of the time).
    // The vectors' validity is never touched: a fresh chunk holds no NULL.
    for (let k = 0; k < types.length; k++) {
      const values = scratch[k]!;
      bindings.copy_data_to_vector(bindings.data_chunk_get_vector(chunk.chunk, k), 0, values.buffer, 0,
        n * values.BYTES_PER_ELEMENT);
    }
    app.appendDataChunk(chunk);
  }
  app.closeSync();
}

/** Quotes text that holds a tab, line break or quote, and the empty string (an unquoted empty field is NULL). */
const NEEDS_QUOTES = /[\t\n\r"]/;
export function tsvCell(cell: Cell): string {
  if (cell === undefined) return '';
  if (typeof cell !== 'string') return String(cell);
  return cell === '' || NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Through a tab-separated file and COPY: text reaches DuckDB in large blocks, parsed natively on every core. */
async function copyRows({ con, table, kinds, scratch }: RowTarget, source: RowSource): Promise<void> {
  const fd = openSync(scratch, 'w');
  let written = 0;
  try {
    let text = '';
    source((...cells) => {
      let line = tsvCell(cells[0]);
      for (let k = 1; k < kinds.length; k++) line += `\t${tsvCell(cells[k])}`;
      text += `${line}\n`;
      written++;
      if (text.length >= FLUSH_CHARS) { writeSync(fd, text); text = ''; }
    });
    if (text) writeSync(fd, text);
  } finally { closeSync(fd); }
  try {
    if (written === 0) return;
    // Nothing is guessed: the table's own column types, no header, and quoted empty text stays text.
    const options = "DELIMITER '\t', QUOTE '\"', ESCAPE '\"', HEADER false, NULL '', ALLOW_QUOTED_NULLS false, "
      + "AUTO_DETECT false, NEW_LINE '\\n'";
    await con.run(`COPY ${table} FROM '${scratch.replace(/'/g, "''")}' (${options})`);
  } finally { rmSync(scratch, { force: true }); }
}
