// Writes a store's tables: small ones at once through the appender, large ones staged in blocks and inserted in order
// by DuckDB's own threads (stagedRows.ts) while this thread goes on with the next table.

import type { DuckDBConnection, DuckDBInstance, DuckDBValue } from '@duckdb/node-api';
import type { Cell, ColumnFill } from './writeRows';
import { appendNumbers, appendRows } from './writeRows';
import type { StagingOptions } from './stagedRows';
import { BLOCK_ROWS, BlockStager, stagingDefaults, stagingSql } from './stagedRows';

/** Row `i`'s cells, given to `emit` in column order (undefined is NULL). */
export type CellsOf = (i: number, emit: (...cells: Cell[]) => void) => void;

/** The in-memory database that holds staged slices until they are inserted. */
export const STAGE = 'coauthor_stage';

/** Up to this many rows a table goes in at once through the appender: staging would only add statements. */
const DIRECT_ROWS = BLOCK_ROWS;

interface Slice { table: string; stager: BlockStager; close: () => void }

/** A turn of the event loop: messages from other threads (the groups worker's answer) come in. */
const eventsIn = () => new Promise<void>((resolve) => { setImmediate(resolve); });

export class TableLoader {
  private slices = 0;
  /** The insert of the slice staged last: one slice inserts while the next is staged, and no more are held. */
  private inserting: Promise<unknown> = Promise.resolve();
  /**
   * Whether another thread has heavy work (the groups worker). Meanwhile rows go in through the appender on this
   * thread: staged, DuckDB's inserting threads would take time from it. On 1M synthetic papers, whose groups take
   * longer than all the writes, staging throughout made the build 10 s slower (102 → 112 s) and its peak 0.2 GB
   * higher; on 2.9M records, whose writes take longer, staging once the groups are found makes it faster.
   */
  besideWork: () => boolean = () => false;

  private constructor(
    private readonly con: DuckDBConnection, private readonly queue: StatementQueue,
    private readonly options: StagingOptions,
  ) {}

  /** A loader on `con`, with a second connection of `instance` for the inserts. */
  static async open(
    instance: DuckDBInstance, con: DuckDBConnection, options: Partial<StagingOptions> = {},
  ): Promise<TableLoader> {
    await con.run(`ATTACH ':memory:' AS ${STAGE}`);
    return new TableLoader(con, new StatementQueue(await instance.connect()), { ...stagingDefaults, ...options });
  }

  /** Rows 0 .. count - 1 of `table` (kinds: one letter a column, i integer, d double, v text, b boolean). */
  async rows(table: string, kinds: string, count: number, cellsOf: CellsOf): Promise<void> {
    let i = 0;
    // A small table goes in whole through the appender; tables are written once each, so it may go in beside a queued
    // insert into another.
    if (count <= DIRECT_ROWS || this.besideWork()) {
      // A slice at a time, looking again after each whether the other work is done.
      const direct = await appendRows({ con: this.con, table, kinds });
      const sliceRows = this.options.sliceBlocks * BLOCK_ROWS;
      while (i < count) {
        for (const end = Math.min(count, i + sliceRows); i < end; i++) cellsOf(i, direct.emit);
        await eventsIn();
        if (!this.besideWork()) break;
      }
      direct.close();
      if (i === count) return;
    }
    let slice = await this.openSlice(kinds);
    for (; i < count; i++) {
      cellsOf(i, slice.stager.emit);
      if (slice.stager.sliceFull()) {
        await this.insertSlice(slice, table, kinds);
        slice = await this.openSlice(kinds);
      }
    }
    await this.insertSlice(slice, table, kinds);
  }

  /**
   * A table of numbers (i integer, d double), filled a chunk at a time into typed arrays and appended on this thread.
   * Staged, they went in slower: on 2.9M records the 7M ties took 9.9 s instead of 6.5 s, as DuckDB's inserting
   * threads and the groups worker shared the two cores, while this thread waited. A table is written once, so it may
   * go in beside a queued insert into another.
   */
  numbers(table: string, kinds: string, count: number, fill: ColumnFill): Promise<void> {
    return appendNumbers(this.con, table, kinds, count, fill);
  }

  /** A statement on the store, after every insert queued before it; settles when it has run. */
  run(sql: string, values?: DuckDBValue[]): Promise<unknown> {
    return this.queue.push((con) => con.run(sql, values));
  }

  /** Waits for every queued insert and statement; rethrows the first failure. */
  settle(): Promise<void> {
    return this.queue.settle();
  }

  /** Closes the insert connection (after settle). */
  close(): void {
    this.queue.con.closeSync();
  }

  private async openSlice(kinds: string): Promise<Slice> {
    const name = `s${this.slices++}`;
    const table = `${STAGE}.${name}`;
    await this.con.run(`CREATE TABLE ${table} (${stagingSql(kinds, table).columns})`);
    const app = await this.con.createAppender(name, 'main', STAGE);
    const stager = new BlockStager(kinds, (chunk) => app.appendDataChunk(chunk), this.options);
    return { table, stager, close: () => app.closeSync() };
  }

  private async insertSlice(slice: Slice, target: string, kinds: string): Promise<void> {
    slice.stager.flush();
    slice.close();
    const expected = slice.stager.staged;
    const inserted = this.queue.push(async (con) => {
      const result = await con.run(`INSERT INTO ${target} ${stagingSql(kinds, slice.table).unpack}`);
      await con.run(`DROP TABLE ${slice.table}`);
      // A block whose text split into a different number of cells would shift every later row: never let it pass.
      if (result.rowsChanged !== expected) {
        throw new Error(`${target}: ${expected} rows were staged, ${result.rowsChanged} went in`);
      }
    });
    const before = this.inserting;
    this.inserting = inserted;
    await before;
  }
}

/** Runs statements on one connection in order, each after the one before; a failure fails every later one. */
export class StatementQueue {
  private last: Promise<unknown> = Promise.resolve();

  constructor(readonly con: DuckDBConnection) {}

  /** Queues `step`; the promise settles when it has run. */
  push<T>(step: (con: DuckDBConnection) => Promise<T>): Promise<T> {
    const next = this.last.then(() => step(this.con));
    this.last = next;
    next.catch(() => undefined); // awaited (and reported) by whoever needs the result, or by settle
    return next;
  }

  /** Waits for every queued statement; rethrows the first failure. */
  async settle(): Promise<void> {
    await this.last;
  }
}
