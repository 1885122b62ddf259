// StringIndex numbers each distinct string once, in order of first sight, across growth of its table.
import { describe, expect, it } from 'vitest';
import { StringIndex } from '../../src/compact/stringIndex';
import { seededRng } from '../../src/graph/rng';

describe('StringIndex', () => {
  it('agrees with a Map over 100k lookups of fresh strings, keeping the copies it is given', () => {
    const rng = seededRng(3);
    const index = new StringIndex();
    const expected = new Map<string, number>();
    for (let i = 0; i < 100_000; i++) {
      const s = `Müller, ${String.fromCharCode(65 + Math.floor(rng() * 26))}. ${Math.floor(rng() * 5000)}`;
      if (!expected.has(s)) expected.set(s, expected.size);
      expect(index.idOf(s, (x) => `${x}`)).toBe(expected.get(s));
    }
    expect(index.strings).toEqual([...expected.keys()]);
  });

  it('tells apart strings that differ only in case, accents or the empty string', () => {
    const index = new StringIndex();
    expect(['a', 'A', 'á', '', 'a', ''].map((s) => index.idOf(s))).toEqual([0, 1, 2, 3, 0, 3]);
  });

  it('finds a string without adding it, -1 when absent, across growth', () => {
    const index = new StringIndex();
    for (let i = 0; i < 5000; i++) index.idOf(`Ngô ${i}`);
    expect(index.find('Ngô 0')).toBe(0);
    expect(index.find('Ngô 4999')).toBe(4999);
    expect(index.find('Ngô 5000')).toBe(-1);
    expect(index.find('')).toBe(-1);
    expect(index.strings.length).toBe(5000);
  });
});
