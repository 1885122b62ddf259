// Folding: the fast path for plain words gives exactly what the general path gives.
import { describe, expect, it } from 'vitest';
import { foldCompact, foldText, foldTextGenerally } from '../../src/corpus/fold';
import { stringsUpTo } from '../helpers';

describe('foldText', () => {
  it('folds accents, case, punctuation and spacing', () => {
    expect(foldText('Günter Solmann')).toBe('gunter solmann');
    expect(foldText('Mark van Dijk')).toBe('mark van dijk');
    expect(foldText('  Jean-Luc   Godard ')).toBe('jean luc godard');
    expect(foldText('Łukasz Dvořák')).toBe('lukasz dvorak');
    expect(foldText('')).toBe('');
    expect(foldCompact('Heung-Yeung Shum')).toBe('heungyeungshum');
  });

  it('agrees with the general path on every short text over an alphabet of awkward characters', () => {
    const all = stringsUpTo(['a', 'Z', '0', ' ', '-', '.', 'é', 'ß', '\t', '\u{1F600}'], 5);
    const wrong = all.filter((t) => foldText(t) !== foldTextGenerally(t));
    expect(all.length).toBeGreaterThan(100_000);
    expect(wrong).toEqual([]);
  });
});
