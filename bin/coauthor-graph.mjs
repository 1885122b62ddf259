#!/usr/bin/env node
// Command-line entry: the bundle built at install (dist/cli.mjs), or the TypeScript sources through tsx when it is missing.
// Whole corpora need more than Node's default heap: unless the user set one, the CLI runs itself again with a heap
// sized to this machine's memory (the CLI's own setting; users pass no flags). With so much room V8 collects
// garbage late, so the CLI may also ask for a collection between stages (--expose-gc). A larger young generation
// (32 MB semi-spaces, not 16) lets more of reading's short-lived strings die young: on a 2.9M-record BibTeX file,
// read and resolve took 70 s instead of 75 s, for about 50 MB more at the peak. Large typed arrays live in shared
// memory, which V8 leaves out of its count (src/compact/uncounted.ts), so nothing but the heap's own growth starts a
// collection: the heap may double between collections, not quadruple as V8 allows a fast program (2.9M records:
// 4.7 GB → 3.8 GB at the peak, no slower).
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const SMALL_INPUT_BYTES = 8 * 2 ** 20;
const HEAP_SET = /--max-old-space-size/.test(`${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`);
// Questions answered from a store hold little in memory: they start at once, without a second process.
const [command, ...rest] = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const fromStore = (command === 'report' || command === 'author') && process.argv.includes('--store');
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];
if (!HEAP_SET && !fromStore && !smallInputs(rest) && !process.env.COAUTHOR_GRAPH_CHILD) {
  const heapMb = Math.max(2048, Math.floor((totalmem() / 2 ** 20) * 0.75));
  const flags = [`--max-old-space-size=${heapMb}`, '--max-semi-space-size=32', '--heap-growing-percent=100',
    '--expose-gc', ...process.execArgv];
  const child = spawn(process.execPath, [...flags, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit', env: { ...process.env, COAUTHOR_GRAPH_CHILD: '1', COAUTHOR_GRAPH_HEAP_MB: String(heapMb) },
  });
  // A signal meant for the command (timeout's TERM, a terminal's Ctrl-C) reaches the build, which cleans up and stops;
  // this process then ends the way the build did.
  for (const signal of FORWARDED) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (!signal) process.exit(code ?? 1);
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  });
  child.on('error', (e) => {
    process.stderr.write(`coauthor-graph: cannot start the build process (${e.message})\n`);
    process.exit(1);
  });
} else await start();

/**
 * Inputs that Node's default heap holds with room to spare on any machine (the seeds, a lab's files, up to about
 * 50k papers): they start at once, without a second process. Every word that names an existing file counts (an
 * option's value too), a compressed one as eight times its size; a folder, or any doubt, takes the second process.
 */
function smallInputs(words) {
  let bytes = 0;
  for (const w of words) {
    let s;
    try { s = statSync(w); } catch { continue; } // not a path: an option's value
    if (!s.isFile()) return false;
    bytes += w.endsWith('.gz') ? s.size * 8 : s.size;
  }
  return bytes <= SMALL_INPUT_BYTES;
}

/** The CLI itself: the bundle, or the sources through tsx. */
async function start() {
  const bundle = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
  if (existsSync(bundle)) await import(bundle);
  else {
    const { register } = await import('tsx/esm/api');
    register();
    await import('../src/cli/main.ts');
  }
}
