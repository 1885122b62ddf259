import { describe, expect, it } from 'vitest';
import { keySuffix, splitKeys } from '../../src/corpus/keyParts';

describe('identity key parts', () => {
  const keys = ['zhang|wei', 'li|na#2', 'zhang|wei#id:0000-0001', 'li|hao', 'smith|j|x', 'x#y|z'];
  const parts = splitKeys(keys);

  it('numbers families in order of first appearance and lists their keys in key order', () => {
    expect([...parts.familyIds.keys()]).toEqual(['zhang', 'li', 'smith', 'x#y']);
    const { starts, items } = parts.familyKeys;
    const list = (f: number) => [...items.subarray(starts[f], starts[f + 1])];
    expect([0, 1, 2, 3].map(list)).toEqual([[0, 2], [1, 3], [4], [5]]);
    expect([...parts.familyOf]).toEqual([0, 1, 0, 1, 2, 3]);
  });

  it('cuts the given part at a homonym or id mark and at a second bar', () => {
    expect(parts.given).toEqual(['wei', 'na', 'wei', 'hao', 'j', 'z']);
    // A "#" before the bar leaves no given part for the reversed-order rule.
    expect([...parts.plainGiven]).toEqual([1, 1, 1, 1, 1, 0]);
  });

  it('keeps the suffix from the first "#" to the next', () => {
    expect(keys.map(keySuffix)).toEqual(['', '#2', '#id:0000-0001', '', '', '#y|z']);
    expect(keySuffix('a|b#2#id:x')).toBe('#2');
  });
});
