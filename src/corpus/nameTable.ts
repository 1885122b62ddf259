// Interned names: each distinct raw spelling is parsed, keyed and folded once, however often it appears (the hot path of resolving).

import type { ParsedName } from '../types';
import { parseName } from '../sources/names';
import { foldCompact } from './fold';
import { nameKey } from './nameKey';

export interface NameInfo {
  name: ParsedName;
  /** Identity key (family|given[#homonym]) for people, '' otherwise. */
  key: string;
  /** The raw text split into a given slot and a family slot, folded, for testing shifted pairings. */
  givenFold: string;
  familyFold: string;
  givenRaw: string;
  familyRaw: string;
}

export class NameTable {
  private readonly byRaw = new Map<string, NameInfo>();
  private readonly folds = new Map<string, string>();

  fold(text: string): string {
    let f = this.folds.get(text);
    if (f === undefined) { f = foldCompact(text); this.folds.set(text, f); }
    return f;
  }

  get(raw: string): NameInfo {
    let info = this.byRaw.get(raw);
    if (info) return info;
    const name = parseName(raw);
    // Split the raw text, not the cleaned parse: a damaged part such as "Bojun :" keeps ":" in its family slot.
    let givenRaw = name.given; let familyRaw = name.family;
    const text = raw.trim();
    if (!text.includes(',') && (name.kind === 'person' || name.kind === 'invalid')) {
      const at = text.lastIndexOf(' ');
      givenRaw = at < 0 ? '' : text.slice(0, at).trim();
      familyRaw = at < 0 ? text : text.slice(at + 1).trim();
    }
    info = { name, key: name.kind === 'person' ? nameKey(name) : '', givenRaw, familyRaw, givenFold: this.fold(givenRaw), familyFold: this.fold(familyRaw) };
    this.byRaw.set(raw, info);
    return info;
  }
}
