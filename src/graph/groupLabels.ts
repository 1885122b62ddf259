// Topic words for research groups: words and two-word phrases from titles and abstracts, weighed by how much of each
// paper is the group's and by how rare they are in the corpus; generic research words and series names weigh little.

import { IntColumn } from '../compact/columns';
import { foldWords } from '../corpus/fold';
import { fnv1a } from '../corpus/hash';

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

/** Approximate counts in fixed memory (count-min sketch): document frequencies of millions of terms. */
class CountSketch {
  private readonly rows: Int32Array[];
  private static readonly SEEDS = [0x811c9dc5, 0x9747b28c, 0x1b873593];
  constructor(private readonly width = 1 << 21) { this.rows = CountSketch.SEEDS.map(() => new Int32Array(width)); }
  add(term: string): void {
    CountSketch.SEEDS.forEach((s, i) => { this.rows[i]![fnv1a(term, s) % this.width]!++; });
  }
  count(term: string): number {
    let c = Infinity;
    CountSketch.SEEDS.forEach((s, i) => { c = Math.min(c, this.rows[i]![fnv1a(term, s) % this.width]!); });
    return c;
  }
}

/** Words or phrases that tell the largest groups apart, for groups of minSize or more. */
export function groupWords(
  papers: TitledPapers, group: Int32Array, sizes: number[], options: Partial<LabelOptions> = {},
): string[][] {
  const opts = { ...labelDefaults, ...options };
  const worded = (g: number) => g < opts.groups && sizes[g]! >= opts.minSize;
  const text = (p: number) => ({ title: papers.title(p), abstract: papers.abstract?.(p) ?? '' });
  // Document frequency over the papers that have authors (the ones the graph is made of).
  const df = new CountSketch();
  let documents = 0;
  const papersOf = new Map<number, IntColumn>();
  for (let p = 0; p < papers.count; p++) {
    const authors = papers.authors(p);
    if (!authors.length) continue;
    documents++;
    const { title, abstract } = text(p);
    for (const t of new Set([...termsOf(title), ...termsOf(abstract)])) df.add(t);
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
  const common = (w: string) => documents >= 10 && df.count(w) >= opts.commonShare * documents;
  const weight = (t: string) => {
    const idf = Math.log(documents / Math.max(1, df.count(t)));
    const words = t.split(' ');
    if (words.length === 1) return common(t) ? idf * opts.commonWeight : idf;
    return words.some(common) ? 0 : idf;
  };
  return sizes.map((_, g) => (worded(g) ? pickTerms(termScores(papers, group, g, papersOf.get(g), text, opts), weight, opts) : []));
}

/**
 * Each term's weight in group g. A paper counts by its members of g times the share of its authors they are: the
 * group's own papers lead, a 200-author paper with three of its members barely counts. Title terms count more.
 */
function termScores(
  papers: TitledPapers, group: Int32Array, g: number, list: IntColumn | undefined,
  text: (p: number) => { title: string; abstract: string }, opts: LabelOptions,
): Map<string, number> {
  const tf = new Map<string, number>();
  for (let i = 0; i < (list?.length ?? 0); i++) {
    const p = list!.get(i);
    const authors = papers.authors(p);
    let members = 0;
    for (let k = 0; k < authors.length; k++) if (group[authors[k]!] === g) members++;
    const share = (members * members) / authors.length;
    const { title, abstract } = text(p);
    // In a paper: titleWeight for a title term, plus 1 + ln(uses) for an abstract term.
    const uses = new Map<string, number>();
    for (const t of termsOf(abstract)) uses.set(t, (uses.get(t) ?? 0) + 1);
    const weights = new Map<string, number>();
    for (const [t, n] of uses) weights.set(t, 1 + Math.log(n));
    for (const t of new Set(termsOf(title))) weights.set(t, (weights.get(t) ?? 0) + opts.titleWeight);
    for (const [t, w] of weights) tf.set(t, (tf.get(t) ?? 0) + share * w);
  }
  return tf;
}

/** The best terms; a phrase stands for its words when it scores nearly as well, and no word is said twice. */
function pickTerms(tf: Map<string, number>, weight: (t: string) => number, opts: LabelOptions): string[] {
  const score = new Map<string, number>();
  for (const [t, n] of tf) { const s = n * weight(t); if (s > 0) score.set(t, s); }
  // A phrase that carries most uses of one of its words in the group says it better ("scaling law" for "scaling"):
  // it takes that word's place and rank.
  const best = new Map<string, string>();
  for (const t of score.keys()) {
    if (!t.includes(' ')) continue;
    for (const w of t.split(' ')) {
      if (!score.has(w) || tf.get(t)! < opts.phraseShare * tf.get(w)!) continue;
      const held = best.get(w);
      if (!held || tf.get(t)! > tf.get(held)! || (tf.get(t) === tf.get(held) && t < held)) best.set(w, t);
    }
  }
  for (const [w, t] of [...best].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    score.set(t, Math.max(score.get(t)!, score.get(w)!));
    score.set(w, 0);
  }
  const ranked = [...score].filter(([, x]) => x > 0).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const picked: string[] = [];
  const said = new Set<string>();
  for (const [t] of ranked) {
    if (picked.length >= opts.words) break;
    const words = t.split(' ');
    if (words.some((w) => said.has(w))) continue;
    picked.push(t);
    for (const w of words) said.add(w);
  }
  return picked;
}
