// Identity keys for names: two spellings with the same key are the same person (accents, case, hyphens, order of writing).

import type { ParsedName } from '../types';
import { foldCompact } from './fold';

/** "family|given[#homonym]" after folding; the unit of exact-evidence identity. */
export function nameKey(name: Pick<ParsedName, 'given' | 'family' | 'homonym'>): string {
  const base = `${foldCompact(name.family)}|${foldCompact(name.given)}`;
  return name.homonym ? `${base}#${name.homonym}` : base;
}

/** Initials of a given name: "Heung-Yeung" → "hy", "J. K." → "jk". */
export function initialsOf(given: string): string {
  // "STS" or "JK" written without dots are several initials; any other word gives its first letter.
  return given.split(/[\s.\-‐]+/).filter(Boolean).map((t) => (/^\p{Lu}{2,3}$/u.test(t) ? foldCompact(t) : foldCompact(t).charAt(0))).join('');
}

/** True when the given name is only initials ("J.", "J. K.", "JK"). */
export function isInitialsOnly(given: string): boolean {
  const g = given.trim();
  if (!g) return false;
  return /^(?:\p{Lu}\.?[\s-]*)+$/u.test(g) && g.replace(/[\s.-]/g, '').length <= 3;
}

/** A readable, stable node id from a key: "jiang|daxin" → "jiang-daxin", homonyms keep their number. */
export function keyToId(key: string): string {
  const [base = '', homonym] = key.split('#');
  const [family = '', given = ''] = base.split('|');
  const slug = [family, given].filter(Boolean).join('-').replace(/[^a-z0-9\u0080-\uFFFF-]/g, '') || 'author';
  // DBLP numbers stay as they are ("-0001"); identifiers become readable slugs ("-orcid-0000-0002-1825-0097").
  return homonym ? `${slug}-${homonym.toLowerCase().replace(/^id:/, '').replace(/[^a-z0-9]+/g, '-')}` : slug;
}
