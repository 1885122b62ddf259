// Line-shape tests shared by the plain-text layout parsers: prose vs title, name lists, markers.

import { looksLikeTeam, PARTICLES } from './names';

const TRUNCATION_RE = /(?:,\s*|\s+)(?:et\.?\s*al\.?|and\s+others|\.{3}|…)\s*$/i;

/** Splits text into lines, keeping 1-based numbering; handles \r\n and \r. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function wordCount(line: string): number {
  const m = line.trim().match(/\S+/g);
  return m ? m.length : 0;
}

/** Running text (an abstract) rather than a title, a name list or page chrome. */
export function isProse(line: string): boolean {
  const words = wordCount(line);
  if (words < 15) return false;
  if (readNameList(line, 0.8)) return false;
  if (words >= 25) return true;
  return /[.!?]["')\]]?\s+[\p{Lu}(\d]/u.test(line) || /\.["')\]]?$/.test(line.trim());
}

/** One token of a personal name: capitalized word, initial, hyphenated or apostrophe forms, or a particle. */
export function isNameToken(token: string): boolean {
  if (PARTICLES.has(token)) return true;
  return /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(token) && !/^\p{Lu}[\p{L}\p{M}]*[.]\p{L}{2,}/u.test(token);
}

/** A comma-separated part that could be a person's name (1–4 tokens) or a team. */
export function isNamePart(part: string): boolean {
  const tokens = part.trim().split(/\s+/);
  if (tokens.length === 0 || tokens.length > 5 || !tokens[0]) return false;
  if (tokens.length === 1 && looksLikeTeam(tokens[0])) return true;
  return tokens.every(isNameToken) && !PARTICLES.has(tokens[tokens.length - 1]!);
}

export interface NameListShape {
  /** Names in source order, "Family, Given" for pair lists, as written otherwise. */
  names: string[];
  truncated: boolean;
  organisations: string[];
  form: 'last-first' | 'first-last';
  /** Parts that did not look like names (kept, but flagged by the caller). */
  oddParts: string[];
  /** A pair list with an odd number of parts: the last part has no partner. */
  unpaired?: string;
}

/** Strips a trailing truncation marker; returns the rest and whether it was there. */
export function stripTruncation(text: string): { rest: string; truncated: boolean } {
  const m = TRUNCATION_RE.exec(text);
  if (!m) return { rest: text, truncated: false };
  return { rest: text.slice(0, m.index).trim(), truncated: true };
}

/**
 * Reads a line as a list of author names, or returns null when it is not one.
 * Accepts "Last, First, Last, First" pair lists and "First Last, First Last" lists,
 * an optional "et al." marker and trailing " · organisation" tags.
 */
export function readNameList(line: string, minShare = 0.8): NameListShape | null {
  const [body0, ...orgs] = line.split(/\s+·\s+/);
  const { rest, truncated } = stripTruncation((body0 ?? '').trim());
  if (!rest) return null;
  const parts = rest.split(/\s*[,;]\s*|\s+and\s+/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return null;
  const nameLike = parts.filter(isNamePart).length;
  if (nameLike / parts.length < minShare) return null;
  const singles = parts.filter((p) => !p.includes(' ')).length;
  const organisations = orgs.map((o) => o.trim()).filter(Boolean);
  const oddParts = parts.filter((p) => !isNamePart(p));
  if (parts.length >= 2 && singles / parts.length >= 0.7) {
    const names: string[] = [];
    for (let i = 0; i + 1 < parts.length; i += 2) names.push(`${parts[i]}, ${parts[i + 1]}`);
    const shape: NameListShape = { names, truncated, organisations, form: 'last-first', oddParts };
    if (parts.length % 2 === 1) shape.unpaired = parts[parts.length - 1];
    return shape;
  }
  if (parts.length === 1 && singles === 1 && !looksLikeTeam(parts[0]!)) return null;
  return { names: parts, truncated, organisations, form: 'first-last', oddParts };
}

/** Collapses inner whitespace and trims. */
export function tidy(text: string): string {
  // Most values are already tidy: one test instead of a replace that copies the string.
  if (!/\s\s|[^\S ]/.test(text)) {
    const padded = text.length && (text.charCodeAt(0) === 32 || text.charCodeAt(text.length - 1) === 32);
    return padded ? text.trim() : text;
  }

  return text.replace(/\s+/g, ' ').trim();
}

const ARXIV_RE = /^(?:arXiv:\s*)?((?:\d{4}\.\d{4,5})|(?:[a-z-]+(?:\.[A-Z]{2})?\/\d{7}))(v\d+)?$/i;

/** Normalizes an arXiv id ("arXiv:2503.11251v2" → "2503.11251"), or undefined. */
export function normalizeArxivId(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = ARXIV_RE.exec(text.trim().replace(/^https?:\/\/arxiv\.org\/(?:abs|pdf)\//i, '').replace(/\.pdf$/i, ''));
  return m ? m[1]!.toLowerCase() : undefined;
}
