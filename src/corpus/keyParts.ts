// The parts of each identity key ("family|given", then "#homonym" or "#id:…"), split once for the merge rules.

import type { Csr } from '../compact/columns';
import { csrFromPairs } from '../compact/columns';
import { int32s, uint8s } from '../compact/uncounted';

export interface KeyParts {
  /** Family id of each key; ids follow the order in which families first appear. */
  familyOf: Int32Array;
  /** Keys of each family, in key order. */
  familyKeys: Csr;
  /** Id of each family text. */
  familyIds: Map<string, number>;
  /** Given part of each key (after the first "|", up to a "|" or "#"); undefined for a key without "|". */
  given: (string | undefined)[];
  /** Whether the key has a given part before any "#" (the reversed-order rule reads only those). */
  plainGiven: Uint8Array;
}

export function splitKeys(keys: string[]): KeyParts {
  const n = keys.length;
  const familyIds = new Map<string, number>();
  const familyOf = int32s(n);
  const given: (string | undefined)[] = new Array(n);
  const plainGiven = uint8s(n);
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    const bar = k.indexOf('|');
    const family = bar < 0 ? k : k.slice(0, bar);
    let id = familyIds.get(family);
    if (id === undefined) { id = familyIds.size; familyIds.set(family, id); }
    familyOf[i] = id;
    if (bar < 0) continue;
    const hash = k.indexOf('#');
    const nextBar = k.indexOf('|', bar + 1);
    let end = nextBar < 0 ? k.length : nextBar;
    const hashAfter = hash > bar ? hash : k.indexOf('#', bar + 1);
    if (hashAfter >= 0 && hashAfter < end) end = hashAfter;
    given[i] = k.slice(bar + 1, end);
    plainGiven[i] = hash < 0 || hash > bar ? 1 : 0;
  }
  const order = int32s(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return { familyOf, familyKeys: csrFromPairs(familyIds.size, familyOf, order), familyIds, given, plainGiven };
}

/** The text after the key's first "#" up to the next one, with its "#" ("" without one): a homonym or an id. */
export function keySuffix(key: string): string {
  const hash = key.indexOf('#');
  if (hash < 0) return '';
  const next = key.indexOf('#', hash + 1);
  return next < 0 ? key.slice(hash) : key.slice(hash, next);
}
