// Topic words for research groups: words and two-word phrases from titles and abstracts, weighed by how much of each
// paper is the group's and by how rare they are in the corpus; generic research words and series names weigh little.

import { IntColumn } from '../compact/columns';
import { foldWords } from '../corpus/fold';

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

/** Papers as the labeller reads them. */
export interface TitledPapers {
  count: number;
  title: (p: number) => string;
  /** The abstract, '' when there is none. */
  abstract?: (p: number) => string;
  authors: (p: number) => ArrayLike<number>;
}

// Grammar words, and words that say what kind of paper it is rather than what it is about.
const STOP = new Set((
  'a an and are as at be by for from in into is it its of on or over the to towards toward via vs with without '
  + 'using we our can not no how what when why which do does this that these those their they than then there '
  + 'also both each all any more most such other some only one two three first new based been has have was were '
  + 'will would may should could but while where here between through under within across about after before '
  + 'i ii iii iv part report technical study studies approach approaches result results analysis method methods '
  + 'framework frameworks system systems paper papers novel efficient effective improving improved improve '
  + 'use used uses toward state art unified better open practice challenges challenge future large model models '
  + 'language learning offers building work works case problem problems application applications technique '
  + 'techniques simple general propose proposed proposes present presents show shows shown demonstrate '
  + 'demonstrates achieve achieves achieving performance experiments experimental existing however significant '
  + 'significantly outperforms outperform extensive evaluate evaluation introduce introduces provide provides '
  + 'different various well high low key main make makes several many further thus task tasks via yet '
  + 'demonstrating demonstrated enabling enable enables leveraging leverage leverages achieved including'
).split(' '));

// Numbers, model sizes and measures ("235b", "50ms", "10x") say nothing of the topic.
const keep = (w: string) => w.length > 2 && !STOP.has(w) && !/^\d+(b|m|k|t|ms|s|x|gb|tb|fps)?$/.test(w);

/** Plural folded to singular, simply: "laws" and "law" are one term ("analysis", "class", "physics" stay). */
const singular = (w: string) => (w.length > 3 && w.endsWith('s') && !/(ss|us|is|as|ics|ous)$/.test(w) ? w.slice(0, -1) : w);

/** Terms of a text: kept words, and adjacent pairs of kept words (a stop word between breaks a pair). */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  let prev = '';
  for (const word of foldWords(text)) {
    if (!keep(word)) { prev = ''; continue; }
    const w = singular(word);
    out.push(w);
    if (prev) out.push(`${prev} ${w}`);
    prev = w;
  }
  return out;
}

/** Terms interned once: ids, their text, document frequency, and the two word ids of each phrase. */
class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly text: string[] = [];
  df = new Int32Array(1024);
  /** For a phrase id: its first and second word ids; -1 for words. */
  parts: number[] = [];

  id(term: string): number {
    let id = this.ids.get(term);
    if (id !== undefined) return id;
    // A phrase's words get their ids first, so `parts` stays aligned with the ids.
    const space = term.indexOf(' ');
    const a = space < 0 ? -1 : this.id(term.slice(0, space));
    const b = space < 0 ? -1 : this.id(term.slice(space + 1));
    id = this.text.length;
    this.ids.set(term, id); this.text.push(term); this.parts.push(a, b);
    if (id >= this.df.length) { const next = new Int32Array(this.df.length * 2); next.set(this.df); this.df = next; }
    return id;
  }
}

/**
 * Words or phrases that tell the largest groups apart, for groups of minSize or more. Each paper that has a member of
 * such a group is read once: its terms become ids with weights (a CSR), which every group then sums.
 */
