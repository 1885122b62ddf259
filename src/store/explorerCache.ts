// The explorer's look-up tables, kept in a DuckDB file beside the store: `serve` builds them once, later starts reuse
// them (2.9M records: 10 s of sorting on every start before). They are made on a connection of their own, one after
// the other, each readable as soon as it is made: the group map answers before the rest are done.

import { existsSync, statSync } from 'node:fs';
import { fnv1a } from '../corpus/hash';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Store } from './readStore';
import { tempDatabase } from './tempFiles';
import { LookupGate } from './lookupGate';

/** A look-up table: its name in queries, the SELECT that fills it, and what progress calls it. */
export interface LookupTable { name: string; select: string; stage: string }

/** How the tables came: read from the cache, written into it now, or made in memory for this run only. */
export type LookupSource = 'reused' | 'written' | 'in memory';

const CACHE = 'explorer_cache';
const BUILDING = 'explorer_build';

/** "corpus.duckdb" → "corpus.explorer.duckdb": a DuckDB file users may open as well. */
export function explorerCachePath(storePath: string): string {
  return `${storePath.replace(/\.duckdb$/i, '')}.explorer.duckdb`;
}

/**
 * What a cache was made from: the store file (a build replaces it whole, so size and time change) and the tables'
 * definitions (a newer coauthor-graph may define them otherwise).
 */
function fingerprint(storePath: string, tables: LookupTable[]): string {
  const s = statSync(storePath);
  const definitions = fnv1a(tables.map((t) => `${t.name}\n${t.select}`).join('\n'));
  return `${s.size}:${Math.trunc(s.mtimeMs)}:${definitions.toString(16)}`;
}

const quoted = (path: string) => `'${path.replace(/'/g, "''")}'`;

/** Drops what an earlier atlas on this connection made under `name` (a table or a view), so either may take it. */
async function dropLookup(con: DuckDBConnection, name: string): Promise<void> {
  const made = await con.runAndReadAll(`SELECT 'TABLE' FROM duckdb_tables() WHERE temporary AND table_name = $1
    UNION ALL SELECT 'VIEW' FROM duckdb_views() WHERE temporary AND view_name = $1`, [name]);
  for (const [kind] of made.getRows()) await con.run(`DROP ${kind as string} temp.main.${name}`);
}

/** Table `name` read from database `db` under its own name (a view in the session's temporary schema). */
async function viewOn(con: DuckDBConnection, db: string, name: string): Promise<void> {
  await dropLookup(con, name);
  await con.run(`CREATE TEMP VIEW ${name} AS SELECT * FROM ${db}.main.${name}`);
}

/** Hears each stage before it starts, and may hold it back by returning a promise (tests do). */
export type StageListener = (stage: string) => void | Promise<void>;

/** The store whose connection reads the tables, the gate its queries pass, and who hears the stages. */
interface Maker { store: Store; gate: LookupGate; onStage: StageListener }

/**
 * Makes the tables one after the other: `make` builds one (beside the store's queries, or doing nothing), then
 * `show`, while none of those queries runs, lets the store's connection read it by name; then it is open.
 */
async function oneByOne(
  m: Maker, tables: LookupTable[], make: (t: LookupTable) => Promise<void>, show: (t: LookupTable) => Promise<void>,
): Promise<void> {
  for (const t of tables) {
    await m.onStage(t.stage);
    await make(t);
    await m.gate.exclusive(() => show(t));
    m.gate.opened(t.name);
  }
}

/**
 * The tables in memory, for this run only: temporary tables of the store's connection itself (a read-only instance
 * can attach no in-memory database), so its queries wait while each is made.
 */
function inMemory(m: Maker, tables: LookupTable[]): Promise<void> {
  const con = m.store.con;
  return oneByOne(m, tables, async () => undefined, async (t) => {
    await dropLookup(con, t.name);
    await con.run(`CREATE TEMP TABLE ${t.name} AS ${t.select}`);
  });
}

/** The cache at `path` when it was made from this store with these tables (attached, views made); else false. */
async function reuse(con: DuckDBConnection, path: string, print: string, tables: LookupTable[]): Promise<boolean> {
  if (!existsSync(path)) return false;
  try {
    await con.run(`ATTACH ${quoted(path)} AS ${CACHE} (READ_ONLY)`);
    const found = await con.runAndReadAll(`SELECT value FROM ${CACHE}.main.cache_meta WHERE key = 'fingerprint'`);
    if (found.getRows()[0]?.[0] === print) {
      for (const t of tables) await viewOn(con, CACHE, t.name);
      return true;
    }
  } catch { /* not a cache of this version: made again */ }
  await con.run(`DETACH DATABASE IF EXISTS ${CACHE}`);
  return false;
}

