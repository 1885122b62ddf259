// Parses one personal name as written ("Last, First", "First Last", initials, particles, DBLP suffixes) and classifies non-people.

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
  'ltd', 'llc', 'gmbh', 'corp', 'corporation', 'university', 'universit[äaà]t', 'universidad', 'université', 'institute',
  'institut', 'centre', 'center', 'association', 'society', 'foundation', 'organi[sz]ation', 'network', 'alliance',
  'initiative', 'council', 'authors', 'contributors', 'investigators', 'programme', 'agency', 'department', 'ministry',
];
const TEAM_WORD_RE = new RegExp(`\\b(?:${TEAM_WORDS.join('|')})\\b\\.?`, 'i');
/** Lowercase name particles that belong to the family name (van, de, al…). */
export const PARTICLES = new Set([
  'van', 'von', 'de', 'der', 'den', 'del', 'della', 'delle', 'di', 'da', 'dos', 'das', 'du', 'des', 'le', 'la', 'ter',
  'ten', 'zu', 'zur', 'af', 'av', 'bin', 'binti', 'al', 'el', 'y', "d'", "l'",
]);
const SUFFIX_RE = /^(?:jr\.?|sr\.?|junior|senior|ii|iii|iv|v)$/i;
const HOMONYM_RE = /\s+(\d{4})$/;

function result(raw: string, kind: NameKind, given = '', family = '', homonym?: string, suffix?: string): ParsedName {
  const out: ParsedName = { raw, kind, given, family };
  if (homonym) out.homonym = homonym;
  if (suffix) out.suffix = suffix;
  return out;
}

/** Cleans the text around a name: LaTeX, footnote marks, stray punctuation and spacing. */
export function cleanNameText(raw: string): string {
  // NFC: "ö" from LaTeX, decomposed and precomposed input must be one spelling.
  return nfc(decodeLatex(raw))
    .replace(/[\u0000-\u001F\u007F\u200B-\u200D\uFEFF]/g, ' ')
    .replace(/[*†‡§¶]+|\^\{?[\d,]+\}?/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.]+|[\s,;:]+$/g, '')
    .trim();
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
  return tokens.filter((t) => !/^\p{Lu}\.?$|^\p{Lu}\.(?:\p{Lu}\.)+$/u.test(t) && !PARTICLES.has(t.toLowerCase())).length > 8;
}

function isNameToken(t: string): boolean {
  return /\p{L}/u.test(t) && !/[@/\\<>=[\]{}|]|https?:/.test(t);
}

function splitSpaced(text: string): { given: string; family: string; suffix?: string } {
  const tokens = text.split(' ');
  let suffix: string | undefined;
  while (tokens.length > 2 && SUFFIX_RE.test(tokens[tokens.length - 1]!)) suffix = tokens.pop() + (suffix ? ' ' + suffix : '');
  if (tokens.length === 1) return { given: '', family: tokens[0]!, suffix };
  // The family name starts at the first lowercase particle after the first token, else it is the last token.
  let start = tokens.length - 1;
  for (let i = 1; i < tokens.length - 1; i++) {
    if (PARTICLES.has(tokens[i]!.toLowerCase()) && /^\p{Ll}/u.test(tokens[i]!)) { start = i; break; }
  }
  return { given: tokens.slice(0, start).join(' '), family: tokens.slice(start).join(' '), suffix };
}

/** Parses one author name as written. Never throws; non-people come back with kind team/marker/placeholder/invalid. */
export function parseName(raw: string): ParsedName {
  // A name wholly in braces is a BibTeX literal: an organisation written so that it is not split ({{World Health Organization}}).
  const literal = /^\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}\s*$/.exec(raw);
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
  if (parts.length === 2 && /^\d{4}$/.test(parts[0]!) && !homonym) return parseName(`${parts[1]} ${parts[0]}`);
  let given: string; let family: string; let suffix: string | undefined;
  if (parts.length >= 2) {
    // "von Last, Jr, First" or "Last, First".
    family = parts[0]!;
    if (parts.length >= 3 && SUFFIX_RE.test(parts[1]!)) { suffix = parts[1]; given = parts.slice(2).join(' '); }
    else if (SUFFIX_RE.test(parts[1]!) && parts.length === 2) { const s = splitSpaced(family); given = s.given; family = s.family; suffix = parts[1]; }
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
