// Finds author lists whose given and family names were paired with the wrong partners: re-pairs them on co-author
// evidence from the rest of the corpus, or flags them as suspect when that evidence is too thin to act on.

import type { Repair } from '../types';
import { displayName } from '../sources/names';
import type { KnownNames } from './knownNames';
import { listsOfKeys, nameParts } from './knownNames';
import type { NameInfo } from './nameTable';
import { uint8s } from '../compact/uncounted';

export interface RepairOptions {
  /** Largest shift of family names tried, both ways. */
  maxShift: number;
  /** A shifted reading needs at least this many names known from other papers… */
  minMatches: number;
  /** …and this many times the names known as written, plus minMatches. */
  minGain: number;
  /** To be repaired: this share of the re-paired slots must be known names… */
  minShare: number;
  /** …and this share of those must be co-authors on other papers (pairwise, not all on one paper). */
  minLinkedShare: number;
  /** Two names count as co-authors when they share more papers than this many times what chance gives. */
  chanceFactor: number;
}

export const repairDefaults: RepairOptions = {
  maxShift: 3, minMatches: 2, minGain: 2, minShare: 0.4, minLinkedShare: 0.5, chanceFactor: 2,
};

export interface ListInput {
  id: number;
  file: string;
  line: number;
  /** The title, read only when a repair is reported (decoding every title would cost a whole-corpus pass). */
  title: () => string;
  names: NameInfo[];
}

const shiftedKey = (given: NameInfo, family: NameInfo): string => `${family.familyFold}|${given.givenFold}`;

/** One shifted reading of a list: given name i with family name i + shift. */
interface Reading {
  shift: number;
  /** Pairs the shift can make: n - |shift|. */
  slots: number;
  /** Distinct key ids of re-paired names that other papers know. */
  keys: number[];
  /** How many of `keys` are co-authors of another of them on some other paper. */
  linked: number;
  /** Most of `keys` on one other paper. */
  together: number;
}

export interface RepairResult {
  names: NameInfo[] | undefined;
  repair?: Repair;
  /** A list that looks mis-paired but lacks the evidence to re-pair: read as written, and flagged. */
  suspect?: Repair;
  /** Tokens with no partner at the front of the shifted column (often a team name). */
  prefix: string[];
  /** Name parts that lost their partner and could not be completed, described for the report. */
  unrepaired: string[];
}

/** Pairwise co-author evidence among `keys`, from papers other than `self`. */
function coauthorEvidence(known: KnownNames, keys: number[], self: number, options: RepairOptions) {
  const { start, lists } = listsOfKeys(known);
  const slot = new Map<number, number>(keys.map((k, i) => [k, i]));
  const tally = new Map<number, number>();
  for (const k of keys) for (let x = start[k]!; x < start[k + 1]!; x++) {
    const l = lists[x]!;
    if (l !== self && !known.excluded?.[l]) tally.set(l, (tally.get(l) ?? 0) + 1);
  }
  const linked = uint8s(keys.length);
  const shared = new Map<number, number>();
  let together = 0;
  for (const [l, c] of tally) {
    if (c < 2) continue;
    if (c > together) together = c;
    const found = new Set<number>();
    for (let i = known.lists.keyStart[l]!; i < known.lists.keyStart[l + 1]!; i++) {
      const at = slot.get(known.lists.keyIds[i]!);
      if (at !== undefined) found.add(at);
    }
    const on = [...found];
    // Three or more of the re-paired names on one paper are a team, not chance.
    if (on.length >= 3) { for (const i of on) linked[i] = 1; continue; }
    const [a, b] = on[0]! < on[1]! ? [on[0]!, on[1]!] : [on[1]!, on[0]!];
    shared.set(a * keys.length + b, (shared.get(a * keys.length + b) ?? 0) + 1);
  }
  // A pair of prolific names shares papers by chance in a large corpus: count a pair only above chance.
  for (const [pair, s] of shared) {
    const a = Math.floor(pair / keys.length); const b = pair % keys.length;
    const chance = (known.counts[keys[a]!]! * known.counts[keys[b]!]!) / known.lists.count;
    if (s > options.chanceFactor * chance) { linked[a] = 1; linked[b] = 1; }
  }
  return { linked: linked.reduce((s, x) => s + x, 0), together };
}

