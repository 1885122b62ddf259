// Topic words for research groups: words and two-word phrases from titles and abstracts, weighed by how much of each
// paper is the group's and by how rare they are in the corpus; generic research words and series names weigh little.

import { IntColumn } from '../compact/columns';
import type { PaperTerms, TitledPapers, Vocabulary } from './paperTerms';
import { paperTermTable, termWeight } from './paperTerms';

export type { TitledPapers } from './paperTerms';
export { termsOf } from './paperTerms';

export interface LabelOptions {
  /** How many of the largest groups get words. */
  groups: number;
  /** Words or phrases per group. */
  words: number;
  /** Groups smaller than this get none. */
  minSize: number;
  /** A title term counts this many times an abstract term. */
  titleWeight: number;
  /** A phrase stands for a word of it when it carries at least this share of the word's weight in the group. */
  phraseShare: number;
  /** A word on at least this share of the corpus's papers (a model series' name) is no topic: it joins no phrase… */
  commonShare: number;
  /** …and its score is multiplied by this. */
  commonWeight: number;
}

export const labelDefaults: LabelOptions = {
  groups: 200, words: 3, minSize: 3, titleWeight: 3, phraseShare: 0.6, commonShare: 0.3, commonWeight: 0.1,
};

/** Papers as the labeller counts them: their authors, and their terms read for the papers it asks for. */
export interface LabelInput {
  count: number;
  authors: (p: number) => ArrayLike<number>;
  terms: (read: (p: number) => boolean) => PaperTerms;
}

/**
 * Words or phrases that tell the largest groups apart, for groups of minSize or more. Each paper's terms are read
 * once (ids with their uses, in typed arrays); each paper that has a member of such a group counts for the rarity
 * of its terms, and every group sums the terms of its papers.
 */
export function groupWords(
  papers: TitledPapers, group: Int32Array, sizes: number[], options: Partial<LabelOptions> = {},
): string[][] {
  const terms = (read: (p: number) => boolean) => paperTermTable(papers, read);
  return groupWordsOfTerms({ count: papers.count, authors: papers.authors, terms }, group, sizes, options);
}

/** groupWords on terms read elsewhere (a whole-corpus build reads them on another thread while it resolves). */
export function groupWordsOfTerms(
  papers: LabelInput, group: Int32Array, sizes: number[], options: Partial<LabelOptions> = {},
): string[][] {
  const opts = { ...labelDefaults, ...options };
  const worded = (g: number) => g < opts.groups && sizes[g]! >= opts.minSize;
  // The papers with a member of a worded group: the only ones read, counted and summed.
  const wanted = new Uint8Array(papers.count);
  for (let p = 0; p < papers.count; p++) {
    const authors = papers.authors(p);
    for (let i = 0; i < authors.length && !wanted[p]; i++) if (worded(group[authors[i]!]!)) wanted[p] = 1;
  }
  const { vocab, start, ids, uses } = papers.terms((p) => wanted[p] === 1);
  const df = new Int32Array(vocab.size);
  let documents = 0;
  const papersOf = new Map<number, IntColumn>();
  for (let p = 0; p < papers.count; p++) {
    if (!wanted[p]) continue;
    const authors = papers.authors(p);
    documents++;
    for (let k = start[p]!; k < start[p + 1]!; k++) df[ids[k]!]!++;
    let last = -1;
    for (let i = 0; i < authors.length; i++) {
      const g = group[authors[i]!]!;
      if (!worded(g) || g === last) continue;
      let l = papersOf.get(g);
      if (!l) { l = new IntColumn(4); papersOf.set(g, l); }
      if (l.length === 0 || l.get(l.length - 1) !== p) l.push(p);
      last = g;
    }
  }
  // Small corpora only: on a few dozen papers a series name is on a third of them; on thousands no topic word is.
  const common = (w: number) => documents >= 10 && df[w]! >= opts.commonShare * documents;
  const weight = (t: number): number => {
    const idf = Math.log(documents / Math.max(1, df[t]!));
    const a = vocab.first(t);
    if (a < 0) return common(t) ? idf * opts.commonWeight : idf;
    return common(a) || common(vocab.second(t)) ? 0 : idf;
  };
  // One group's term weights: an array over the vocabulary and the terms it touched, both cleared after each group
  // (a map of fractional weights made a boxed number per term and paper: most of the time on a whole corpus, in GC).
  const tf = new Float64Array(vocab.size);
  const touched: number[] = [];
  return sizes.map((_, g) => {
    if (!worded(g)) return [];
    const list = papersOf.get(g);
    for (let i = 0; i < (list?.length ?? 0); i++) {
      const p = list!.get(i);
      const authors = papers.authors(p);
      let members = 0;
      for (let k = 0; k < authors.length; k++) if (group[authors[k]!] === g) members++;
      const share = (members * members) / authors.length;
      for (let k = start[p]!; k < start[p + 1]!; k++) {
        const id = ids[k]!;
        if (tf[id] === 0) touched.push(id);
        tf[id] = tf[id]! + share * termWeight(uses[k]!, opts.titleWeight);
      }
    }
    const picked = pickTerms(touched, tf, weight, vocab, opts);
    for (const t of touched) tf[t] = 0;
    touched.length = 0;
    return picked;
  });
}

