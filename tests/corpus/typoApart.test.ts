// Look-alike names are one typo apart: one letter changed, added or dropped, or two adjacent letters swapped; two
// names that merely share a one-letter-deleted variant are not.
import { describe, expect, it } from 'vitest';
import { editDistance, typoApart } from '../../src/corpus/editDistance';
import { stringsUpTo } from '../helpers';

/** Every string made from `b` by swapping two adjacent, different letters. */
function swaps(b: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < b.length; i++) {
    if (b[i] !== b[i + 1]) out.push(b.slice(0, i) + b[i + 1] + b[i] + b.slice(i + 2));
  }
  return out;
}

describe('typoApart', () => {
  it('names known pairs', () => {
    expect(typoApart('changxin', 'changxing')).toBe('letter');
    expect(typoApart('jon', 'john')).toBe('letter');
    expect(typoApart('maria', 'marta')).toBe('letter');
    expect(typoApart('mair', 'mari')).toBe('swap');
    expect(typoApart('anan', 'noan')).toBeUndefined(); // share "nan", yet two edits apart
    expect(typoApart('anna', 'anna')).toBeUndefined();
    expect(typoApart('ab', 'abcd')).toBeUndefined();
  });

  it('agrees with the edit distance and adjacent swaps on every pair of short strings', () => {
    const words = stringsUpTo(['a', 'b', 'c'], 4);
    for (const a of words) for (const b of words) {
      const expected = a === b ? undefined
        : editDistance(a, b) === 1 ? 'letter' : swaps(b).includes(a) ? 'swap' : undefined;
      expect(typoApart(a, b), `${a} / ${b}`).toBe(expected);
    }
  });
});
