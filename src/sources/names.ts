// Parses one personal name as written (both orders, initials, particles, DBLP suffixes) and classifies non-people.

import type { NameKind, ParsedName } from '../types';
import { decodeLatex } from './latex';
import { nfc } from './unicode';

const MARKER_RE = /^(?:et\.?\s*al\.?|and\s+others|others|\.{3}|…|etc\.?)$/i;
const PLACEHOLDER_RE = new RegExp(`^(?:${[
  'anonymous', 'anon\\.?', 'unknown(?:\\s+author)?', 'author\\s+unknown', 'n\\.?\\s*\\/?\\s*a\\.?', 'none',
  'not\\s+available', '\\[?\\s*no\\s+authors?(?:\\s+name)?(?:\\s+available)?\\s*\\]?', '\\[?\\s*anonymous\\s*\\]?',
].join('|')})$`, 'i');
const TEAM_WORDS = [
  'team', 'group', 'consortium', 'collaboration', 'project', 'committee', 'labs?', 'laboratory', 'laboratories', 'inc',
  'ltd', 'llc', 'gmbh', 'corp', 'corporation', 'university', 'universit[äaà]t', 'universidad', 'université',
  'institute', 'institut', 'centre', 'center', 'association', 'society', 'foundation', 'organi[sz]ation', 'network',
  'alliance', 'initiative', 'council', 'authors', 'contributors', 'investigators', 'programme', 'agency',
  'department', 'ministry',

];
const TEAM_WORD_RE = new RegExp(`\\b(?:${TEAM_WORDS.join('|')})\\b\\.?`, 'i');
/** Lowercase name particles that belong to the family name (van, de, al…). */
export const PARTICLES = new Set([
  'van', 'von', 'de', 'der', 'den', 'del', 'della', 'delle', 'di', 'da', 'dos', 'das', 'du', 'des', 'le', 'la', 'ter',
  'ten', 'zu', 'zur', 'af', 'av', 'bin', 'binti', 'al', 'el', 'y', "d'", "l'",
]);
const SUFFIX_RE = /^(?:jr\.?|sr\.?|junior|senior|ii|iii|iv|v)$/i;
const HOMONYM_RE = /\s+(\d{4})$/;
const LITERAL_RE = /^\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}\s*$/;

function result(raw: string, kind: NameKind, given = '', family = '', homonym?: string, suffix?: string): ParsedName {
  const out: ParsedName = { raw, kind, given, family };
  if (homonym) out.homonym = homonym;
  if (suffix) out.suffix = suffix;
  return out;
}

/** Cleans the text around a name: LaTeX, footnote marks, stray punctuation and spacing. */
export function cleanNameText(raw: string): string {
  // Most names need none of it: a whole corpus cleans millions, and the general path took a third of parsing.
  return isCleanName(raw) ? raw : cleanNameTextGenerally(raw);
}

/** The general path of cleanNameText (exported for the test that checks the fast path against it). */
export function cleanNameTextGenerally(raw: string): string {
  // NFC: "ö" from LaTeX, decomposed and precomposed input must be one spelling.
  return nfc(decodeLatex(raw))
    .replace(/[\u0000-\u001F\u007F\u200B-\u200D\uFEFF]/g, ' ')
    .replace(/[*†‡§¶]+|\^\{?[\d,]+\}?/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.]+|[\s,;:]+$/g, '')
    .trim();
}

/** Characters of ASCII that cleaning changes or removes: LaTeX (\\ { } ~), footnote marks (* ^), controls. */
const ASCII_CLEANED = new Uint8Array(128);
for (let c = 0; c < 32; c++) ASCII_CLEANED[c] = 1;
for (const ch of '\\{}~*^\x7F') ASCII_CLEANED[ch.charCodeAt(0)] = 1;
/** Beyond ASCII: white space, zero-width characters, footnote marks (see cleanNameTextGenerally). */
const WIDE_CLEANED = /[\s\u0080-\u009F\u200B-\u200D\uFEFF†‡§¶]/;

