// Test helpers: read the seeds and fixtures the way the CLI does, and run the pipeline on them.

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

export function seedFiles() {
  return readdirSync(SEEDS).sort().map((f) => ({ name: `seeds/${f}`, bytes: new Uint8Array(readFileSync(join(SEEDS, f))) }));
}

export function runSeeds(options: Partial<PipelineOptions> = {}) {
  return runFromParsed(parseInputs(seedFiles()), { layout: false, ...options });
}

export function page(name: string) {
  return parseText(name, readFileSync(join(PAGES, name), 'utf8'));
}
