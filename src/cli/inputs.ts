// Reads input paths: files or folders (recursively, sorted), seeds/ by default. Unreadable paths become issues.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InputFile } from '../pipeline';
import type { BatchSink } from '../sources/streamRecords';
import type { ParseContext } from '../sources/registry';
import type { Issue } from '../types';
import { reason } from './errors';
import { readProgress, withReadProgress } from './progress';
import { readBlocks } from './readBlocks';
import { canReadInThread, readInThread } from './readThread';

/** The package folder: the first parent of this module (src/cli/ or the dist/ bundle) that has a package.json. */
export const PACKAGE_ROOT = ((): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4 && !existsSync(join(dir, 'package.json')); i++) dir = dirname(dir);
  return dir;
})();
export const SEEDS_DIR = join(PACKAGE_ROOT, 'seeds');

// Files above this size are read as a stream (and parsed on a second thread); the variable lets tests stream small
// files.
const STREAM_ABOVE = Number(process.env.COAUTHOR_GRAPH_STREAM_ABOVE_MB || 64) * 2 ** 20;

function walk(path: string, out: string[]): void {
  const st = statSync(path);
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) if (!name.startsWith('.')) walk(join(path, name), out);
  } else out.push(path);
}

/** Display name for a file: relative to the working directory when inside it. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** The files under `paths`; `records` tells how many records are read so far (for progress on large files). */
export function readInputs(
  paths: string[], records: () => number = () => 0,
): { files: InputFile[]; issues: Issue[]; textBytes: number } {
  const issues: Issue[] = [];
  const unreadable = (code: string, message: string, file: string) =>
    issues.push({ code, severity: 'error', message, file, line: 0 });
  const threaded = canReadInThread();
  let textBytes = 0;
  const files: InputFile[] = [];
  const list = paths.length ? paths : [SEEDS_DIR];
  for (const p of list) {
    const found: string[] = [];
    try { walk(resolve(p), found); }
    catch (e) {
      unreadable('unreadable-path', `cannot read input path: ${reason(e)}`, p);
      continue;
    }
    if (found.length === 0) unreadable('empty-folder', 'the folder holds no files', p);
    for (const f of found) {
      try {
        // Large files are read in blocks, never as one buffer or string (full DBLP dumps run to gigabytes).
        const size = statSync(f).size;
        const name = displayPath(f);
        // gzip packs bibliographic text about five to one.
        textBytes += /\.gz$/i.test(f) ? size * 5 : size;
        if (size > STREAM_ABOVE) {
          const chunks = () => withReadProgress(readBlocks(f), name, size, records);
          // Other cores parse while this one files the records.
          const read = threaded ? (context: ParseContext, sink: BatchSink, idle: () => boolean) =>
            readInThread(f, name, context, sink, readProgress(name, size, records), idle) : undefined;
          files.push({ name, chunks, ...(read ? { read } : {}) });
        }
        else files.push({ name: displayPath(f), bytes: readFileSync(f) });
      }
      catch (e) {
        unreadable('unreadable-file', `cannot read file: ${reason(e)}`, displayPath(f));

      }
    }
  }
  return { files, issues, textBytes };
}
