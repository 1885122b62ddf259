// Finds an author by any spelling (accents, case, order, aliases); suggests the closest names when none matches.

import type { Author, Corpus } from '../types';
import { parseName } from '../sources/names';
import { foldCompact, foldText } from './fold';
import { nameKey } from './nameKey';
import type { Candidate } from './nearestNames';
import { nearestCandidates, scoreNames } from './nearestNames';
import { pushTo } from '../compact/listMap';

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
  if (corpus.authors.length === 0) return { suggestions: [] };
  const folds = corpus.authors.map((a) => foldText(a.label)).join('\n');
  const scores = scoreNames(folds, foldText(q));
  const candidates = nearestCandidates(scores, (i) => corpus.authors[i]!.papers.length, maxSuggestions);
  const ranked = rankNearest(candidates, (i) => corpus.authors[i]!.label, maxSuggestions);
  return { suggestions: ranked.map((c) => corpus.authors[c.index]!) };
}

/**
 * The best `top` of nearestCandidates' names, each with its label, ranked as suggestions are everywhere (`author`
 * in memory and from a store, the explorer's closest names): score, then most papers, then label.
 */
export function rankNearest(
  candidates: Candidate[], labelOf: (index: number) => string, top: number,
): (Candidate & { label: string })[] {
  return candidates.map((c) => ({ ...c, label: labelOf(c.index) }))
    .sort((x, y) => x.score - y.score || y.papers - x.papers || compareText(x.label, y.label))
    .slice(0, top);
}

export interface Collaborator { author: Author; papers: number[] }

/** One author's collaborators, strongest first (shared papers), with the shared paper indices. */
export function collaboratorsOf(corpus: Corpus, author: Author): Collaborator[] {
  const index = new Map(corpus.authors.map((a, i) => [a, i]));
  const self = index.get(author)!;
  const shared = new Map<number, number[]>();
  for (const p of author.papers) for (const other of corpus.papers[p]!.authors) if (other !== self) {
    pushTo(shared, other, p);
  }
  // Equal labels (homonyms such as "Wei Wang 0001" and "0002") are ordered by author index, so the order is stable.
  const label = (a: number) => corpus.authors[a]!.label;
  return [...shared].sort((x, y) => y[1].length - x[1].length || compareText(label(x[0]), label(y[0])) || x[0] - y[0])
    .map(([a, papers]) => ({ author: corpus.authors[a]!, papers }));
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