/**
 * True when cleanNameTextGenerally would give the text back as it is: no LaTeX, marks or controls, single spaces
 * between words, nothing to trim at either end, and NFC already.
 */
function isCleanName(text: string): boolean {
  const n = text.length;
  if (n === 0) return true;
  let wide = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) { wide = true; continue; }
    if (ASCII_CLEANED[c] === 1) return false;
    if (c === 32 && (i === 0 || i === n - 1 || text.charCodeAt(i + 1) === 32)) return false;
  }
  const first = text.charCodeAt(0); const last = text.charCodeAt(n - 1);
  if (first === 44 || first === 59 || first === 58 || first === 46) return false; // , ; : .
  if (last === 44 || last === 59 || last === 58) return false;
  return !wide || (!WIDE_CLEANED.test(text) && text.normalize('NFC') === text);
}

/** True when the text has the shape of an organisation rather than a person. */
export function looksLikeTeam(text: string): boolean {
  if (TEAM_WORD_RE.test(text) || /(?:^|[\s-])AI\b/.test(text)) return true;
  const tokens = text.split(/\s+/);
  if (tokens.length === 1) {
    const t = tokens[0]!;
    // CamelCase single words (StepFun, OpenAI, DeepSeek-AI) and acronyms are organisations, not people.
    if (/^\p{Lu}{2,}$/u.test(t) && t.length >= 2) return true;
    if (/\p{Ll}\p{Lu}/u.test(t) || /\d/.test(t)) return true;
  }
  // Many words that are neither initials nor particles read as an organisation's name.
  const initial = (t: string) => /^\p{Lu}\.?$|^\p{Lu}\.(?:\p{Lu}\.)+$/u.test(t);
  return tokens.filter((t) => !initial(t) && !PARTICLES.has(t.toLowerCase())).length > 8;
}

function isNameToken(t: string): boolean {
  return /\p{L}/u.test(t) && !/[@/\\<>=[\]{}|]|https?:/.test(t);
}

function startsLowercase(t: string): boolean {
  const c = t.charCodeAt(0);
  return c < 128 ? c >= 97 && c <= 122 : /^\p{Ll}/u.test(t);
}

function splitSpaced(text: string): { given: string; family: string; suffix?: string } {
  const tokens = text.split(' ');
  let suffix: string | undefined;
  while (tokens.length > 2 && SUFFIX_RE.test(tokens[tokens.length - 1]!)) {
    suffix = tokens.pop() + (suffix ? ' ' + suffix : '');
  }
  if (tokens.length === 1) return { given: '', family: tokens[0]!, suffix };
  // The family name starts at the first lowercase particle after the first token, else it is the last token.
  let start = tokens.length - 1;
  for (let i = 1; i < tokens.length - 1; i++) {
    if (startsLowercase(tokens[i]!) && PARTICLES.has(tokens[i]!.toLowerCase())) { start = i; break; }
  }
  return { given: tokens.slice(0, start).join(' '), family: tokens.slice(start).join(' '), suffix };
}

/** Parses one author name as written. Never throws; non-people come back with kind team/marker/placeholder/invalid. */
export function parseName(raw: string): ParsedName {
  return parsePlainName(raw) ?? parseNameGenerally(raw);
}

