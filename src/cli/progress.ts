// Progress on stderr when it is a terminal: stage, records per second, share of the input read.

import type { Progress } from '../pipeline';
import { thousands } from '../corpus/thousands';

// Also on request (COAUTHOR_GRAPH_PROGRESS=1), for logs and benchmarks.
const tty = process.stderr.isTTY === true || process.env.COAUTHOR_GRAPH_PROGRESS === '1';

export const progress: Progress | undefined = tty
  ? (stage, done, total) => process.stderr.write(`\r${stage}${total > 1 ? ` ${done + 1}/${total}` : ''}…`.padEnd(60))
  : undefined;

/** A stage of a whole-corpus build: printed on its own line with the time since the start. */
export function stageNote(stage: string): void {
  if (!tty) return;
  // performance.now() counts from the start of the process.
  const mb = (n: number) => `${thousands(Math.round(n / 2 ** 20))} MB`;
  const m = process.memoryUsage();
  const memory = `memory ${mb(m.rss)}, heap ${mb(m.heapUsed)}, buffers ${mb(m.arrayBuffers)}`;
  process.stderr.write(`\r${`${stage} (${(performance.now() / 1000).toFixed(1)} s, ${memory})`.padEnd(60)}\n`);
}

/** A progress line for reading one file: call it with the bytes read so far (it prints at most twice a second). */
export function readProgress(file: string, size: number, records: () => number): (read: number) => void {
  let last = 0;
  const t0 = performance.now();
  return (read) => {
    const now = performance.now();
    if (!tty || now - last <= 500) return;
    last = now;
    const rate = records() / ((now - t0) / 1000);
    const share = `${(read / 1e6).toFixed(0)} of ${(size / 1e6).toFixed(0)} MB (${Math.round((100 * read) / size)} %)`;
    process.stderr.write(`\rreading ${file}: ${share}, ${thousands(Math.round(rate))} records/s`.padEnd(60));
  };
}

/** Wraps block reads of a file so that reading shows MB read, percent and records per second. */
export function* withReadProgress(
  blocks: Iterable<Uint8Array>, file: string, size: number, records: () => number,
): Generator<Uint8Array> {

  const show = readProgress(file, size, records);
  let read = 0;
  for (const b of blocks) {
    read += b.length;
    show(read);
    yield b;
  }
}

export function clearProgress(): void { if (tty) process.stderr.write('\r'.padEnd(61) + '\r'); }

/**
 * Where a stage of a whole-corpus build leaves hundreds of MB of transient arrays, they are collected at once instead
 * of
 * whenever V8, with a heap sized to the machine, gets round to it: lower peak memory. Each call costs about a second
 * on a 3M-record heap, so it is called only where a stage ends, not for every progress line.
 */
export function collectGarbage(): void {
  // On a small heap a forced full collection costs more than it saves (about 70 ms each at 10k papers).
  if (process.memoryUsage().heapUsed < GC_FROM_BYTES) return;
  (globalThis as { gc?: () => void }).gc?.();
}

const GC_FROM_BYTES = 512 * 2 ** 20;
