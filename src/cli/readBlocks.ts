// A file as a sequence of 8 MB blocks: large inputs are never held whole, as one buffer or one string.
import { closeSync, openSync, readSync } from 'node:fs';

export const BLOCK_BYTES = 8 * 1024 * 1024;

export function* readBlocks(path: string): Generator<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const buf = new Uint8Array(BLOCK_BYTES);
      const n = readSync(fd, buf, 0, BLOCK_BYTES, null);
      if (n <= 0) return;
      yield buf.subarray(0, n);
    }
  } finally { closeSync(fd); }
}
