// An open-addressing hash from a pair of non-negative integers to an index: no string and no object per entry.

export class PairIndex {
  private keysA: Int32Array; private keysB: Int32Array; private values: Int32Array; private mask: number; size = 0;

  /** `capacity` is where to start (an upper bound on entries, say): the table grows past three quarters full. */
  constructor(capacity = 1024) {
    let cap = 1024; while (cap < capacity) cap *= 2;
    this.keysA = new Int32Array(cap).fill(-1); this.keysB = new Int32Array(cap); this.values = new Int32Array(cap);
    this.mask = cap - 1;
  }

  private slot(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
    h ^= h >>> 15;
    let i = h & this.mask;
    while (this.keysA[i] !== -1 && (this.keysA[i] !== a || this.keysB[i] !== b)) i = (i + 1) & this.mask;
    return i;
  }

  /** The index of (a, b), adding it as `next` when new. */
  getOrAdd(a: number, b: number, next: number): number {
    if ((this.size + 1) * 4 > this.keysA.length * 3) this.grow();
    const i = this.slot(a, b);
    if (this.keysA[i] === -1) { this.keysA[i] = a; this.keysB[i] = b; this.values[i] = next; this.size++; return next; }
    return this.values[i]!;
  }

  private grow(): void {
    const { keysA, keysB, values } = this;
    const cap = keysA.length * 2;
    this.keysA = new Int32Array(cap).fill(-1); this.keysB = new Int32Array(cap); this.values = new Int32Array(cap);
    this.mask = cap - 1;
    for (let i = 0; i < keysA.length; i++) {
      if (keysA[i] === -1) continue;
      const j = this.slot(keysA[i]!, keysB[i]!);
      this.keysA[j] = keysA[i]!; this.keysB[j] = keysB[i]!; this.values[j] = values[i]!;
    }
  }
}
