// Spellings parsed ahead of the identity stage: while a second thread parses a large file, this one parses the names
// read so far in the time it would spend waiting. The same pure steps NameTable takes, done earlier.

import type { ParsedName } from '../types';
import { parseName } from '../sources/names';
import { foldCompact } from './fold';
import { nameKey } from './nameKey';

export interface PreparedName {
  name: ParsedName;
  /** The raw text split into a given slot and a family slot, as written and folded (for shifted pairings). */
  givenRaw: string;
  familyRaw: string;
  givenFold: string;
  familyFold: string;
  /** The identity key of the name alone (family|given), '' for non-people; names with identifiers may get another. */
  plainKey: string;
}

/** Parses one raw name (without identifiers); `fold` may be memoised by the caller. */
export function prepareName(raw: string, fold: (text: string) => string = foldCompact): PreparedName {
  const name = parseName(raw);
  // Split the raw text, not the cleaned parse: a damaged part such as "Bojun :" keeps ":" in its family slot, and
  // "Arijit Team" (a given name glued to a prefix token, read as a team) keeps "Arijit" in its given slot.
  let givenRaw = name.given; let familyRaw = name.family;
  const text = raw.trim();
  if (!text.includes(',') && name.kind !== 'marker') {
    const at = text.lastIndexOf(' ');
    givenRaw = at < 0 ? '' : text.slice(0, at).trim();
    familyRaw = at < 0 ? text : text.slice(at + 1).trim();
  }
  const plainKey = name.kind === 'person' ? nameKey(name, fold) : '';
  return { name, givenRaw, familyRaw, givenFold: fold(givenRaw), familyFold: fold(familyRaw), plainKey };
}

/** Separates a raw name from the identifiers interned with it ("Smith, John\u0001orcid:… scopus:…"). */
export const ID_MARK = '\u0001';
export function rawOf(spelling: string): string {
  const mark = spelling.indexOf(ID_MARK);
  return mark < 0 ? spelling : spelling.slice(0, mark);
}

/** Names of a growing spelling list, parsed a few at a time in order; each is handed over once. */
export class NamePrep {
  private readonly prepared: (PreparedName | undefined)[] = [];
  private readonly folds = new Map<string, string>();
  private readonly fold = (text: string): string => {
    let f = this.folds.get(text);
    if (f === undefined) { f = foldCompact(text); this.folds.set(text, f); }
    return f;
  };

  constructor(private readonly spellings: readonly string[]) {}

  /** Parses up to `max` spellings not yet parsed; false when none was waiting. */
  step(max: number): boolean {
    const from = this.prepared.length;
    const to = Math.min(this.spellings.length, from + max);
    for (let id = from; id < to; id++) this.prepared.push(prepareName(rawOf(this.spellings[id]!), this.fold));
    return to > from;
  }

  /** The parse of spelling `id` if it was made ahead, given up to the caller (kept nowhere else). */
  take(id: number): PreparedName | undefined {
    const p = this.prepared[id];
    if (p) this.prepared[id] = undefined;
    return p;
  }

  /** Parsing ahead is over: the fold memo goes. */
  release(): void { this.folds.clear(); }
}