const places = (s: number) => `${Math.abs(s)} place${Math.abs(s) > 1 ? 's' : ''} ${s > 0 ? 'later' : 'earlier'}`;
const signed = (s: number) => `${s > 0 ? '+' : ''}${s}`;

function readingText(r: Reading, n: number, base: number): string {
  const linked = `${r.linked} of them co-authors of each other on other papers`;
  return `pairing each given name with the family name ${places(r.shift)} turns ${r.keys.length} of ${n} names ` +
    `into names known from other papers (${base} as written), ${linked}`;
}

/** Lists shorter than this are never re-paired: too few names to tell a shift from chance. */
export const REPAIR_MIN_NAMES = 4;

/**
 * A list of `n` names, `base` of them known from other papers, is already too well known for any shift to gain
 * enough: a shift re-pairs at most n - 1 names. (repairList's first test: most lists stop there.)
 */
export function cannotGain(n: number, base: number, options: RepairOptions): boolean {
  return options.minGain * base + options.minMatches > n - 1;
}

/**
 * Tries shifted pairings (given[i] with family[i+s]) and keeps one only when it turns many more names into names
 * known from other papers, most of them co-authors of each other there; thresholds scale with the list's length.
 * Tokens left without a partner at the front are the list's prefix (often a team name); names left at the end
 * are completed only from a known name that clearly fits the team. `make` interns a re-paired "given family" name.
 */
export function repairList(
  list: ListInput, known: KnownNames, make: (given: string, family: string) => NameInfo,
  options: RepairOptions = repairDefaults,
): RepairResult {
  const names = list.names;
  const n = names.length;
  const none: RepairResult = { names: undefined, prefix: [], unrepaired: [] };
  if (n < REPAIR_MIN_NAMES) return none;
  const own = new Set<number>();
  // An excluded list no longer counts in `counts`: nothing of its own to take off.
  if (!known.excluded?.[list.id]) for (const x of names) if (x.keyId >= 0) own.add(x.keyId);
  const elsewhere = (k: number) => k >= 0 && (known.counts[k] ?? 0) - (own.has(k) ? 1 : 0) > 0;
  let base = 0;
  for (const x of new Set(names.map((y) => y.keyId))) if (elsewhere(x)) base++;
  if (cannotGain(n, base, options)) return none;
  const needed = options.minGain * base + options.minMatches;

  const readings: Reading[] = [];
  for (let s = -options.maxShift; s <= options.maxShift; s++) {
    if (s === 0 || Math.abs(s) >= n) continue;
    const keys = new Set<number>();
    for (let i = Math.max(0, -s); i < n && i + s < n; i++) {
      if (!names[i]!.givenFold || !names[i + s]!.familyFold) continue;
      const k = known.keyIdOf(shiftedKey(names[i]!, names[i + s]!));
      if (elsewhere(k)) keys.add(k);
    }
    if (keys.size >= needed) {
      readings.push({ shift: s, slots: n - Math.abs(s), keys: [...keys], linked: 0, together: 0 });
    }
  }
  if (!readings.length) return none;
  readings.sort((a, b) => b.keys.length - a.keys.length || Math.abs(a.shift) - Math.abs(b.shift) || a.shift - b.shift);
  const tried = readings.slice(0, 3);
  for (const r of tried) Object.assign(r, coauthorEvidence(known, r.keys, list.id, options));
  const repairable = (r: Reading) => r.keys.length >= Math.ceil(options.minShare * r.slots) &&
    r.linked >= Math.max(options.minMatches, Math.ceil(options.minLinkedShare * r.keys.length));
  const byEvidence = (a: Reading, b: Reading) => b.linked - a.linked || b.keys.length - a.keys.length;
  const best = tried.filter(repairable).sort(byEvidence)[0];
  if (!best) {
    // Flag on some co-author evidence, or on many shifted names known (two common names can match by chance).
    const worthFlagging = (r: Reading) => r.linked >= options.minMatches ||
      (r.keys.length > options.minMatches && r.keys.length >= Math.ceil(options.minShare * r.slots));
    const hint = tried.filter(worthFlagging).sort(byEvidence)[0];
    return hint ? { ...none, suspect: suspectOf(list, hint, base) } : none;
  }
  return applyReading(list, known, best, base, make, options);
}

