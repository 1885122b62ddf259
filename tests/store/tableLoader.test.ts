// Large tables staged in blocks come back exactly as they went in, in their order, across blocks, chunks and slices.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { BLOCK_ROWS } from '../../src/store/stagedRows';
import type { StagingOptions } from '../../src/store/stagedRows';
import { STAGE, TableLoader } from '../../src/store/tableLoader';
import type { Cell } from '../../src/store/writeRows';

// The staging's own separator (\u001f) and escape (\u001e) in every arrangement, with other hostile text.
const HOSTILE = [
  '', ' ', 'plain', '"', 'tab\there', 'line\nbreak', '\\N', 'NULL', 'Ünïcødé — “curly” 𝔘 😀', "O'Brien",
  '=1+1',
  'nul\u0000inside', '\u0000', '\u001f', '\u001e', '\u001es', '\u001ee', '\u001e\u001f', '\u001f\u001e', 'a\u001fb',
  'a\u001eb', '\u001e\u001e', '\u001f\u001f', 'ends\u001e', 's\u001es\u001fe', '<b>x</b>',
];

async function open(options: Partial<StagingOptions> = {}): Promise<{ con: DuckDBConnection; loader: TableLoader }> {
  const instance = await DuckDBInstance.create(join(mkdtempSync(join(tmpdir(), 'loader-')), 'x.duckdb'));
  const con = await instance.connect();
  return { con, loader: await TableLoader.open(instance, con, options) };
}

const readAll = async (con: DuckDBConnection, sql: string) => (await con.runAndReadAll(sql)).getRows()
  .map((r) => r.map((v) => v ?? undefined));

