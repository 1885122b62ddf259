#!/usr/bin/env node
// Command-line entry: the bundle built at install (dist/cli.mjs), or the TypeScript sources through tsx when it is missing.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
if (existsSync(bundle)) await import(bundle);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
