// Progress on stderr when it is a terminal: stage, records per second, share of the input read.

import type { Progress } from '../pipeline';

// Also on request (COAUTHOR_GRAPH_PROGRESS=1), for logs and benchmarks.
const tty = process.stderr.isTTY === true || process.env.COAUTHOR_GRAPH_PROGRESS === '1';

export const progress: Progress | undefined = tty
  ? (stage, done, total) => process.stderr.write(`\r${stage}${total > 1 ? ` ${done + 1}/${total}` : ''}…`.padEnd(60))
  : undefined;

/** A stage of a whole-corpus build: printed on its own line with the time since the start. */
export function stageNote(stage: string): void {
  collectGarbage();
  if (!tty) return;
  // performance.now() counts from the start of the process.
  const mb = (n: number) => `${Math.round(n / 2 ** 20).toLocaleString('en-US')} MB`;
  const m = process.memoryUsage();
  process.stderr.write(`\r${`${stage} (${(performance.now() / 1000).toFixed(1)} s, memory ${mb(m.rss)}, heap ${mb(m.heapUsed)})`.padEnd(60)}\n`);
}

/** Wraps block reads of a file so that reading shows MB read, percent and records per second. */
export function* withReadProgress(blocks: Iterable<Uint8Array>, file: string, size: number, records: () => number): Generator<Uint8Array> {
  let read = 0; let last = 0;
  const t0 = performance.now();
  for (const b of blocks) {
    read += b.length;
    const now = performance.now();
    if (tty && now - last > 500) {
      last = now;
      const rate = records() / ((now - t0) / 1000);
      const share = `${(read / 1e6).toFixed(0)} of ${(size / 1e6).toFixed(0)} MB (${Math.round((100 * read) / size)} %)`;
      process.stderr.write(`\rreading ${file}: ${share}, ${Math.round(rate).toLocaleString('en-US')} records/s`.padEnd(60));
    }
    yield b;
  }
}

export function clearProgress(): void { if (tty) process.stderr.write('\r'.padEnd(61) + '\r'); }

/**
 * Between stages of a whole-corpus build, the garbage of the last stage (hundreds of MB of transient arrays) is
 * collected at once instead of whenever V8, with a heap sized to the machine, gets round to it: lower peak memory.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