describe('TableLoader', () => {
  it('stages text, NULLs, numbers and booleans across blocks, chunks and slices, and keeps their order', async () => {
    const { con, loader } = await open({ sliceBlocks: 2 });
    await con.run('CREATE TABLE t (i INTEGER, s VARCHAR, n VARCHAR, x DOUBLE, b BOOLEAN, y INTEGER)');
    // Three slices of two blocks and a partial one; NULLs in a different pattern per column, and a whole block of
    // NULL integers followed by blocks with none.
    const count = 6 * BLOCK_ROWS + 1234;
    const row = (i: number): Cell[] => [
      (i * 7919) % count, `${HOSTILE[i % HOSTILE.length]}#${i}`, i % 7 === 0 ? undefined : HOSTILE[i % HOSTILE.length],
      i % 5 === 0 ? undefined : i / 3, i % 11 === 0 ? undefined : i % 2 === 0,
      i >= BLOCK_ROWS && i < 2 * BLOCK_ROWS ? undefined : -i,
    ];
    await loader.rows('t', 'ivvdbi', count, (i, emit) => emit(...row(i)));
    await loader.settle();
    const rows = await readAll(con, 'SELECT * FROM t ORDER BY rowid');
    expect(rows.length).toBe(count);
    const wrong = rows.filter((r, i) => JSON.stringify(r) !== JSON.stringify(row(i))).map((r) => r[0]);
    expect(wrong).toEqual([]);
    expect(await readAll(con, "SELECT count(*)::INTEGER FROM duckdb_tables() WHERE database_name = 'coauthor_stage'"))
      .toEqual([[0]]);
  });

  it('ends a slice early on wide text, and a cell of 700,000 characters goes in whole', async () => {
    const { con, loader } = await open({ sliceChars: 200_000 });
    await con.run('CREATE TABLE t (i INTEGER, s VARCHAR)');
    const huge = `${'ü'.repeat(700_000)}\u001f`;
    const text = (i: number) => (i === 5000 ? huge : `Łukasz 😀 "${i}" ${'żółw '.repeat(i % 9)}`);
    const count = 3 * BLOCK_ROWS;
    await loader.rows('t', 'iv', count, (i, emit) => emit(i, text(i)));
    await loader.settle();
    const rows = await readAll(con, 'SELECT i, s FROM t ORDER BY rowid');
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: count }, (_, i) => i));
    expect(rows.filter(([i, s]) => s !== text(i as number)).map((r) => r[0])).toEqual([]);
  });

  it('cuts a block short where its text grows long, and keeps the NULLs of the numbers after it in place', async () => {
    const { con, loader } = await open({ blockChars: 5_000 });
    await con.run('CREATE TABLE t (i INTEGER, s VARCHAR, y INTEGER, b BOOLEAN)');
    // Blocks of a few rows each, of odd lengths: NULL numbers and booleans land at every offset of the lists.
    const count = 2 * BLOCK_ROWS + 333;
    const row = (i: number): Cell[] => [
      i, i % 97 === 0 ? `${'w'.repeat(1_000 + (i % 7) * 301)}\u001f${i}` : `${i}`, i % 3 ? -i : undefined,
      i % 5 ? i % 2 === 0 : undefined,
    ];
    await loader.rows('t', 'ivib', count, (i, emit) => emit(...row(i)));
    await loader.settle();
    const rows = await readAll(con, 'SELECT * FROM t ORDER BY rowid');
    expect(rows.length).toBe(count);
    expect(rows.filter((r, i) => JSON.stringify(r) !== JSON.stringify(row(i))).map((r) => r[0])).toEqual([]);
  });

  it('keeps an empty text and a NULL apart in a last block of one row', async () => {
    const { con, loader } = await open();
    await con.run('CREATE TABLE t (i INTEGER, s VARCHAR, n VARCHAR)');
    const row = (i: number): Cell[] => (i === BLOCK_ROWS ? [i, '', undefined] : [i, `${i}`, '']);
    await loader.rows('t', 'ivv', BLOCK_ROWS + 1, (i, emit) => emit(...row(i)));
    await loader.settle();
    const rows = await readAll(con, 'SELECT * FROM t ORDER BY rowid');
    expect(rows.length).toBe(BLOCK_ROWS + 1);
    expect(rows.at(-1)).toEqual([BLOCK_ROWS, '', undefined]);
    expect(rows.filter((r, i) => JSON.stringify(r) !== JSON.stringify(row(i)))).toEqual([]);
  });

  it('goes in through the appender while other work runs, then staged, in one order', async () => {
    const { con, loader } = await open({ sliceBlocks: 1 });
    await con.run('CREATE TABLE t (i INTEGER, s VARCHAR, n VARCHAR)');
    let asked = 0;
    loader.besideWork = () => ++asked <= 3; // busy for three slices (asked before the first, then after each)
    const count = 5 * BLOCK_ROWS + 99;
    const row = (i: number): Cell[] => [i, `${HOSTILE[i % HOSTILE.length]}·${i}`, i % 3 ? undefined : '\u001e'];
    await loader.rows('t', 'ivv', count, (i, emit) => emit(...row(i)));
    await loader.settle();
    expect(asked).toBe(4);
    const rows = await readAll(con, 'SELECT * FROM t ORDER BY rowid');
    expect(rows.length).toBe(count);
    expect(rows.filter((r, i) => JSON.stringify(r) !== JSON.stringify(row(i)))).toEqual([]);
  });

  it('takes text cells as UTF-8 bytes, mixed with text and NULLs, staged and through the appender alike', async () => {
    const { con, loader } = await open({ sliceBlocks: 1 });
    await con.run('CREATE TABLE t (i INTEGER, s VARCHAR, n VARCHAR, m VARCHAR)');
    // Bytes views into one shared pool, as a record table holds its text.
    const encoder = new TextEncoder();
    const pool = new Uint8Array(new SharedArrayBuffer(1 << 20));
    let used = 0;
    const views = HOSTILE.map((h) => {
      const n = encoder.encodeInto(h, pool.subarray(used)).written;
      used += n;
      return pool.subarray(used - n, used);
    });
    let asked = 0;
    loader.besideWork = () => ++asked <= 2; // the first two slices through the appender, the rest staged
    const count = 4 * BLOCK_ROWS + 77;
    const h = (i: number) => i % HOSTILE.length;
    // s: always bytes; n: bytes, text or NULL in turn; m: bytes in some blocks only (others all text).
    const pick = <T>(i: number, bytesOrText: T, orText: (i: number) => T, orNull: T | undefined) =>
      (i % 3 === 0 ? bytesOrText : i % 3 === 1 ? orText(i) : orNull);
    const oddBlock = (i: number) => Math.floor(i / BLOCK_ROWS) % 2 === 1;
    const cells = (i: number): Cell[] => [i, views[h(i)], pick<Cell>(i, views[h(i)], String, undefined),
      oddBlock(i) ? views[h(i)] : `t${HOSTILE[h(i)]}`];
    const expected = (i: number) => [i, HOSTILE[h(i)], pick(i, HOSTILE[h(i)], String, undefined),
      oddBlock(i) ? HOSTILE[h(i)] : `t${HOSTILE[h(i)]}`];
    await loader.rows('t', 'ivvv', count, (i, emit) => emit(...cells(i)));
    await loader.settle();
    expect(asked).toBe(3);
    const rows = await readAll(con, 'SELECT * FROM t ORDER BY rowid');
    expect(rows.length).toBe(count);
    expect(rows.filter((r, i) => JSON.stringify(r) !== JSON.stringify(expected(i)))).toEqual([]);
  });

  it('runs a queued statement after every insert queued before it', async () => {
    const { con, loader } = await open({ sliceBlocks: 1 });
    await con.run('CREATE TABLE t (i INTEGER, s VARCHAR)');
    await con.run('CREATE TABLE seen (n BIGINT)');
    const count = 10 * BLOCK_ROWS + 17;
    await loader.rows('t', 'iv', count, (i, emit) => emit(i, `row ${i}`));
    await loader.run('INSERT INTO seen SELECT count(*) FROM t');
    expect(await readAll(con, 'SELECT n::INTEGER FROM seen')).toEqual([[count]]);
    expect(await readAll(con, 'SELECT min(i), max(i) FROM t')).toEqual([[0, count - 1]]);
  });

  it('appends numbers on this thread, into the store or a table of the staging database', async () => {
    const { con, loader } = await open();
    await con.run('CREATE TABLE t (i INTEGER, x DOUBLE)');
    await con.run(`CREATE TABLE ${STAGE}.g (i INTEGER, x DOUBLE)`);
    const count = 3 * BLOCK_ROWS + 5;
    const fill = (start: number, n: number, [i, x]: (Int32Array | Float64Array)[]) => {
      for (let k = 0; k < n; k++) { i![k] = start + k; x![k] = (start + k) / 4; }
    };
    await loader.numbers('t', 'id', count, fill);
    await loader.numbers(`${STAGE}.g`, 'id', count, fill);
    for (const table of ['t', `${STAGE}.g`]) {
      const rows = await readAll(con, `SELECT i, x FROM ${table} ORDER BY rowid`);
      expect(rows.length).toBe(count);
      expect(rows.filter(([i, x], k) => i !== k || x !== k / 4)).toEqual([]);
    }
  });

  it('reports an insert that fails, at settle and to every statement queued after it', async () => {
    const { con, loader } = await open();
    await con.run('CREATE TABLE u (k INTEGER PRIMARY KEY, s VARCHAR)');
    await con.run('CREATE TABLE v (k INTEGER)');
    await loader.rows('u', 'iv', 2 * BLOCK_ROWS, (i, emit) => emit(i % BLOCK_ROWS, 'twice'));
    const after = loader.run('INSERT INTO v VALUES (1)');
    await expect(loader.settle()).rejects.toThrow(/duplicate key|constraint/i);
    await expect(after).rejects.toThrow();
    expect(await readAll(con, 'SELECT count(*)::INTEGER FROM v')).toEqual([[0]]);
  });
});
