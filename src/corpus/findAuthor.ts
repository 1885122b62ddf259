// Finds an author by any spelling (accents, case, order, aliases); suggests the closest names when none matches.

import type { Author, Corpus } from '../types';
import { parseName } from '../sources/names';
import { foldCompact, foldText } from './fold';
import { nameKey } from './nameKey';

/** Levenshtein distance, small strings only (names). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!; row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/**
 * A folded query read as written family name first ("zhang wie" → "wie zhang"): its first word moved to the end,
 * undefined for one word. Suggestions take the nearer of the two readings, as a match takes either order.
 */
export function familyFirst(folded: string): string | undefined {
  const at = folded.indexOf(' ');
  return at < 0 ? undefined : `${folded.slice(at + 1)} ${folded.slice(0, at)}`;
}

/**
 * The family-first reading is tried only on labels with a later word starting as the query does (the family name
 * the query put first): the rest would rarely come nearer, and the store spares itself a second distance per name.
 */
export const turnedCue = (folded: string): string => ` ${folded[0] ?? ''}`;

export interface AuthorLookup { match?: Author; suggestions: Author[] }

export function findAuthor(corpus: Pick<Corpus, 'authors'>, query: string, maxSuggestions = 5): AuthorLookup {
  const q = query.trim();
  const byId = corpus.authors.find((a) => a.id === q);
  if (byId) return { match: byId, suggestions: [] };
  const parsed = parseName(q);
  const keys = new Set<string>();
  if (parsed.kind === 'person') {
    keys.add(nameKey(parsed));
    keys.add(nameKey({ given: parsed.family, family: parsed.given }));
  }
  const compact = foldCompact(q);
  for (const a of corpus.authors) {
    if (keys.has(nameKey(a))) return { match: a, suggestions: [] };
    for (const alias of a.aliases) {
      const p = parseName(alias);
      const same = (p.kind === 'person' && keys.has(nameKey(p))) || foldCompact(alias) === compact;
      if (same) return { match: a, suggestions: [] };
    }
  }
  const fq = foldText(q);
  const turned = familyFirst(fq);
  const scored = corpus.authors.map((a) => {
    const f = foldText(a.label);
    const contains = f.includes(fq) || fq.split(' ').every((w) => f.split(' ').includes(w));
    if (contains) return { a, d: 0 };
    const asWritten = distance(fq, f);
    return { a, d: turned && f.includes(turnedCue(fq)) ? Math.min(asWritten, distance(turned, f)) : asWritten };
  });
  scored.sort((x, y) => x.d - y.d || y.a.papers.length - x.a.papers.length || (x.a.label < y.a.label ? -1 : 1));
  return { suggestions: scored.slice(0, maxSuggestions).map((s) => s.a) };
}

export interface Collaborator { author: Author; papers: number[] }

/** One author's collaborators, strongest first (shared papers), with the shared paper indices. */
export function collaboratorsOf(corpus: Corpus, author: Author): Collaborator[] {
  const index = new Map(corpus.authors.map((a, i) => [a, i]));
  const self = index.get(author)!;
  const shared = new Map<number, number[]>();
  for (const p of author.papers) for (const other of corpus.papers[p]!.authors) if (other !== self) {
    const l = shared.get(other); if (l) l.push(p); else shared.set(other, [p]);
  }
  // Equal labels (homonyms such as "Wei Wang 0001" and "0002") are ordered by author index, so the order is stable.
  const label = (a: number) => corpus.authors[a]!.label;
  return [...shared].sort((x, y) => y[1].length - x[1].length || compareText(label(x[0]), label(y[0])) || x[0] - y[0])
    .map(([a, papers]) => ({ author: corpus.authors[a]!, papers }));
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
