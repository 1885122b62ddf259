// Large typed arrays made on shared memory, which V8 leaves out of the count that starts full collections.

/**
 * Why: V8 counts every ArrayBuffer's bytes as external memory, and each time they pass their level after the last
 * collection by 64 MB it runs a full one, however small the heap is against its limit. On a whole corpus the heap
 * holds a million parsed names, so each such collection takes about half a second and mostly frees nothing (1M
 * synthetic papers: eleven in a row while counting and writing ties). A SharedArrayBuffer is left out of that count
 * and freed the same way, once a collection finds it unreachable; the build asks for collections where big ones die.
 * Only in Node: a page cannot transfer shared buffers to its worker (and has none unless cross-origin isolated).
 */
let uncounted = typeof SharedArrayBuffer === 'function' && !('crossOriginIsolated' in globalThis);

/**
 * Makes this thread's arrays the usual, counted kind. For worker threads: their heaps are small and seldom collected,
 * so uncounted arrays that die there would wait long to be freed (the terms worker's 220 MB on 2.9M records).
 */
export function countArrays(): void { uncounted = false; }

/** Below this size an array is made the usual way: too small to count, and cheaper to allocate. */
const MIN_BYTES = 1 << 20;

function room(bytes: number): SharedArrayBuffer | undefined {
  return uncounted && bytes >= MIN_BYTES ? new SharedArrayBuffer(bytes) : undefined;
}

/** A zero-filled Int32Array of `length` entries. */
export function int32s(length: number): Int32Array {
  const b = room(length * 4);
  return b ? new Int32Array(b) : new Int32Array(length);
}

/** A zero-filled Float64Array of `length` entries. */
export function float64s(length: number): Float64Array {
  const b = room(length * 8);
  return b ? new Float64Array(b) : new Float64Array(length);
}

/** A zero-filled Uint8Array of `length` entries. */
export function uint8s(length: number): Uint8Array {
  const b = room(length);
  return b ? new Uint8Array(b) : new Uint8Array(length);
}

/** A zero-filled Int8Array of `length` entries. */
export function int8s(length: number): Int8Array {
  const b = room(length);
  return b ? new Int8Array(b) : new Int8Array(length);
}

/** A copy of entries [from, to) (what `slice` gives, made the same way as the arrays above). */
export function copyOf<T extends Int32Array | Float64Array | Uint8Array>(a: T, from = 0, to = a.length): T {
  const n = Math.max(0, to - from);
  const b = room(n * a.BYTES_PER_ELEMENT);
  if (!b) return a.slice(from, to) as T;
  const out = new (a.constructor as new (buffer: SharedArrayBuffer) => T)(b);
  out.set(a.subarray(from, to));
  return out;
}

/** Dead arrays of at least this many bytes are worth a collection of a whole corpus's heap (about half a second). */
const COLLECT_FROM_BYTES = 256 * 2 ** 20;

/**
 * Asks for a full collection where big arrays made here have just died, so that their memory goes at once: being
 * uncounted, nothing else would start one soon. Only where the process lets code ask (the CLI runs with --expose-gc).
 */
export function collectDead(bytes: number): void {
  if (uncounted && bytes >= COLLECT_FROM_BYTES) (globalThis as { gc?: () => void }).gc?.();
}
