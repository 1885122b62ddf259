// Detects author lists whose given and family names were paired with the wrong partners, and re-pairs them on corpus evidence.

import type { Repair } from '../types';
import { displayName } from '../sources/names';
import type { NameInfo } from './nameTable';

export interface RepairOptions {
  /** Largest shift of family names tried, both ways. */
  maxShift: number;
  /** A shift must re-pair at least this many names into known names… */
  minMatches: number;
  /** …and at least this share of the list… */
  minShare: number;
  /** …and this many times as many as the list as written. */
  minGain: number;
}

export const repairDefaults: RepairOptions = { maxShift: 3, minMatches: 3, minShare: 0.3, minGain: 3 };

export interface ListInput {
  id: number;
  file: string;
  line: number;
  /** The title, read only when a repair is reported (decoding every title would cost a whole-corpus pass). */
  title: () => string;
  names: NameInfo[];
}

/** The corpus's author lists, read one at a time (a whole corpus is never held as list objects). */
export interface ListSource {
  count: number;
  names: (list: number) => NameInfo[];
}

/** Index of names the corpus knows: how many lists each key is on; the rest is built only when a repair needs it. */
export interface KnownNames {
  /** Lists each key id is on. */
  counts: Int32Array;
  /** Key id of a key text, -1 when no name has it. */
  keyIdOf: (key: string) => number;
  lists: ListSource;
  /** Lazily built: keys by folded given name, lists per key, the family spelling per key. */
  lookups?: { byGiven: Map<string, string[]>; listsOf: Map<string, number[]>; familyOf: Map<string, string> };
}

export function indexKnownNames(lists: ListSource, keyCount: number, keyIdOf: (key: string) => number): KnownNames {
  const counts = new Int32Array(keyCount);
  for (let l = 0; l < lists.count; l++) {
    let prev = -1;
    for (const x of lists.names(l)) {
      if (x.keyId < 0 || x.keyId === prev) continue;
      prev = x.keyId;
      counts[x.keyId]!++;
    }
  }
  return { counts, keyIdOf, lists };
}

function lookups(known: KnownNames): NonNullable<KnownNames['lookups']> {
  if (known.lookups) return known.lookups;
  const byGiven = new Map<string, string[]>();
  const listsOf = new Map<string, number[]>();
  const familyOf = new Map<string, string>();
  for (let id = 0; id < known.lists.count; id++) for (const x of known.lists.names(id)) {
    if (!x.key) continue;
    const l = listsOf.get(x.key);
    if (l) { if (l[l.length - 1] !== id) l.push(id); continue; }
    listsOf.set(x.key, [id]);
    familyOf.set(x.key, x.name.family);
    const given = x.key.slice(x.key.indexOf('|') + 1);
    const g = byGiven.get(given); if (g) g.push(x.key); else byGiven.set(given, [x.key]);
  }
  known.lookups = { byGiven, listsOf, familyOf };
  return known.lookups;
}

const shiftedKey = (given: NameInfo, family: NameInfo): string => `${family.familyFold}|${given.givenFold}`;

export interface RepairResult { names: NameInfo[] | undefined; repair?: Repair; prefix: string[]; unrepaired: string[] }

/**
 * Tries shifted pairings (given[i] with family[i+s]) and keeps one only when it turns many more names into
 * names known from other lists. Family tokens left at the front form the list's prefix (often a team name);
 * given names left at the end are completed only when one known co-author has that given name.
 * `make` interns a re-paired "given family" name.
 */
