// Detects author lists whose given and family names were paired with the wrong partners, and re-pairs them on corpus evidence.

import type { ParsedName, Repair } from '../types';
import { displayName } from '../sources/names';
import { foldCompact } from './fold';
import { nameKey } from './nameKey';

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
  title: string;
  names: ParsedName[];
}

/** Index of names the corpus knows: key → number of lists it appears in, and who appears with whom. */
export interface KnownNames {
  count: Map<string, number>;
  byGiven: Map<string, Set<string>>;
  coauthors: Map<string, Set<string>>;
  /** The family name as first written for each key. */
  familyOf: Map<string, string>;
}

export function indexKnownNames(lists: ListInput[]): KnownNames {
  const count = new Map<string, number>();
  const byGiven = new Map<string, Set<string>>();
  const coauthors = new Map<string, Set<string>>();
  const familyOf = new Map<string, string>();
  for (const list of lists) {
    for (const x of list.names) if (x.kind === 'person' && !familyOf.has(nameKey(x))) familyOf.set(nameKey(x), x.family);
    const keys = [...new Set(list.names.filter((n) => n.kind === 'person').map(nameKey))];
    for (const k of keys) {
      count.set(k, (count.get(k) ?? 0) + 1);
      const given = k.slice(k.indexOf('|') + 1);
      let s = byGiven.get(given); if (!s) byGiven.set(given, (s = new Set()));
      s.add(k);
    }
    // Co-author sets only for short-enough lists; they serve as tie-breakers, not as the main evidence.
    if (keys.length <= 300) for (const k of keys) {
      let s = coauthors.get(k); if (!s) coauthors.set(k, (s = new Set()));
      for (const o of keys) if (o !== k) s.add(o);
    }
  }
  return { count, byGiven, coauthors, familyOf };
}

function knownElsewhere(known: KnownNames, ownKeys: Map<string, number>, key: string): boolean {
  return (known.count.get(key) ?? 0) - (ownKeys.get(key) ?? 0) > 0;
}

function rawParts(name: ParsedName): { given: string; family: string } {
  const raw = name.raw.trim();
  if (raw.includes(',') || name.kind !== 'person' && name.kind !== 'invalid') return { given: name.given, family: name.family };
  const at = raw.lastIndexOf(' ');
  return at < 0 ? { given: '', family: raw } : { given: raw.slice(0, at).trim(), family: raw.slice(at + 1).trim() };
}

function person(raw: string, given: string, family: string): ParsedName {
  return { raw, kind: 'person', given, family };
}

/**
 * Tries shifted pairings (given[i] with family[i+s]) and keeps one only when it turns many more names into
 * names known from other lists. Family tokens left at the front form the list's prefix (often a team name);
 * given names left at the end are completed only when one known co-author has that given name.
 */
export function repairList(list: ListInput, known: KnownNames, options: RepairOptions = repairDefaults): { names: ParsedName[]; repair?: Repair; prefix: string[]; unrepaired: string[] } {
  const n = list.names.length;
  const none = { names: list.names, prefix: [], unrepaired: [] };
  if (n < 4) return none;
  // Split the raw text, not the cleaned parse: a damaged part such as "Bojun :" must keep ":" as its family slot.
  const split = list.names.map((x) => rawParts(x));
  const givens = split.map((x) => x.given);
  const families = split.map((x) => x.family);
  const ownKeys = new Map<string, number>();
  for (const x of list.names) if (x.kind === 'person') { const k = nameKey(x); ownKeys.set(k, (ownKeys.get(k) ?? 0) + 1); }
  const score = (s: number): number => {
    let m = 0;
    for (let i = 0; i < n; i++) {
      const j = i + s;
      if (j < 0 || j >= n || !givens[i]) continue;
      if (knownElsewhere(known, ownKeys, nameKey({ given: givens[i]!, family: families[j]! }))) m++;
    }
    return m;
  };
  const base = score(0);
  let best = 0; let bestScore = base;
  for (let s = -options.maxShift; s <= options.maxShift; s++) {
    if (s === 0) continue;
    const m = score(s);
    if (m > bestScore) { best = s; bestScore = m; }
  }
  if (best === 0 || bestScore < options.minMatches || bestScore < options.minShare * n || bestScore < options.minGain * Math.max(1, base)) return none;

  const names: ParsedName[] = [];
  const unrepaired: string[] = [];
  const prefix = best > 0 ? families.slice(0, best) : [];
  const repairedKeys = new Set<string>();
  for (let i = 0; i < n; i++) {
    const j = i + best;
    if (j >= 0 && j < n) {
      const p = person(`${givens[i]} ${families[j]}`, givens[i]!, families[j]!);
      names.push(p); repairedKeys.add(nameKey(p));
    }
  }
  // Given names whose family fell off the end: complete from a unique known co-author with that given name.
  const completed: string[] = [];
  for (let i = 0; i < n; i++) {
    const j = i + best;
    if (j >= 0 && j < n) continue;
    if (!givens[i]) continue;
    const candidates = [...(known.byGiven.get(foldCompact(givens[i]!)) ?? [])].filter((k) => {
      const co = known.coauthors.get(k);
      if (!co || repairedKeys.has(k) || !knownElsewhere(known, ownKeys, k)) return false;
      let shared = 0;
      for (const r of repairedKeys) if (co.has(r) && ++shared >= options.minMatches) return true;
      return false;
    });
    if (candidates.length === 1) {
      const family = known.familyOf.get(candidates[0]!) ?? givens[i]!;
      const p = person(`${givens[i]} ${family}`, givens[i]!, family);
      names.push(p); completed.push(displayName(p));
    } else unrepaired.push(givens[i]!);
  }
  const before = list.names.map((x) => x.raw);
  const after = names.map(displayName);
  const dropped = best < 0 ? families.slice(n + best) : [];
  const evidence = `pairing each given name with the family name ${Math.abs(best)} place${Math.abs(best) > 1 ? 's' : ''} ${best > 0 ? 'later' : 'earlier'} turns ${bestScore} of ${n} names into names known from other papers (${base} as written)` +
    (prefix.length ? `; leading family tokens ${JSON.stringify(prefix)} had no given name (list prefix)` : '') +
    (dropped.length ? `; trailing family tokens ${JSON.stringify(dropped)} had no given name` : '') +
    (completed.length ? `; completed from a unique known co-author: ${completed.join(', ')}` : '') +
    (unrepaired.length ? `; left out, no unique match: ${unrepaired.join(', ')}` : '');
  return {
    names, prefix, unrepaired,
    repair: { code: 'shifted-names', file: list.file, line: list.line, title: list.title, message: `author list re-paired (shift ${best > 0 ? '+' : ''}${best})`, before, after, evidence },
  };
}