function suspectOf(list: ListInput, r: Reading, base: number): Repair {
  const names = list.names;
  const after: string[] = [];
  for (let i = Math.max(0, -r.shift); i < names.length && i + r.shift < names.length; i++) {
    after.push(`${names[i]!.givenRaw} ${names[i + r.shift]!.familyRaw}`);
  }
  return {
    code: 'suspect-list', file: list.file, line: list.line, title: list.title(),
    message: `author list looks mis-paired (shift ${signed(r.shift)}); read as written and flagged`,
    before: names.map((x) => x.name.raw), after,
    evidence: `${readingText(r, names.length, base)}; too little evidence to re-pair it`,
  };
}

type ListMaker = (given: string, family: string) => NameInfo;

function applyReading(
  list: ListInput, known: KnownNames, r: Reading, base: number, make: ListMaker, options: RepairOptions,
): RepairResult {
  const names = list.names;
  const n = names.length;
  const s = r.shift;
  const out: NameInfo[] = [];
  const repaired = new Set<number>();
  const unrepaired: string[] = [];
  for (let i = Math.max(0, -s); i < n && i + s < n; i++) {
    if (!names[i]!.givenRaw) { unrepaired.push(`family name "${names[i + s]!.familyRaw}"`); continue; }
    const p = make(names[i]!.givenRaw, names[i + s]!.familyRaw);
    out.push(p);
    const k = known.keyIdOf(shiftedKey(names[i]!, names[i + s]!));
    if (k >= 0) repaired.add(k);
  }
  // The shifted column's first |s| tokens have no partner: a prefix such as "StepFun :".
  const prefix = s > 0 ? names.slice(0, s).map((x) => x.familyRaw) : names.slice(0, -s).map((x) => x.givenRaw);
  // Its last |s| partners lost theirs: given names (shift > 0) or family names (shift < 0) to complete.
  const lone = s > 0 ? names.slice(n - s) : names.slice(n + s);
  const { byGiven, byFamily, given, family } = nameParts(known);
  const { start, lists } = listsOfKeys(known);
  // Co-authors among the re-paired names, counted once each: how well a candidate fits this team.
  const teamMates = (k: number): number => {
    const seen = new Set<number>();
    for (let x = start[k]!; x < start[k + 1]!; x++) {
      if (lists[x] === list.id || known.excluded?.[lists[x]!]) continue;
      const { keyStart, keyIds } = known.lists; const l = lists[x]!;
      for (let i = keyStart[l]!; i < keyStart[l + 1]!; i++) if (repaired.has(keyIds[i]!)) seen.add(keyIds[i]!);
    }
    return seen.size;
  };
  const completed: string[] = [];
  for (const x of lone) {
    const part = s > 0 ? x.givenRaw : x.familyRaw;
    if (!part) continue;
    const pool = (s > 0 ? byGiven.get(x.givenFold) : byFamily.get(x.familyFold)) ?? [];
    const fits = pool.filter((k) => !repaired.has(k) && elsewhere(k)).map((k) => ({ k, mates: teamMates(k) }))
      .sort((a, b) => b.mates - a.mates || a.k - b.k);
    // The best fit must share enough team mates and clearly more than any other candidate.
    const [first, second] = fits;
    if (first && first.mates >= options.minMatches && first.mates > 2 * (second?.mates ?? 0)) {
      const k = first.k;
      const p = s > 0 ? make(x.givenRaw, family[k]!) : make(given[k]!, x.familyRaw);
      out.push(p); completed.push(displayName(p.name));
      repaired.add(k);
    } else unrepaired.push(`${s > 0 ? 'given' : 'family'} name "${part}"`);
  }
  function elsewhere(k: number) {
    const self = !known.excluded?.[list.id] && names.some((y) => y.keyId === k) ? 1 : 0;
    return (known.counts[k] ?? 0) - self > 0;
  }
  const evidence = readingText(r, n, base) +
    (prefix.length ? `; leading tokens ${JSON.stringify(prefix)} had no partner (list prefix)` : '') +
    (completed.length
      ? `; completed from the one known co-author of the team with that name: ${completed.join(', ')}` : '') +

    (unrepaired.length ? `; left out, no unique match: ${unrepaired.join(', ')}` : '') +
    `; ${r.together} of the re-paired names appear together on another paper`;
  return {
    names: out, prefix, unrepaired,
    repair: {
      code: 'shifted-names', file: list.file, line: list.line, title: list.title(),
      message: `author list re-paired (shift ${signed(s)})`,
      before: names.map((x) => x.name.raw), after: out.map((x) => displayName(x.name)), evidence,
    },
  };
}