export function repairList(
  list: ListInput, known: KnownNames, make: (given: string, family: string) => NameInfo,
  options: RepairOptions = repairDefaults,
): RepairResult {
  const n = list.names.length;
  const none = { names: undefined, prefix: [], unrepaired: [] };
  if (n < 4) return none;
  const names = list.names;
  const own = new Map<string, number>();
  for (const x of names) if (x.key) own.set(x.key, (own.get(x.key) ?? 0) + 1);
  const countOf = (key: string) => known.counts[known.keyIdOf(key)] ?? 0; // -1 and names made by repairs: 0
  const elsewhere = (key: string) => countOf(key) - (own.get(key) ?? 0) > 0;
  const score = (s: number): number => {
    let m = 0;
    for (let i = Math.max(0, -s); i < n && i + s < n; i++) {
      const key = s === 0 ? names[i]!.key : names[i]!.givenFold ? shiftedKey(names[i]!, names[i + s]!) : '';
      if (key && elsewhere(key)) m++;
    }
    return m;
  };
  const base = score(0);
  // No shift can re-pair more than n names, so a list already this well known cannot gain enough: skip the shifts.
  if (options.minGain * Math.max(1, base) > n) return none;
  const passes = (m: number) => m >= options.minMatches && m >= options.minShare * n && m >= options.minGain * Math.max(1, base);
  // Common names make chance matches likely in a large corpus, so the re-paired names must also be co-authors elsewhere:
  // some other paper has to list at least minMatches of them together (the same team, spelled right).
  const togetherFor = (s: number): number => {
    const { listsOf } = lookups(known);
    const tally = new Map<number, number>();
    let most = 0;
    for (let i = Math.max(0, -s); i < n && i + s < n; i++) {
      if (!names[i]!.givenFold) continue;
      for (const l of listsOf.get(shiftedKey(names[i]!, names[i + s]!)) ?? []) {
        if (l === list.id) continue;
        const c = (tally.get(l) ?? 0) + 1;
        tally.set(l, c);
        if (c > most) most = c;
      }
    }
    return most;
  };
  let best = 0; let bestScore = base; let together = 0;
  for (let s = -options.maxShift; s <= options.maxShift; s++) {
    if (s === 0) continue;
    const m = score(s);
    if (!passes(m)) continue;
    const t = togetherFor(s);
    if (t > together || (t === together && m > bestScore)) { best = s; bestScore = m; together = t; }
  }
  if (best === 0 || together < options.minMatches) return none;

  const out: NameInfo[] = [];
  const unrepaired: string[] = [];
  const prefix = best > 0 ? names.slice(0, best).map((x) => x.familyRaw) : [];
  const repairedKeys = new Set<string>();
  for (let i = 0; i < n; i++) {
    const j = i + best;
    if (j < 0 || j >= n) continue;
    out.push(make(names[i]!.givenRaw, names[j]!.familyRaw));
    repairedKeys.add(shiftedKey(names[i]!, names[j]!));
  }
  // Given names whose family fell off the end: complete from a unique known co-author with that given name.
  const completed: string[] = [];
  const { byGiven, familyOf, listsOf } = lookups(known);
  const sharesCoauthors = (key: string): boolean => {
    let shared = 0;
    for (const l of listsOf.get(key) ?? []) {
      if (l === list.id) continue;
      for (const x of known.lists.names(l)) if (repairedKeys.has(x.key) && ++shared >= options.minMatches) return true;
    }
    return false;
  };
  for (let i = 0; i < n; i++) {
    const j = i + best;
    if ((j >= 0 && j < n) || !names[i]!.givenRaw) continue;
    const candidates = (byGiven.get(names[i]!.givenFold) ?? []).filter((k) => !repairedKeys.has(k) && elsewhere(k) && sharesCoauthors(k));
    if (candidates.length === 1) {
      const p = make(names[i]!.givenRaw, familyOf.get(candidates[0]!)!);
      out.push(p); completed.push(displayName(p.name));
    } else unrepaired.push(names[i]!.givenRaw);
  }
  const dropped = best < 0 ? names.slice(n + best).map((x) => x.familyRaw) : [];
  const evidence = `pairing each given name with the family name ${Math.abs(best)} place${Math.abs(best) > 1 ? 's' : ''} ${best > 0 ? 'later' : 'earlier'} turns ${bestScore} of ${n} names into names known from other papers (${base} as written)` +
    (prefix.length ? `; leading family tokens ${JSON.stringify(prefix)} had no given name (list prefix)` : '') +
    (dropped.length ? `; trailing family tokens ${JSON.stringify(dropped)} had no given name` : '') +
    (completed.length ? `; completed from a unique known co-author: ${completed.join(', ')}` : '') +
    (unrepaired.length ? `; left out, no unique match: ${unrepaired.join(', ')}` : '') +
    `; ${together} of the re-paired names appear together on another paper`;
  return {
    names: out, prefix, unrepaired,
    repair: {
      code: 'shifted-names', file: list.file, line: list.line, title: list.title(), message: `author list re-paired (shift ${best > 0 ? '+' : ''}${best})`,
      before: names.map((x) => x.name.raw), after: out.map((x) => displayName(x.name)), evidence,
    },
  };
}
