// The name_lookup rows: sorted by signed hash, stable for equal hashes, a row repeated at once kept once.
import { describe, expect, it } from 'vitest';
import { lookupHash, NameLookupRows, sortByHash } from '../../src/store/nameLookup';

describe('name lookup', () => {
  it('sorts pairs by signed hash, keeping the order of equal hashes, as a comparator sort does', () => {
    let seed = 12345;
    const next = () => { seed = (Math.imul(seed, 1103515245) + 12345) | 0; return seed; };
    // Few distinct hashes (so many are equal), across the sign and both 16-bit halves.
    const pool = Array.from({ length: 50 }, () => next());
    const hash = Int32Array.from({ length: 5000 }, () => pool[Math.abs(next()) % pool.length]!);
    const author = Int32Array.from({ length: 5000 }, (_, i) => i);
    const sorted = sortByHash(hash, author);
    const expected = [...author].sort((x, y) => hash[x]! - hash[y]! || x - y);
    expect([...sorted.author]).toEqual(expected);
    expect([...sorted.hash]).toEqual(expected.map((i) => hash[i]!));
    expect(sorted.hash[0]).toBeLessThan(0);
  });
  it('keeps keys and folds apart, and one row for the same text and author added twice', () => {
    const rows = new NameLookupRows();
    rows.add('key', 'smith|j', 3); rows.add('key', 'smith|j', 3); rows.add('fold', 'smith|j', 3);
    rows.add('key', 'smith|j', 1);
    expect(lookupHash('key', 'smith|j')).not.toBe(lookupHash('fold', 'smith|j'));
    const { hash, author } = rows.sorted();
    const got = [...hash].map((h, i) => [h, author[i]]);
    const k = lookupHash('key', 'smith|j'); const f = lookupHash('fold', 'smith|j');
    const want = [[k, 3], [k, 1], [f, 3]].sort((x, y) => x[0]! - y[0]!);
    expect(got).toEqual(want);
  });
});
