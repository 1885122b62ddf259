// The explorer's look-up tables, kept in a DuckDB file beside the store: `serve` builds them once, later starts reuse
// them (2.9M records: 10 s of sorting on every start before).

import { existsSync, statSync } from 'node:fs';
import { fnv1a } from '../corpus/hash';
import type { Store } from './readStore';
import { tempDatabase } from './tempFiles';

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
async function dropLookup(store: Store, name: string): Promise<void> {
  const made = await store.con.runAndReadAll(`SELECT 'TABLE' FROM duckdb_tables() WHERE temporary AND table_name = $1
    UNION ALL SELECT 'VIEW' FROM duckdb_views() WHERE temporary AND view_name = $1`, [name]);
  for (const [kind] of made.getRows()) await store.con.run(`DROP ${kind as string} temp.main.${name}`);
}

/** Table `name` read from database `db` under its own name (a view in the session's temporary schema). */
async function viewOn(store: Store, db: string, name: string): Promise<void> {
  await dropLookup(store, name);
  await store.con.run(`CREATE TEMP VIEW ${name} AS SELECT * FROM ${db}.main.${name}`);
}

async function inMemory(store: Store, tables: LookupTable[], onStage: (stage: string) => void): Promise<LookupSource> {
  for (const t of tables) {
    onStage(t.stage);
    await dropLookup(store, t.name);
    await store.con.run(`CREATE TEMP TABLE ${t.name} AS ${t.select}`);
  }
  return 'in memory';
}

/** The cache at `path` when it was made from this store with these tables (attached, views made); else false. */
async function reuse(store: Store, path: string, print: string, tables: LookupTable[]): Promise<boolean> {
  if (!existsSync(path)) return false;
  try {
    await store.con.run(`ATTACH ${quoted(path)} AS ${CACHE} (READ_ONLY)`);
    const found = await store.con.runAndReadAll(`SELECT value FROM ${CACHE}.main.cache_meta WHERE key = 'fingerprint'`);
    if (found.getRows()[0]?.[0] === print) {
      for (const t of tables) await viewOn(store, CACHE, t.name);
      return true;
    }
  } catch { /* not a cache of this version: made again */ }
  await store.con.run(`DETACH DATABASE IF EXISTS ${CACHE}`);
  return false;
}

/** Writes the tables into a temporary file, renamed into place when complete: a stopped run leaves no half cache. */
async function write(store: Store, path: string, print: string, tables: LookupTable[], onStage: (s: string) => void) {
  const file = tempDatabase(path);
  try {
    // The store's instance is read-only: the cache is attached for writing explicitly.
    await store.con.run(`ATTACH ${quoted(file.tmp)} AS ${BUILDING} (READ_WRITE)`);
    for (const t of tables) {
      onStage(t.stage);
      await store.con.run(`CREATE TABLE ${BUILDING}.main.${t.name} AS ${t.select}`);
      await viewOn(store, BUILDING, t.name); // later tables may read earlier ones by name
    }
    const meta = `CREATE TABLE ${BUILDING}.main.cache_meta AS SELECT 'fingerprint' AS key, $1 AS value`;
    await store.con.run(meta, [print]);
    await store.con.run(`DETACH ${BUILDING}`);
    file.commit();
  } catch (e) {
    await store.con.run(`DETACH DATABASE IF EXISTS ${BUILDING}`).catch(() => undefined);
    file.discard();
    throw e;
  }
  await store.con.run(`ATTACH ${quoted(path)} AS ${CACHE} (READ_ONLY)`);
  for (const t of tables) await viewOn(store, CACHE, t.name);
}

/**
 * Makes `tables` readable by name on the store's connection. With a cache path: from the cache when it matches the
 * store, else written into it. Where the cache cannot be written (a read-only folder, a full disk), in memory.
 * `onCacheError` hears why.
 */
export async function prepareLookups(
  store: Store, tables: LookupTable[], cache: { path: string; storePath: string } | undefined,
  onStage: (stage: string) => void = () => undefined, onCacheError: (message: string) => void = () => undefined,
): Promise<LookupSource> {
  if (!cache) return inMemory(store, tables, onStage);
  // One cache attached at a time (a second atlas on the same connection takes it over).
  await store.con.run(`DETACH DATABASE IF EXISTS ${CACHE}`);
  const print = fingerprint(cache.storePath, tables);
  if (await reuse(store, cache.path, print, tables)) return 'reused';
  try {
    await write(store, cache.path, print, tables, onStage);
    return 'written';
  } catch (e) {
    onCacheError(`${cache.path}: cannot write the explorer's cache (${(e as Error).message.split('\n')[0]})`);
    return inMemory(store, tables, onStage);
  }
}
