// Disjoint sets over 0..n-1 with path halving; roots are always the smallest index, so results are order-stable.

import { int32s } from '../compact/uncounted';

export class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = int32s(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) { p[x] = p[p[x]!]!; x = p[x]!; }
    return x;
  }
  /** Joins the sets of a and b; returns the new root (the smaller of the two roots). */
  union(a: number, b: number): number {
    const ra = this.find(a); const rb = this.find(b);
    if (ra === rb) return ra;
    const [lo, hi] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[hi] = lo;
    return lo;
  }
}
