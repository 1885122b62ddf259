// Rows come back from DuckDB exactly as they went in: NULL, empty, quotes, tabs, line breaks, NUL characters.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/store/writeRows';
import { appendNumbers, writeRows } from '../../src/store/writeRows';

const HOSTILE = [
  '', ' ', 'plain', '"', '""', 'a "quoted" title', 'tab\there', 'line\nbreak', 'crlf\r\nend', '\r', '\\N', 'NULL',
  'null', '\\', 'trailing\\', ' spaced ', 'Ünïcødé — “curly” 𝔘 😀', '<img src=x onerror=alert(1)>', "O'Brien", '=1+1',
  '"\t\n"', 'ends with quote"', '"starts', '\u0001id', ',,,', ';', 'nul\u0000inside', '\u0000',
];

describe('writeRows', () => {
  it('round-trips hostile text, NULLs, numbers and booleans', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rows-'));
    const instance = await DuckDBInstance.create(join(dir, 'x.duckdb'));
    const con = await instance.connect();
    const rows: Cell[][] = HOSTILE.map((s, i) => [
      i, s, i % 3 === 0 ? undefined : s, i % 2 === 0, i % 4 === 0 ? undefined : i * 7,
    ]);
    const read = async (table: string) => (await con.runAndReadAll(`SELECT i, s, n, b, y FROM ${table} ORDER BY i`))
      .getRows().map((r) => r.map((v) => v ?? undefined));
    await con.run('CREATE TABLE t (i INTEGER, s VARCHAR, n VARCHAR, b BOOLEAN, y INTEGER)');
    await writeRows({ con, table: 't', kinds: 'ivvbi' }, (emit) => { for (const r of rows) emit(...r); });
    expect(await read('t')).toEqual(rows);
    await writeRows({ con, table: 't', kinds: 'ivvbi' }, () => undefined);
    expect((await con.runAndReadAll('SELECT count(*)::INTEGER FROM t')).getRows()[0]![0]).toBe(HOSTILE.length);
    con.closeSync(); instance.closeSync();
  });

  it('writes many rows of wide text, across chunks, and a cell of 700,000 characters', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    await con.run('CREATE TABLE t (i INTEGER, s VARCHAR)');
    // About 5 MB of two- to four-byte characters, with quotes and tabs here and there.
    const text = (i: number) => `Łukasz Dvořák 😀 "${i}"\t ${'żółw 中文 '.repeat(1 + (i % 40))}`;
    const huge = `${'ü'.repeat(700_000)}end`;
    const count = 30_000;
    await writeRows({ con, table: 't', kinds: 'iv' }, (emit) => {
      for (let i = 0; i < count; i++) emit(i, i === 777 ? huge : text(i));
    });
    const rows = (await con.runAndReadAll('SELECT i, s FROM t ORDER BY i')).getRows();
    expect(rows.length).toBe(count);
    const expected = (i: number) => (i === 777 ? huge : text(i));
    const wrong = rows.filter(([i, s]) => s !== expected(i as number)).map(([i]) => i);
    expect(wrong).toEqual([]);
    con.closeSync(); instance.closeSync();
  });

  it('appends numeric columns chunk by chunk, across chunk boundaries', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    await con.run('CREATE TABLE t (i INTEGER, a INTEGER, x DOUBLE)');
    const count = 5000; // two full chunks of 2,048 and a partial one
    const starts: number[] = [];
    await appendNumbers(con, 't', 'iid', count, (start, n, [i, a, x]) => {
      starts.push(start);
      for (let k = 0; k < n; k++) { i![k] = start + k; a![k] = (start + k) * -3; x![k] = (start + k) / 7; }
    });
    expect(starts).toEqual([0, 2048, 4096]);
    const rows = (await con.runAndReadAll('SELECT i, a, x FROM t ORDER BY i')).getRows();
    expect(rows.length).toBe(count);
    rows.forEach(([i, a, x], k) => { expect([i, a, x]).toEqual([k, k ? k * -3 : 0, k / 7]); }); // -0 is 0 as an integer
    con.closeSync(); instance.closeSync();
  });

  it('appends rows of text, numbers and NULLs across chunk boundaries, each NULL where it was', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    await con.run('CREATE TABLE t (i INTEGER, s VARCHAR, x DOUBLE, b BOOLEAN, y INTEGER)');
    // Three chunks of 2,048 and a partial one; NULLs in a different pattern per column, none in some chunks' rows.
    const count = 7000;
    const row = (i: number): Cell[] => [
      i, i % 7 === 0 ? undefined : `${HOSTILE[i % HOSTILE.length]}#${i}`, i % 5 === 0 ? undefined : i / 3,
      i % 11 === 0 ? undefined : i % 2 === 0, i >= 2048 && i < 4096 ? undefined : -i,
    ];
    await writeRows({ con, table: 't', kinds: 'ivdbi' }, (emit) => {
      for (let i = 0; i < count; i++) emit(...row(i));
    });
    const rows = (await con.runAndReadAll('SELECT i, s, x, b, y FROM t ORDER BY i')).getRows()
      .map((r) => r.map((v) => v ?? undefined));
    expect(rows.length).toBe(count);
    const wrong = rows.filter((r, i) => JSON.stringify(r) !== JSON.stringify(row(i))).map(([i]) => i);
    expect(wrong).toEqual([]);
    con.closeSync(); instance.closeSync();
  });
});
