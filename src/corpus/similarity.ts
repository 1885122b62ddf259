// Similarity of titles, abstracts and author lists, the evidence for deduplicating papers.

import { foldWords } from './fold';

/** Normalized title: folded words joined by single spaces. */
export function titleKey(title: string | undefined): string {
  return title ? foldWords(title).join(' ') : '';
}

/** Jaccard similarity of two word sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const w of small) if (large.has(w)) inter++;
  return inter / (a.size + b.size - inter);
}

export const ABSTRACT_PRINT_WORDS = 25;

/** The first words of an abstract, folded; two abstracts with the same print are the same text. */
export function abstractPrint(abstract: string | undefined): string | undefined {
  if (!abstract) return undefined;
  const words = foldWords(abstract);
  return words.length >= ABSTRACT_PRINT_WORDS ? words.slice(0, ABSTRACT_PRINT_WORDS).join(' ') : undefined;
}

/** How many names two key lists share. */
export function sharedCount(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  let n = 0;
  for (const k of new Set(b)) if (set.has(k)) n++;
  return n;
}
