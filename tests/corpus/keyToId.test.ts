// Author ids from identity keys: the fast path for plain keys gives exactly what the general path gives.
import { describe, expect, it } from 'vitest';
import { keyToId, keyToIdSlowly, nameKey } from '../../src/corpus/nameKey';
import { parseName } from '../../src/sources/names';
import { stringsUpTo } from '../helpers';

describe('keyToId', () => {
  it('makes readable ids', () => {
    expect(keyToId('jiang|daxin')).toBe('jiang-daxin');
    expect(keyToId('vandijk|mark')).toBe('vandijk-mark');
    expect(keyToId('liu|yang#0003')).toBe('liu-yang-0003');
    expect(keyToId('liu|yang#')).toBe('liu-yang');
    expect(keyToId('liu|#0003')).toBe('liu-0003');
    expect(keyToId('smith|john#id:orcid:0000-0002-1825-0097')).toBe('smith-john-orcid-0000-0002-1825-0097');
    expect(keyToId('plato|')).toBe('plato');
    expect(keyToId('|')).toBe('author');
    expect(keyToId('müller|jörg')).toBe('müller-jörg');
  });

  it('agrees with the general path on every short key over an alphabet of awkward characters', () => {
    const all = stringsUpTo(['a', '|', '#', '-', '0', '7', 'é', ' ', 'Z', '\u{1F600}'], 5);
    const wrong = all.filter((k) => keyToId(k) !== keyToIdSlowly(k));
    expect(all.length).toBeGreaterThan(100_000);
    expect(wrong).toEqual([]);
  });

  it('agrees with the general path on the keys of real names', () => {
    const names = ['Günter Solmann', 'Héctor W. Harer', 'Mark van Dijk', "O'Brien, Pat", 'Jean-Luc Godard',
      'Yang Liu 0003', 'Zoë Sato', '李 明', 'Plato', 'J. R. R. Tolkien', 'Anna-Maria de la Cruz'];
    for (const raw of names) {
      const key = nameKey(parseName(raw));
      expect(keyToId(key)).toBe(keyToIdSlowly(key));
    }
  });
});
