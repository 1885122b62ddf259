// Test helpers: read the seeds and fixtures the way the CLI does, and run the pipeline on them.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PipelineOptions } from '../src/pipeline';
import { parseInputs, runFromParsed } from '../src/pipeline';
import { parseText } from '../src/sources/parseSource';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SEEDS = join(ROOT, 'seeds');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const PAGES = join(ROOT, 'tests', 'pages');
export const SHARED_DATA = join(ROOT, '..', 'shared', 'data');

/** The command line from the sources (tsx), as a user runs it: exit code, stdout, stderr. */
export function runCli(...args: string[]): { code: number | null; out: string; err: string } {
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const r = spawnSync(process.execPath, [tsx, join(ROOT, 'src', 'cli', 'main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export function seedFiles() {
  return readdirSync(SEEDS)
    .sort()
    .map((f) => ({ name: `seeds/${f}`, bytes: new Uint8Array(readFileSync(join(SEEDS, f))) }));
}

export function runSeeds(options: Partial<PipelineOptions> = {}) {
  return runFromParsed(parseInputs(seedFiles()), { layout: false, ...options });
}

export function page(name: string) {
  return parseText(name, readFileSync(join(PAGES, name), 'utf8'));
}

/** Every string of 0 to `maxLength` symbols from `alphabet` (the empty string first, then by length). */
export function stringsUpTo(alphabet: readonly string[], maxLength: number): string[] {
  const all = [''];
  let last = [''];
  for (let len = 1; len <= maxLength; len++) {
    last = last.flatMap((s) => alphabet.map((c) => s + c));
    all.push(...last);
  }
  return all;
}
