// Which names the corpus knows, for the list repair: how many lists each name key is on, and (built on first use)
// the lists of each key and the keys by given and family name. Lists that look mis-paired can be left out.

import type { NameInfo } from './nameTable';
import { int32s } from '../compact/uncounted';
import { pushTo } from '../compact/listMap';

/** The corpus's author lists, read one at a time (a whole corpus is never held as list objects). */
export interface ListSource {
  count: number;
  names: (list: number) => NameInfo[];
  /**
   * The key ids of the same lists as flat arrays: list l's are keyIds[keyStart[l] .. keyStart[l+1]), -1 for names
   * that are not people. Counting over these touches no name objects, which on a whole corpus is most of the work.
   */
  keyStart: Int32Array;
  keyIds: Int32Array;
}

/** Index of names the corpus knows: how many lists each key is on; the rest is built only when a list needs it. */
export interface KnownNames {
  /** Lists each key id is on. */
  counts: Int32Array;
  /** Key id of a key text, -1 when no name has it. */
  keyIdOf: (key: string) => number;
  lists: ListSource;
  /** Lists that are not evidence (mis-paired themselves): left out of `counts` and of co-author tallies. */
  excluded?: Uint8Array;
  /** Lazily built: the lists of each key id (CSR over `counts`). */
  listsOf?: { start: Int32Array; lists: Int32Array };
  /** Lazily built: key ids by folded given and family name, and each key's spelled parts. */
  parts?: { byGiven: Map<string, number[]>; byFamily: Map<string, number[]>; given: string[]; family: string[] };
}

/** Calls `visit(keyId)` once per key on each list (a name listed twice counts once). */
function eachListKey(lists: ListSource, keyCount: number, visit: (keyId: number, list: number) => void): void {
  const lastList = int32s(keyCount).fill(-1);
  const { keyStart, keyIds } = lists;
  for (let l = 0; l < lists.count; l++) {
    for (let i = keyStart[l]!; i < keyStart[l + 1]!; i++) {
      const k = keyIds[i]!;
      if (k < 0 || k >= keyCount || lastList[k] === l) continue;
      lastList[k] = l;
      visit(k, l);
    }
  }
}

export function indexKnownNames(lists: ListSource, keyCount: number, keyIdOf: (key: string) => number): KnownNames {
  const counts = int32s(keyCount);
  eachListKey(lists, keyCount, (k) => { counts[k]!++; });
  return { counts, keyIdOf, lists };
}

/**
 * Stops `lists` (flagged 1) from counting as evidence: a damaged list and a correct copy of it are shifted
 * readings of each other, so each would otherwise vouch for re-pairing the other.
 */
export function excludeLists(known: KnownNames, lists: Uint8Array): void {
  const keyCount = known.counts.length;
  known.listsOf ??= listsOfKeys(known);
  const lastList = int32s(keyCount).fill(-1);
  const { keyStart, keyIds } = known.lists;
  for (let l = 0; l < known.lists.count; l++) {
    if (!lists[l]) continue;
    for (let i = keyStart[l]!; i < keyStart[l + 1]!; i++) {
      const k = keyIds[i]!;
      if (k < 0 || k >= keyCount || lastList[k] === l) continue;
      lastList[k] = l;
      known.counts[k]!--;
    }
  }
  known.excluded = lists;
}

export function listsOfKeys(known: KnownNames): NonNullable<KnownNames['listsOf']> {
  if (known.listsOf) return known.listsOf;
  const keyCount = known.counts.length;
  const start = int32s(keyCount + 1);
  for (let k = 0; k < keyCount; k++) start[k + 1] = start[k]! + known.counts[k]!;
  const fill = start.slice(0, keyCount);
  const lists = int32s(start[keyCount]!);
  eachListKey(known.lists, keyCount, (k, l) => { lists[fill[k]!++] = l; });
  known.listsOf = { start, lists };
  return known.listsOf;
}

export function nameParts(known: KnownNames): NonNullable<KnownNames['parts']> {
  if (known.parts) return known.parts;
  const byGiven = new Map<string, number[]>();
  const byFamily = new Map<string, number[]>();
  const given: string[] = []; const family: string[] = [];
  const add = (map: Map<string, number[]>, fold: string, k: number) => {
    pushTo(map, fold, k);
  };
  for (let l = 0; l < known.lists.count; l++) for (const x of known.lists.names(l)) {
    if (x.keyId < 0 || x.keyId >= known.counts.length || given[x.keyId] !== undefined) continue;
    given[x.keyId] = x.name.given; family[x.keyId] = x.name.family;
    if (x.givenFold) add(byGiven, x.givenFold, x.keyId);
    if (x.familyFold) add(byFamily, x.familyFold, x.keyId);
  }
  known.parts = { byGiven, byFamily, given, family };
  return known.parts;
}
