// An open-addressing hash from a pair of non-negative integers to an index: no string and no object per entry.
// Each slot's two keys and value sit side by side in one array, so a probe reads one cache line, not three.

import { int32s } from './uncounted';

const EMPTY = -1;

export class PairIndex {
  /** Slot i is slots[3i] (first key, EMPTY when free), slots[3i + 1] (second key), slots[3i + 2] (value). */
  private slots: Int32Array; private mask: number; size = 0;

  /** `capacity` is where to start (an upper bound on entries, say): the table grows past three quarters full. */
  constructor(capacity = 1024) {
    let cap = 1024; while (cap < capacity) cap *= 2;
    this.slots = int32s(cap * 3).fill(EMPTY);
    this.mask = cap - 1;
  }

  /** Where (a, b) is, or the free slot where it goes (an offset into slots). */
  private slot(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
    h ^= h >>> 15;
    const slots = this.slots; const mask = this.mask;
    let i = h & mask;
    for (;;) {
      const at = i * 3; const key = slots[at]!;
      if (key === EMPTY || (key === a && slots[at + 1] === b)) return at;
      i = (i + 1) & mask;
    }
  }

  /** Bytes held by the table. */
  get bytes(): number { return this.slots.byteLength; }

  /** The index of (a, b), adding it as `next` when new. */
  getOrAdd(a: number, b: number, next: number): number {
    if ((this.size + 1) * 4 > (this.mask + 1) * 3) this.grow();
    const at = this.slot(a, b);
    if (this.slots[at] === EMPTY) {
      this.slots[at] = a; this.slots[at + 1] = b; this.slots[at + 2] = next; this.size++;
      return next;
    }
    return this.slots[at + 2]!;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = int32s(old.length * 2).fill(EMPTY);
    this.mask = this.mask * 2 + 1;
    for (let at = 0; at < old.length; at += 3) {
      if (old[at] === EMPTY) continue;
      const to = this.slot(old[at]!, old[at + 1]!);
      this.slots[to] = old[at]!; this.slots[to + 1] = old[at + 1]!; this.slots[to + 2] = old[at + 2]!;
    }
  }
}
