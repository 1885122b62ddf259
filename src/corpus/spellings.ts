// Choosing how to write an author's name from the spellings seen for them.

import type { ParsedName } from '../types';
import { displayName } from '../sources/names';
import { isInitialsOnly } from './nameKey';

/** A distinct spelling (name id in the NameTable) and how often it was seen. */
export interface Spelling { id: number; name: ParsedName; n: number }

// Accents, hyphens and apostrophes carry information a plain spelling lost, so they win ties.
const marks = (s: string) => s.replace(/[\x00-\x7F]/g, '').length + s.replace(/[^-'’]/g, '').length;

/** The display spelling: a full given name over initials, then the commonest, then accents, then the longest. */
export function pickLabel(counts: readonly { name: ParsedName; n: number }[]): ParsedName {
  if (counts.length === 1) return counts[0]!.name;
  let best: { name: ParsedName; n: number; label: string; full: boolean } | undefined;
  for (const c of counts) {
    const label = displayName(c.name);
    const full = !isInitialsOnly(c.name.given);
    if (best && full !== best.full) { if (full) best = { ...c, label, full }; continue; }
    if (!best || better(c.n, label, best)) best = { ...c, label, full };
  }
  return best!.name;
}

function better(n: number, label: string, best: { n: number; label: string }): boolean {
  if (n !== best.n) return n > best.n;
  if (marks(label) !== marks(best.label)) return marks(label) > marks(best.label);
  if (label.length !== best.label.length) return label.length > best.label.length;
  return label < best.label;
}