export function groupWords(
  papers: TitledPapers, group: Int32Array, sizes: number[], options: Partial<LabelOptions> = {},
): string[][] {
  const opts = { ...labelDefaults, ...options };
  const worded = (g: number) => g < opts.groups && sizes[g]! >= opts.minSize;
  const vocab = new Vocabulary();
  const termStart = new IntColumn(papers.count + 1); const termIds = new IntColumn(papers.count); const termWeights: number[] = [];
  termStart.push(0);
  let documents = 0;
  const papersOf = new Map<number, IntColumn>();
  for (let p = 0; p < papers.count; p++) {
    const authors = papers.authors(p);
    let wanted = false;
    for (let i = 0; i < authors.length && !wanted; i++) wanted = worded(group[authors[i]!]!);
    if (wanted) {
      documents++;
      for (const [id, w] of paperTerms(vocab, papers.title(p), papers.abstract?.(p) ?? '', opts)) {
        vocab.df[id]!++;
        termIds.push(id); termWeights.push(w);
      }
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
    termStart.push(termIds.length);
  }
  // Small corpora only: on a few dozen papers a series name is on a third of them; on thousands no topic word is.
  const common = (w: number) => documents >= 10 && vocab.df[w]! >= opts.commonShare * documents;
  const weight = (t: number): number => {
    const idf = Math.log(documents / Math.max(1, vocab.df[t]!));
    const a = vocab.parts[2 * t]!;
    if (a < 0) return common(t) ? idf * opts.commonWeight : idf;
    return common(a) || common(vocab.parts[2 * t + 1]!) ? 0 : idf;
  };
  return sizes.map((_, g) => {
    if (!worded(g)) return [];
    const tf = new Map<number, number>();
    const list = papersOf.get(g);
    for (let i = 0; i < (list?.length ?? 0); i++) {
      const p = list!.get(i);
      const authors = papers.authors(p);
      let members = 0;
      for (let k = 0; k < authors.length; k++) if (group[authors[k]!] === g) members++;
      const share = (members * members) / authors.length;
      for (let k = termStart.get(p); k < termStart.get(p + 1); k++) {
        const id = termIds.get(k);
        tf.set(id, (tf.get(id) ?? 0) + share * termWeights[k]!);
      }
    }
    return pickTerms(tf, weight, vocab, opts);
  });
}

/** A paper's terms as (id, weight): titleWeight for a title term, plus 1 + ln(uses) for an abstract term. */
function paperTerms(vocab: Vocabulary, title: string, abstract: string, opts: LabelOptions): Map<number, number> {
  const weights = new Map<number, number>();
  if (abstract) {
    const uses = new Map<number, number>();
    for (const t of termsOf(abstract)) { const id = vocab.id(t); uses.set(id, (uses.get(id) ?? 0) + 1); }
    for (const [id, n] of uses) weights.set(id, 1 + Math.log(n));
  }
  for (const t of new Set(termsOf(title))) { const id = vocab.id(t); weights.set(id, (weights.get(id) ?? 0) + opts.titleWeight); }
  return weights;
}

/**
 * The best terms; a phrase that carries most uses of one of its words in the group says it better ("scaling law"
 * for "scaling") and takes that word's place and rank; no word is said twice. Only the strongest few candidates
 * are weighed against each other, so a group with a large vocabulary costs one pass and a short sort.
 */
function pickTerms(tf: Map<number, number>, weight: (t: number) => number, vocab: Vocabulary, opts: LabelOptions): string[] {
  const scored: [number, number][] = [];
  for (const [t, n] of tf) { const s = n * weight(t); if (s > 0) scored.push([t, s]); }
  scored.sort((x, y) => y[1] - x[1] || (vocab.text[x[0]]! < vocab.text[y[0]]! ? -1 : 1));
  const top = scored.slice(0, 60);
  const score = new Map(top);
  const best = new Map<number, number>();
  for (const [t] of top) {
    const a = vocab.parts[2 * t]!;
    if (a < 0) continue;
    for (const w of [a, vocab.parts[2 * t + 1]!]) {
      if (!score.has(w) || tf.get(t)! < opts.phraseShare * tf.get(w)!) continue;
      const held = best.get(w);
      const better = held === undefined || tf.get(t)! > tf.get(held)!
        || (tf.get(t) === tf.get(held) && vocab.text[t]! < vocab.text[held]!);
      if (better) best.set(w, t);
    }
  }
  for (const [w, t] of [...best].sort((x, y) => (vocab.text[x[0]]! < vocab.text[y[0]]! ? -1 : 1))) {
    score.set(t, Math.max(score.get(t)!, score.get(w)!));
    score.set(w, 0);
  }
  const ranked = [...score].filter(([, x]) => x > 0)
    .sort((x, y) => y[1] - x[1] || (vocab.text[x[0]]! < vocab.text[y[0]]! ? -1 : 1));
  const picked: string[] = [];
  const said = new Set<string>();
  for (const [t] of ranked) {
    if (picked.length >= opts.words) break;
    const words = vocab.text[t]!.split(' ');
    if (words.some((w) => said.has(w))) continue;
    picked.push(vocab.text[t]!);
    for (const w of words) said.add(w);
  }
  return picked;
}
