// The letter masks bound the store's edit distance from below, for any text: the suggestion search relies on it.
import { describe, expect, it } from 'vitest';
import { letterMask } from '../../src/store/letterMask';

/** Levenshtein distance over UTF-8 bytes, as DuckDB's levenshtein counts. */
function byteDistance(a: string, b: string): number {
  const x = new TextEncoder().encode(a); const y = new TextEncoder().encode(b);
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) {
      next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1)));
    }
    row = next;
  }
  return row[y.length]!;
}

const bits = (m: number) => { let n = 0; for (; m; m &= m - 1) n++; return n; };
const bound = (a: string, b: string) => {
  const ma = letterMask(a); const mb = letterMask(b);
  return Math.max(bits(ma & ~mb), bits(mb & ~ma));
};

describe('letterMask', () => {
  it('gives a positive 31-bit integer, one bit a letter', () => {
    expect(letterMask('')).toBe(0);
    expect(letterMask('abc')).toBe(0b111);
    expect(letterMask('zz z')).toBe((1 << 25) | (1 << 27));
    expect(letterMask('müller 日本 Ø-9')).toBeGreaterThan(0);
    expect(letterMask('müller 日本 Ø-9')).toBeLessThan(2 ** 31);
  });
  it('never exceeds the byte edit distance', () => {
    const alphabet = ['a', 'e', 'i', 'n', 'z', ' ', '-', '0', 'é', 'ü', 'ł', '日', '本', 'Ø', 'x', 'q'];
    let seed = 7;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    const word = () => Array.from({ length: rnd(9) }, () => alphabet[rnd(alphabet.length)]).join('');
    let tight = 0;
    for (let k = 0; k < 3000; k++) {
      const a = word(); const b = word();
      const d = byteDistance(a, b);
      expect(bound(a, b), `${a} / ${b}`).toBeLessThanOrEqual(d);
      if (bound(a, b) === d) tight++;
    }
    expect(tight).toBeGreaterThan(100); // a bound that is always 0 would pass the line above
  });
  it('tells apart names that share few letters', () => {
    expect(bound('john smithers', 'wei zhang')).toBeGreaterThanOrEqual(5);
    expect(bound('john smithers', 'john smith')).toBe(2); // e and r: three edits in fact
    expect(bound('john smith', 'smith john')).toBe(0);
  });
});
