// A whole corpus's build writes the authors before their groups are found, then sets each author's group in one
// update (through a scratch table of the staging database): every author gets its own group, none is left out.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { StoreWriter } from '../../src/store/writeStore';

describe('StoreWriter.setAuthorGroups', () => {
  it('sets every author’s group after the authors table is written', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'groups-')), 'store.duckdb');
    const writer = await StoreWriter.open(path);
    // The authors table as writeAuthors leaves it on that path: rows without groups.
    const count = 20_000;
    const con = (writer as unknown as { con: DuckDBConnection }).con;
    await con.run(`INSERT INTO authors (author, label) SELECT range, 'a' || range FROM range(${count})`);
    const group = Int32Array.from({ length: count }, (_, a) => (a * 7919) % 97);
    await writer.setAuthorGroups(group);
    await writer.finish();
    const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
    const read = await instance.connect();
    const rows = (await read.runAndReadAll('SELECT author, community FROM authors ORDER BY author')).getRows();
    const scratch = await read.runAndReadAll(
      "SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name = 'author_groups'");
    read.closeSync(); instance.closeSync();
    expect(rows.length).toBe(count);
    expect(rows.filter(([a, c]) => c !== group[a as number])).toEqual([]);
    expect(scratch.getRows()).toEqual([[0]]);
  });
});
