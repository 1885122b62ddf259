#!/usr/bin/env node
// Command-line entry: the bundle built at install (dist/cli.mjs), or the TypeScript sources through tsx when it is missing.
// Whole corpora need more than Node's default heap: unless the user set one, the CLI runs itself again with a heap
// sized to this machine's memory (the CLI's own setting; users pass no flags). With so much room V8 collects
// garbage late, so the CLI may also ask for a collection between stages (--expose-gc).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const HEAP_SET = /--max-old-space-size/.test(`${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`);
// Questions answered from a store hold little in memory: they start at once, without a second process.
const [command] = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const fromStore = (command === 'report' || command === 'author') && process.argv.includes('--store');
if (!HEAP_SET && !fromStore && !process.env.COAUTHOR_GRAPH_CHILD) {
  const heapMb = Math.max(2048, Math.floor((totalmem() / 2 ** 20) * 0.75));
  const flags = [`--max-old-space-size=${heapMb}`, '--expose-gc', ...process.execArgv];
  const child = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit', env: { ...process.env, COAUTHOR_GRAPH_CHILD: '1', COAUTHOR_GRAPH_HEAP_MB: String(heapMb) },
  });
  process.exit(child.status ?? (child.signal ? 1 : 0));
}

const bundle = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
if (existsSync(bundle)) await import(bundle);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
