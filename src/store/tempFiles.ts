// A store being written lives in temporary files beside it (the database, its write-ahead log and DuckDB's spill
// folder): removed when the build fails or is stopped by a signal, and, when a killed build left them, by the next
// build of the same store. The explorer's cache beside a store is written the same way.

import { readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The temporary database of `path` written by process `pid`. */
export function storeTempPath(path: string, pid = process.pid): string {
  return `${path}.${pid}.tmp`;
}

/** A database file and what DuckDB makes beside it: its write-ahead log and its spill folder (temp_directory). */
const DUCKDB_SUFFIXES = ['', '.wal', '.tmp'];

export function removeStoreTemp(tmp: string): void {
  for (const suffix of DUCKDB_SUFFIXES) rmSync(`${tmp}${suffix}`, { recursive: true, force: true });
}

/**
 * Removes what builds of `path` left behind when they were killed (no signal handler runs on SIGKILL or when the
 * kernel stops a process for memory): the temporary files of processes that are gone. Returns their names.
 */
export function clearStaleTemps(path: string): string[] {
  const dir = dirname(path);
  const prefix = `${basename(path)}.`;
  let names: string[];
  try { names = readdirSync(dir); } catch { return []; }
  const stale: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const [, pid, suffix] = /^(\d+)\.tmp(.*)$/.exec(name.slice(prefix.length)) ?? [];
    if (pid === undefined || !DUCKDB_SUFFIXES.includes(suffix!)) continue;
    if (Number(pid) === process.pid || isRunning(Number(pid))) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    stale.push(name);
  }
  return stale;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, but another user's
  }
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * While a store is written, a stop signal removes its temporary files before the process ends as the signal says.
 * Returns the function that takes the handlers away again (once the store is in place or cleaned up).
 */
export function cleanUpOnSignal(cleanup: () => void): () => void {
  // The handlers stay while the files go: a second signal meanwhile (a terminal's Ctrl-C reaches both the launcher
  // and this process, and the launcher passes its own on) waits for this one instead of ending the process half-way.
  const handler = (signal: NodeJS.Signals) => {
    try { cleanup(); } catch { /* ending anyway */ }
    release();
    process.kill(process.pid, signal);
  };
  const release = () => { for (const s of STOP_SIGNALS) process.off(s, handler); };
  for (const s of STOP_SIGNALS) process.on(s, handler);
  return release;
}

/** A database being written under a temporary name beside its place (see tempDatabase). */
export interface TempDatabase {
  /** The file to write. */
  tmp: string;
  /** Temporary files of earlier, killed writers of the same database, removed. */
  stale: string[];
  /** Puts the written file in place (a rename: readers see the old file or the new one, never half of one). */
  commit(): void;
  /** Removes what was written. */
  discard(): void;
}

/**
 * Starts writing the database at `path` under a temporary name: what killed writers left is swept first, and until
 * it is committed or discarded a stop signal removes the temporary files.
 */
export function tempDatabase(path: string): TempDatabase {
  const stale = clearStaleTemps(path);
  const tmp = storeTempPath(path);
  removeStoreTemp(tmp);
  const release = cleanUpOnSignal(() => removeStoreTemp(tmp));
  return {
    tmp, stale,
    commit() {
      renameSync(tmp, path);
      removeStoreTemp(tmp); // a write-ahead log or spill folder DuckDB may leave beside it
      release();
    },
    discard() { removeStoreTemp(tmp); release(); },
  };
}
