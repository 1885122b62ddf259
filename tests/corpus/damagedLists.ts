// Damaged author lists made from real DBLP lists: family names shifted against given names, with a prefix in front.

import { parseName } from '../../src/sources/names';
import type { PaperRecord } from '../../src/types';

export interface Damage {
  /** Family names moved this many places later (> 0) or given names later (< 0). */
  shift: number;
  /** Tokens written in front of the shifted column; as many as |shift|. */
  prefix: string[];
}

/** Prefix shapes seen on listing pages: a company, a team name, punctuation left from "Team: …". */
export const PREFIXES: Record<number, string[][]> = {
  1: [['Qwen'], [':']],
  2: [['StepFun', ':'], ['Gemini', 'Team']],
  3: [['The', 'Kimi', 'Team'], ['Authors', 'listed', ':']],
};

export interface SimpleName { given: string; family: string }

/** A name the damage can split cleanly: one family token, a given name, no DBLP homonym number. */
export function simpleName(raw: string): SimpleName | undefined {
  const n = parseName(raw);
  if (n.kind !== 'person' || n.homonym || n.suffix || !n.given || /\s/.test(n.family)) return undefined;
  return { given: n.given, family: n.family };
}

/**
 * The list as a page renders it after the damage: given name i is printed beside family token i of a column
 * that starts with the prefix (shift > 0: the family column; shift < 0: the given column).
 */
export function damage(names: SimpleName[], d: Damage): string[] {
  const n = names.length;
  const k = Math.abs(d.shift);
  if (d.prefix.length !== k) throw new Error('prefix length must equal the shift');
  const given = names.map((x) => x.given);
  const family = names.map((x) => x.family);
  if (d.shift > 0) {
    const column = [...d.prefix, ...family].slice(0, n);
    return given.map((g, i) => `${g} ${column[i]}`);
  }
  const column = [...d.prefix, ...given].slice(0, n);
  return family.map((f, i) => `${column[i]} ${f}`);
}

/** Key of a simple name for comparing lists: folded "given family". */
export const nameText = (x: SimpleName) => `${x.given} ${x.family}`.normalize('NFC');

/** Records whose authors are all simple names, with how many of them co-author with another of them elsewhere. */
export function candidates(records: PaperRecord[]): { index: number; names: SimpleName[]; linked: number }[] {
  const listsOf = new Map<string, number[]>();
  const simple = records.map((r) => {
    const names = r.authors.map(simpleName);
    return names.every((x) => x) ? (names as SimpleName[]) : undefined;
  });
  records.forEach((r, i) => {
    for (const a of new Set(r.authors)) { const l = listsOf.get(a); if (l) l.push(i); else listsOf.set(a, [i]); }
  });
  const out: { index: number; names: SimpleName[]; linked: number }[] = [];
  records.forEach((r, i) => {
    const names = simple[i];
    if (!names || new Set(r.authors).size !== r.authors.length) return;
    const mine = new Set(r.authors);
    let linked = 0;
    for (const a of r.authors) {
      const others = (listsOf.get(a) ?? []).filter((l) => l !== i);
      if (others.some((l) => records[l]!.authors.some((b) => b !== a && mine.has(b)))) linked++;
    }
    out.push({ index: i, names, linked });
  });
  return out;
}
