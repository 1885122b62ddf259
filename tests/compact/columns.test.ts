// Growable columns: capacity grows in large steps, the contents stay exact through growth and trim.
import { describe, expect, it } from 'vitest';
import { ByteColumn, csrFromPairs, grownLength, IntColumn, StringColumn } from '../../src/compact/columns';
import { seededRng } from '../../src/graph/rng';

describe('grownLength', () => {
  it('grows four-fold, at least to the need, and never past the limit', () => {
    expect(grownLength(0, 1)).toBe(16);
    expect(grownLength(1024, 1025)).toBe(4096);
    expect(grownLength(100, 5000)).toBe(5000);
    expect(grownLength(600, 601, 1000)).toBe(1000);
    expect(() => grownLength(1000, 1001, 1000)).toThrow(/more than 1000 entries/);
  });
});

describe('columns', () => {
  it('keep every value through many growths and a trim', () => {
    const rng = seededRng(7);
    const ints = new IntColumn(4); const bytes = new ByteColumn(); const texts = new StringColumn();
    const want: { i: number; b: number; t: string }[] = [];
    for (let k = 0; k < 50_000; k++) {
      const i = Math.floor(rng() * 2 ** 31) - 2 ** 30; const b = Math.floor(rng() * 256);
      const t = k % 7 === 0 ? '' : `Zoë ${k} ${'x'.repeat(Math.floor(rng() * 40))}`;
      ints.push(i); bytes.push(b); texts.push(t); want.push({ i, b, t });
    }
    ints.trim(); bytes.trim(); texts.trim();
    expect(ints.data.length).toBe(50_000);
    want.forEach((w, k) => {
      expect(ints.get(k)).toBe(w.i); expect(bytes.get(k)).toBe(w.b); expect(texts.get(k)).toBe(w.t);
    });
    expect(texts.has(0)).toBe(false);
    expect(texts.has(1)).toBe(true);
  });
});

describe('csrFromPairs', () => {
  it('groups pairs by list, keeping their order within each list, empty lists included', () => {
    const rng = seededRng(11);
    for (const [count, pairs] of [[0, 0], [1, 0], [5, 1], [40, 3000], [3000, 40]] as const) {
      const list = Int32Array.from({ length: pairs }, () => Math.floor(rng() * count));
      const item = Int32Array.from({ length: pairs }, (_, i) => i * 7 + Math.floor(rng() * 5));
      const want: number[][] = Array.from({ length: count }, () => []);
      list.forEach((l, i) => want[l]!.push(item[i]!));
      const { starts, items } = csrFromPairs(count, list, item);
      expect(starts.length).toBe(count + 1);
      expect(starts[0]).toBe(0);
      expect(Array.from({ length: count }, (_, l) => [...items.subarray(starts[l]!, starts[l + 1]!)])).toEqual(want);
    }
  });

  it('reads only the first `pairs` entries', () => {
    const { starts, items } = csrFromPairs(2, Int32Array.from([1, 0, 1, 0]), Int32Array.from([10, 20, 30, 40]), 3);
    expect([...starts]).toEqual([0, 1, 3]);
    expect([...items]).toEqual([20, 10, 30]);
  });
});