/** The general path of parseName (exported for the test that checks the fast path against it). */
export function parseNameGenerally(raw: string): ParsedName {
  // A name wholly in braces is a BibTeX literal: an organisation written so that it is not split
  // ({{World Health Organization}}).
  const literal = raw.includes('{') ? LITERAL_RE.exec(raw) : null;
  if (literal && /\p{L}/u.test(literal[1]!)) return result(raw, 'team', '', cleanNameText(literal[1]!));
  let text = cleanNameText(raw);
  if (!text) return result(raw, 'invalid');
  if (MARKER_RE.test(text)) return result(raw, 'marker');
  if (PLACEHOLDER_RE.test(text)) return result(raw, 'placeholder');
  let homonym: string | undefined;
  const hm = HOMONYM_RE.exec(text);
  if (hm) { homonym = hm[1]; text = text.slice(0, hm.index).trim(); }
  if (!/\p{L}/u.test(text) || text.length > 120) return result(raw, 'invalid');
  if (looksLikeTeam(text)) return result(raw, 'team', '', text);

  let parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  // "0002, Ji Liu": a DBLP homonym number mistaken for the family name by an exporter.
  if (parts.length === 2 && /^\d{4}$/.test(parts[0]!) && !homonym) return parseNameGenerally(`${parts[1]} ${parts[0]}`);
  let given: string; let family: string; let suffix: string | undefined;
  if (parts.length >= 2) {
    // "von Last, Jr, First" or "Last, First".
    family = parts[0]!;
    if (parts.length >= 3 && SUFFIX_RE.test(parts[1]!)) { suffix = parts[1]; given = parts.slice(2).join(' '); }
    else if (SUFFIX_RE.test(parts[1]!) && parts.length === 2) {
      const s = splitSpaced(family);
      given = s.given; family = s.family; suffix = parts[1];
    }
    else given = parts.slice(1).join(' ');
  } else {
    ({ given, family, suffix } = splitSpaced(text));
  }
  given = given.replace(/\s+/g, ' ').trim();
  family = family.replace(/\s+/g, ' ').trim();
  const tokens = `${given} ${family}`.trim().split(' ');
  if (!family || !tokens.every(isNameToken)) return result(raw, 'invalid', given, family, homonym);
  return result(raw, 'person', given, family, homonym, suffix);
}

/** "Given Family" (with suffix), the display form. */
export function displayName(name: ParsedName): string {
  return [name.given, name.family, name.suffix].filter(Boolean).join(' ');
}

/**
 * Letters beyond ASCII that a plain name may hold: Latin-1's and Latin Extended-A and -B's, × and ÷ aside. None
 * composes with another or with an ASCII letter, so a text of them is NFC already (a test checks every pair).
 */
export const isLatinLetter = (c: number) => c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7;
const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * The parse of the commonest shape of name, found without the general path's many passes: two to eight words of
 * letters (with . - ' inside) parted by single spaces, starting with a letter, no comma, no digit but a DBLP
 * homonym number at the end, no LaTeX. Undefined for anything else. Every rule of the general path that such a text
 * can meet still applies: markers, placeholders, team words, suffixes and particles.
 */
export function parsePlainName(raw: string): ParsedName | undefined {
  const n = raw.length;
  if (n === 0 || n > 120 || (!isAsciiLetter(raw.charCodeAt(0)) && !isLatinLetter(raw.charCodeAt(0)))) return undefined;
  const end = homonymAt(raw);
  let words = 1; let letters = 0;
  for (let i = 0; i < end; i++) {
    const c = raw.charCodeAt(i);
    if (isAsciiLetter(c)) { letters++; continue; }
    if (c === 32) {
      // A word without a letter is no name token; two spaces, or one at the end, would be cleaned.
      if (letters === 0 || i === end - 1) return undefined;
      words++; letters = 0;
      continue;
    }
    if (c === 46 || c === 45 || c === 39) continue; // . - '
    if (!isLatinLetter(c)) return undefined;
    letters++;
  }
  if (letters === 0 || words < 2 || words > 8) return undefined;
  if (MARKER_RE.test(raw) || PLACEHOLDER_RE.test(raw)) return undefined;
  const text = end === n ? raw : raw.slice(0, end);
  if (TEAM_WORD_RE.test(text) || /(?:^|[\s-])AI\b/.test(text)) return undefined;
  const { given, family, suffix } = splitSpaced(text);
  return result(raw, 'person', given, family, end === n ? undefined : raw.slice(end + 1), suffix);
}

/** Where a name's DBLP homonym number (" 0001" at the very end) starts; the text's length when it has none. */
function homonymAt(raw: string): number {
  const n = raw.length;
  if (n < 6 || raw.charCodeAt(n - 5) !== 32) return n;
  for (let i = n - 4; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) return n;
  }
  return n - 5;
}
