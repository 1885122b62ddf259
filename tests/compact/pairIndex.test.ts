// PairIndex gives each distinct pair one index, the one it was first added with, across growth of its table.
import { describe, expect, it } from 'vitest';
import { PairIndex } from '../../src/compact/pairIndex';
import { seededRng } from '../../src/graph/rng';

describe('PairIndex', () => {
  it('agrees with a Map of string keys over 200k pairs, growing from its smallest table', () => {
    const rng = seededRng(7);
    const index = new PairIndex();
    const expected = new Map<string, number>();
    for (let i = 0; i < 200_000; i++) {
      const a = Math.floor(rng() * 3000); const b = Math.floor(rng() * 3000);
      const key = `${a},${b}`;
      const next = expected.size;
      if (!expected.has(key)) expected.set(key, next);
      expect(index.getOrAdd(a, b, next)).toBe(expected.get(key));
    }
    expect(index.size).toBe(expected.size);
    // (a, b) and (b, a) are different pairs; 0 is a key like any other.
    const fresh = new PairIndex(4);
    const got = [fresh.getOrAdd(0, 1, 0), fresh.getOrAdd(1, 0, 1), fresh.getOrAdd(0, 1, 2), fresh.getOrAdd(0, 0, 3)];
    expect(got).toEqual([0, 1, 0, 3]);
  });
});
