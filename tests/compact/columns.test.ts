// Growable columns: capacity grows in large steps, the contents stay exact through growth and trim.
import { describe, expect, it } from 'vitest';
import { ByteColumn, grownLength, IntColumn, StringColumn } from '../../src/compact/columns';
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
