// Growable typed columns: whole corpora are kept as numbers and UTF-8 bytes, not as one object per record.

import { copyOf, float64s, int32s, uint8s } from './uncounted';

/** The most elements one typed array may hold here (V8's limit for 64-bit machines). */
const MAX_ELEMENTS = 2 ** 32;

/**
 * The next capacity of a growing column: four times the last. Why not the usual 1.5 or 2: V8 runs a full collection
 * each time the memory of new typed arrays passes the last level by 64 MB, and on a big heap each costs a second or
 * more. Fewer, larger steps mean fewer of them (2.9M BibTeX records: 38 → 31 on the main thread, 37 s → 31 s), and
 * the room not yet written costs no resident memory (fresh arrays are zero pages until touched); `trim` gives it back.
 * (In Node, large columns are now out of that count altogether: see uncounted.ts. A page still counts them.)
 */
export function grownLength(length: number, need: number, max = MAX_ELEMENTS): number {
  if (need > max) throw new RangeError(`a column cannot hold more than ${max} entries`);
  return Math.min(max, Math.max(need, 16, length * 4));
}

/** A growable Int32Array (ids, offsets, lines, years). */
export class IntColumn {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) { this.data = int32s(Math.max(16, capacity)); }
  push(value: number): number {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length] = value;
    return this.length++;
  }
  get(i: number): number { return this.data[i]!; }
  set(i: number, value: number): void { this.data[i] = value; }
  private grow(need: number): void {
    const next = int32s(grownLength(this.data.length, need));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  /** The filled part, without copying. */
  view(): Int32Array { return this.data.subarray(0, this.length); }
  /** Gives back the room kept for growth (up to three quarters), once nothing more is added. */
  trim(): void { if (this.data.length > this.length) this.data = copyOf(this.data, 0, Math.max(16, this.length)); }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Strings stored once, as UTF-8 bytes in one growing pool with an offset per entry; '' stands for "absent".
 * Why not a string[]: a JS string costs 16+ bytes of header per entry, and a string cut from a large chunk of input
 * keeps the whole chunk alive; bytes copied into the pool keep nothing else.
 */
export class StringColumn {
  private pool: Uint8Array<ArrayBufferLike> = uint8s(1 << 16);
  private used = 0;
  /** Byte offsets; entry i is pool[ends[i-1] .. ends[i]). Float64 so the pool may pass 2 GiB. */
  private ends: Float64Array<ArrayBufferLike> = float64s(1024);
  length = 0;

  push(text: string | undefined): number {
    if (this.length === this.ends.length) {
      const next = float64s(grownLength(this.ends.length, this.length + 1));
      next.set(this.ends); this.ends = next;
    }
    if (text) {
      const room = text.length * 3;
      if (this.used + room > this.pool.length) {
        const next = uint8s(grownLength(this.pool.length, this.used + room));
        next.set(this.pool.subarray(0, this.used)); this.pool = next;
      }
      this.used += encoder.encodeInto(text, this.pool.subarray(this.used)).written;
    }
    this.ends[this.length] = this.used;
    return this.length++;
  }

  get(i: number): string { return textAt(this.pool, this.ends, i); }

  /** Entry i as its UTF-8 bytes, in place: a view, good until the column grows (a sealed column never does). */
  bytesAt(i: number): Uint8Array {
    return this.pool.subarray(i === 0 ? 0 : this.ends[i - 1]!, this.ends[i]!);
  }

  has(i: number): boolean { return this.ends[i]! > (i === 0 ? 0 : this.ends[i - 1]!); }

  /** Bytes held (for memory estimates and progress). */
  get bytes(): number { return this.used; }

  /** Gives back the room kept for growth, once nothing more is added (the next push grows it again). */
  trim(): void {
    this.pool = copyOf(this.pool, 0, Math.max(16, this.used));
    this.ends = copyOf(this.ends, 0, Math.max(16, this.length));
  }

  /**
   * Moves the bytes and offsets into shared memory (trimmed) and returns them, for a worker thread to read in place
   * while this column keeps serving `get`. Only where SharedArrayBuffer exists (Node; not every browser page).
   */
  share(): SharedText {
    if (!(this.pool.buffer instanceof SharedArrayBuffer)) {
      const pool = new Uint8Array(new SharedArrayBuffer(this.used)); pool.set(this.pool.subarray(0, this.used));
      const ends = new Float64Array(new SharedArrayBuffer(8 * this.length));
      ends.set(this.ends.subarray(0, this.length));
      this.pool = pool; this.ends = ends;
    }
    return { pool: this.pool, ends: this.ends, length: this.length };
  }
}

/** A StringColumn's bytes and offsets as `share` hands them to another thread. */
export interface SharedText { pool: Uint8Array; ends: Float64Array; length: number }

/** Entry i of a shared text column, '' when absent (StringColumn.get on the other side). */
export const sharedTextAt = (t: SharedText, i: number): string => textAt(t.pool, t.ends, i);

function textAt(pool: Uint8Array, ends: Float64Array, i: number): string {
  const start = i === 0 ? 0 : ends[i - 1]!;
  const end = ends[i]!;
  return end === start ? '' : decoder.decode(pool.subarray(start, end));
}

/** A growable byte column of flags. */
export class ByteColumn {
  data = uint8s(1024);
  length = 0;
  push(value: number): number {
    if (this.length === this.data.length) {
      const next = uint8s(grownLength(this.data.length, this.length + 1));
      next.set(this.data); this.data = next;
    }
    this.data[this.length] = value;
    return this.length++;
  }
  get(i: number): number { return this.data[i]!; }
  trim(): void { if (this.data.length > this.length) this.data = copyOf(this.data, 0, Math.max(16, this.length)); }
}

/** Lists of ints in one flat array (compressed sparse rows): list i is items[starts[i] .. starts[i+1]). */
export interface Csr { starts: Int32Array; items: Int32Array }

/** List `row` of a CSR (a view, no copy). */
export const csrRow = (csr: Csr, row: number): Int32Array => csr.items.subarray(csr.starts[row]!, csr.starts[row + 1]!);

/** Builds a CSR of `count` lists from parallel (list, item) pairs, keeping pair order within each list. */
export function csrFromPairs(count: number, list: Int32Array, item: Int32Array, pairs = list.length): Csr {
  // starts[l] first holds where list l ends; filling from the last pair back moves it down to where l begins. No
  // copy of the starts to fill by (134 MB on 33.6M ties, made while the groups worker builds its index).
  const starts = int32s(count + 1);
  for (let i = 0; i < pairs; i++) starts[list[i]!]!++;
  for (let i = 1; i < count; i++) starts[i]! += starts[i - 1]!;
  starts[count] = pairs;
  const items = int32s(pairs);
  for (let i = pairs - 1; i >= 0; i--) items[--starts[list[i]!]!] = item[i]!;
  return { starts, items };
}