/**
 * The best terms; a phrase that carries most uses of one of its words in the group says it better ("scaling law"
 * for "scaling") and takes that word's place and rank; no word is said twice. Only the strongest few candidates
 * are weighed against each other, so a group with a large vocabulary costs one pass and a short sort.
 */
function pickTerms(
  terms: number[], tf: Float64Array, weight: (t: number) => number, vocab: Vocabulary, opts: LabelOptions,
): string[] {
  const texts = new Map<number, string>();
  const text = (t: number) => {
    let x = texts.get(t);
    if (x === undefined) { x = vocab.textOf(t); texts.set(t, x); }
    return x;
  };
  type Scored = [number, number];
  const byScoreThenText = (x: Scored, y: Scored) => y[1] - x[1] || (text(x[0]) < text(y[0]) ? -1 : 1);
  const top = strongest(terms, tf, weight, TOP_CANDIDATES, byScoreThenText);
  const score = new Map(top);
  const best = new Map<number, number>();
  for (const [t] of top) {
    const a = vocab.first(t);
    if (a < 0) continue;
    for (const w of [a, vocab.second(t)]) {
      if (!score.has(w) || tf[t]! < opts.phraseShare * tf[w]!) continue;
      const held = best.get(w);
      const better = held === undefined || tf[t]! > tf[held]!
        || (tf[t] === tf[held] && text(t) < text(held));
      if (better) best.set(w, t);
    }
  }
  for (const [w, t] of [...best].sort((x, y) => (text(x[0]) < text(y[0]) ? -1 : 1))) {
    score.set(t, Math.max(score.get(t)!, score.get(w)!));
    score.set(w, 0);
  }
  const ranked = [...score].filter(([, x]) => x > 0).sort(byScoreThenText);
  const picked: string[] = [];
  const said = new Set<string>();
  for (const [t] of ranked) {
    if (picked.length >= opts.words) break;
    const words = text(t).split(' ');
    if (words.some((w) => said.has(w))) continue;
    picked.push(text(t));
    for (const w of words) said.add(w);
  }
  return picked;
}

/** Candidates weighed against each other per group. */
const TOP_CANDIDATES = 60;

/**
 * The `n` best-scored terms, ordered by `order` (score, then text), as a full sort would give them. The scores are
 * sorted as numbers to find the cut first, so text (a phrase's is made on demand) is compared only near the top.
 */
function strongest(
  terms: number[], tf: Float64Array, weight: (t: number) => number, n: number,
  order: (x: [number, number], y: [number, number]) => number,
): [number, number][] {
  const scored: [number, number][] = [];
  for (const t of terms) { const s = tf[t]! * weight(t); if (s > 0) scored.push([t, s]); }
  if (scored.length > n) {
    const scores = Float64Array.from(scored, (x) => x[1]).sort();
    const cut = scores[scores.length - n]!;
    return scored.filter((x) => x[1] >= cut).sort(order).slice(0, n);
  }
  return scored.sort(order);
}
