// Co-author tests between name keys, for the merge rules and the look-alike scan: sets made only for the keys tested.

import { csrRow } from '../compact/columns';
import type { KeyIndex } from './mergeAuthors';

export interface CoauthorSets {
  /** Keys on a paper with key k (not k itself). */
  coauthors(k: number): Set<number>;
  /** Co-authors of both a and b (neither a nor b), ascending. */
  shared(a: number, b: number): number[];
  /** Whether a and b have any co-author in common: scans the smaller paper list, stops at the first. */
  sharesAny(a: number, b: number): boolean;
}

export function coauthorSets(index: KeyIndex): CoauthorSets {
  const papersOfKey = (k: number): Int32Array => csrRow(index.keyPapers, k);
  const paperKeys = (p: number): Int32Array => csrRow(index.paperKeys, p);
  const cache = new Map<number, Set<number>>();
  const coauthors = (k: number): Set<number> => {
    let s = cache.get(k);
    if (s) return s;
    s = new Set<number>();
    for (const p of papersOfKey(k)) for (const a of paperKeys(p)) if (a !== k) s.add(a);
    cache.set(k, s);
    return s;
  };
  return {
    coauthors,
    shared(a, b) {
      const ca = coauthors(a); const out: number[] = [];
      for (const x of coauthors(b)) if (ca.has(x) && x !== a) out.push(x);
      return out.sort((x, y) => x - y);
    },
    sharesAny(a, b) {
      const [small, other] = papersOfKey(a).length <= papersOfKey(b).length ? [a, b] : [b, a];
      const theirs = coauthors(other);
      for (const p of papersOfKey(small)) {
        for (const x of paperKeys(p)) if (x !== small && x !== other && theirs.has(x)) return true;
      }
      return false;
    },
  };
}