/**
 * Writes the tables into a temporary file, each readable as soon as it is made, then renames the file into place
 * and reads them from there: a stopped run leaves no half cache. On a failure nothing is readable any more.
 */
async function write(m: Maker, path: string, print: string, tables: LookupTable[]): Promise<void> {
  const file = tempDatabase(path);
  const { store, gate } = m;
  // The tables are made on a connection of their own: the store's queries go on meanwhile.
  const own = await store.connect();
  try {
    // The store's instance is read-only: the cache is attached for writing explicitly (for every connection).
    await own.run(`ATTACH ${quoted(file.tmp)} AS ${BUILDING} (READ_WRITE)`);
    await oneByOne(m, tables, async (t) => {
      await own.run(`CREATE TABLE ${BUILDING}.main.${t.name} AS ${t.select}`);
      await viewOn(own, BUILDING, t.name); // later tables may read earlier ones by name
    }, (t) => viewOn(store.con, BUILDING, t.name));
    // The finished file replaces the one being written under the views.
    await m.onStage('the cache file');
    await gate.exclusive(async () => {
      const meta = `CREATE TABLE ${BUILDING}.main.cache_meta AS SELECT 'fingerprint' AS key, $1 AS value`;
      await store.con.run(meta, [print]);
      await store.con.run(`DETACH ${BUILDING}`);
      file.commit();
      await store.con.run(`ATTACH ${quoted(path)} AS ${CACHE} (READ_ONLY)`);
      for (const t of tables) await viewOn(store.con, CACHE, t.name);
    });
  } catch (e) {
    // Nothing stays readable: the tables are made again in memory.
    await gate.exclusive(async () => {
      gate.reset();
      await store.con.run(`DETACH DATABASE IF EXISTS ${BUILDING}`).catch(() => undefined);
      await store.con.run(`DETACH DATABASE IF EXISTS ${CACHE}`).catch(() => undefined);
      file.discard();
    });
    throw e;
  } finally {
    own.closeSync();
  }
}

/** Look-up tables on their way: queries read them through the gate; `done` says where they came from, once all are. */
export interface PreparedLookups { gate: LookupGate; done: Promise<LookupSource> }

/**
 * Makes `tables` readable by name on the store's connection, one after the other (each as soon as it is made). With
 * a cache path: from the cache when it matches the store, else written into it. Where the cache cannot be written
 * (a read-only folder, a full disk), in memory; `onCacheError` hears why.
 */
export function prepareLookups(
  store: Store, tables: LookupTable[], cache: { path: string; storePath: string } | undefined,
  onStage: StageListener = () => undefined, onCacheError: (message: string) => void = () => undefined,
): PreparedLookups {
  const gate = new LookupGate(tables.map((t) => t.name));
  const done = fill(store, tables, cache, gate, onStage, onCacheError);
  done.catch((e: Error) => gate.failed(e));
  return { gate, done };
}

async function fill(
  store: Store, tables: LookupTable[], cache: { path: string; storePath: string } | undefined, gate: LookupGate,
  onStage: StageListener, onCacheError: (message: string) => void,
): Promise<LookupSource> {
  const print = cache ? fingerprint(cache.storePath, tables) : '';
  if (cache) {
    let reused = false;
    await gate.exclusive(async () => {
      // One cache attached at a time (a second atlas on the same connection takes it over).
      await store.con.run(`DETACH DATABASE IF EXISTS ${CACHE}`);
      reused = await reuse(store.con, cache.path, print, tables);
    });
    if (reused) {
      for (const t of tables) gate.opened(t.name);
      return 'reused';
    }
  }
  const maker: Maker = { store, gate, onStage };
  if (!cache) { await inMemory(maker, tables); return 'in memory'; }
  try {
    await write(maker, cache.path, print, tables);
    return 'written';
  } catch (e) {
    onCacheError(`${cache.path}: cannot write the explorer's cache (${(e as Error).message.split('\n')[0]})`);
    await inMemory(maker, tables);
    return 'in memory';
  }
}
