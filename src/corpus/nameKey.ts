// Identity keys for names: spellings with the same key are one person (accents, case, hyphens, order of writing).

import type { ParsedName } from '../types';
import { foldCompact } from './fold';

/**
 * "family|given[#homonym]" after folding; the unit of exact-evidence identity. `fold` is foldCompact, or a memo of
 * it (given and family names repeat across millions of spellings).
 */
export function nameKey(
  name: Pick<ParsedName, 'given' | 'family' | 'homonym'>, fold: (text: string) => string = foldCompact,
): string {
  const base = `${fold(name.family)}|${fold(name.given)}`;
  return name.homonym ? `${base}#${name.homonym}` : base;
}

/** Initials of a given name: "Heung-Yeung" → "hy", "J. K." → "jk". */
export function initialsOf(given: string): string {
  // "STS" or "JK" written without dots are several initials; any other word gives its first letter.
  const initials = (t: string) => (/^\p{Lu}{2,3}$/u.test(t) ? foldCompact(t) : foldCompact(t).charAt(0));
  return given.split(/[\s.\-‐]+/).filter(Boolean).map(initials).join('');

}

/** True when the given name is only initials ("J.", "J. K.", "JK"). */
export function isInitialsOnly(given: string): boolean {
  const g = given.trim();
  if (!g) return false;
  return /^(?:\p{Lu}\.?[\s-]*)+$/u.test(g) && g.replace(/[\s.-]/g, '').length <= 3;
}

/** A readable, stable node id from a key: "jiang|daxin" → "jiang-daxin", homonyms keep their number. */
export function keyToId(key: string): string {
  // Most keys are "family|given", or "family|given#0003" for a numbered homonym, in slug characters already: the id
  // is the key with its bar and hash made hyphens. A whole corpus makes millions of ids, and the general path (splits,
  // a filter, replaces) took 1.5 µs each.
  return plainKeyId(key) ?? keyToIdSlowly(key);
}

/**
 * The id of a key "family|given" or "family|given#digits" with both names present and made of slug characters (a-z,
 * 0-9, '-' and anything from U+0080 on); undefined for any other key.
 */
function plainKeyId(key: string): string | undefined {
  let bar = -1; let hash = -1;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (hash >= 0) { if (c < 48 || c > 57) return undefined; continue; }
    if (c === 124) { if (bar >= 0) return undefined; bar = i; continue; }
    if (c === 35 && bar >= 0) { hash = i; continue; }
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c >= 0x80)) return undefined;
  }
  const end = hash < 0 ? key.length : hash;
  if (bar <= 0 || bar >= end - 1 || hash === key.length - 1) return undefined;
  const id = `${key.slice(0, bar)}-${key.slice(bar + 1, end)}`;
  return hash < 0 ? id : `${id}-${key.slice(hash + 1)}`;
}

/** The general path of keyToId (exported for the test that checks the fast path against it). */
export function keyToIdSlowly(key: string): string {
  const [base = '', homonym] = key.split('#');
  const [family = '', given = ''] = base.split('|');
  const slug = [family, given].filter(Boolean).join('-').replace(/[^a-z0-9\u0080-\uFFFF-]/g, '') || 'author';
  // DBLP numbers stay as they are ("-0001"); identifiers become readable slugs ("-orcid-0000-0002-1825-0097").
  return homonym ? `${slug}-${homonym.toLowerCase().replace(/^id:/, '').replace(/[^a-z0-9]+/g, '-')}` : slug;
}
