// Terms of paper titles and abstracts for group labels: words and two-word phrases, interned, read once per paper.

import { IntColumn } from '../compact/columns';
import { PairIndex } from '../compact/pairIndex';
import { foldWords } from '../corpus/fold';

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
const singular = (w: string) => (
  w.length > 3 && w.endsWith('s') && !/(ss|us|is|as|ics|ous)$/.test(w) ? w.slice(0, -1) : w
);

/** Terms of a text: kept words, and adjacent pairs of kept words (a stop word between breaks a pair). */
export function termsOf(text: string): string[] {
  const vocab = new Vocabulary();
  const out: string[] = [];
  visitTerms(text, vocab, (id) => out.push(vocab.textOf(id)));
  return out;
}

/** Calls `visit` with the id of each of a text's terms, each kept word, then the phrase it ends. */
export function visitTerms(text: string, vocab: Vocabulary, visit: (id: number) => void): void {
  let prev = -1;
  for (const word of foldWords(text)) {
    if (!keep(word)) { prev = -1; continue; }
    const w = vocab.word(singular(word));
    visit(w);
    if (prev >= 0) visit(vocab.phrase(prev, w));
    prev = w;
  }
}

/**
 * Terms interned once: ids, the text of each word, and the two word ids of each phrase. A phrase is found by its
 * word ids and its text made only when asked for: reading a corpus's titles makes no string per phrase (on 2.9M
 * papers those strings were half the time, in GC, and millions of them stayed alive).
 */
export class Vocabulary {
  private readonly words = new Map<string, number>();
  private readonly phrases = new PairIndex();
  /** A word's text by term id; '' for a phrase. */
  private readonly texts: string[] = [];
  /** First and second word ids of each term: -1 for a word. */
  private readonly parts = new IntColumn();

  /** How many terms there are (ids run from 0). */
  get size(): number { return this.texts.length; }

  word(w: string): number {
    let id = this.words.get(w);
    if (id === undefined) {
      id = this.texts.length;
      this.words.set(w, id); this.texts.push(w); this.parts.push(-1); this.parts.push(-1);
    }
    return id;
  }

  phrase(a: number, b: number): number {
    const id = this.phrases.getOrAdd(a, b, this.texts.length);
    if (id === this.texts.length) { this.texts.push(''); this.parts.push(a); this.parts.push(b); }
    return id;
  }

  /** The first word of phrase t, -1 when t is a word. */
  first(t: number): number { return this.parts.get(2 * t); }
  /** The second word of phrase t. */
  second(t: number): number { return this.parts.get(2 * t + 1); }

  textOf(t: number): string {
    const a = this.parts.get(2 * t);
    return a < 0 ? this.texts[t]! : `${this.texts[a]!} ${this.texts[this.parts.get(2 * t + 1)]!}`;
  }
}

/**
 * The terms of the papers `read` picks (all by default): paper p's are ids[start[p] .. start[p+1]), each with how
 * the paper uses it (`uses`: twice the abstract's count of it, plus 1 when the title has it); none for the others.
 */
export interface PaperTerms { vocab: Vocabulary; start: Int32Array; ids: Int32Array; uses: Int32Array }

export function paperTermTable(
  papers: Pick<TitledPapers, 'count' | 'title' | 'abstract'>, read: (p: number) => boolean = () => true,
): PaperTerms {
  const vocab = new Vocabulary();
  const start = new Int32Array(papers.count + 1);
  const ids = new IntColumn(papers.count); const uses = new IntColumn(papers.count);
  const paper = new TermCounts();
  const inAbstract = (id: number) => paper.add(id, 2);
  const inTitle = (id: number) => paper.add(id, 0, 1);
  for (let p = 0; p < papers.count; p++) {
    start[p + 1] = ids.length;
    if (!read(p)) continue;
    const abstract = papers.abstract?.(p) ?? '';
    if (abstract) visitTerms(abstract, vocab, inAbstract);
    visitTerms(papers.title(p), vocab, inTitle);
    paper.drain((id, n) => { ids.push(id); uses.push(n); });
    start[p + 1] = ids.length;
  }
  ids.trim(); uses.trim();
  return { vocab, start, ids: ids.data, uses: uses.data };
}

/**
 * Counts per term id for one text or paper, and the ids in first-use order; `drain` hands them over and clears them.
 * `add(id, n, bit)` adds n and sets `bit` (a title's mark, once however often the title uses the term).
 */
export class TermCounts {
  private counts = new Int32Array(1024);
  private readonly touched: number[] = [];

  add(id: number, n: number, bit = 0): void {
    if (id >= this.counts.length) {
      const more = new Int32Array(Math.max(id + 1, this.counts.length * 2)); more.set(this.counts); this.counts = more;
    }
    const c = this.counts[id]!;
    if (c === 0) this.touched.push(id);
    this.counts[id] = (c + n) | bit;
  }

  drain(take: (id: number, n: number) => void): void {
    for (const id of this.touched) { take(id, this.counts[id]!); this.counts[id] = 0; }
    this.touched.length = 0;
  }
}

/** A term's weight in a paper: titleWeight for a title term, plus 1 + ln(uses) for an abstract term. */
export function termWeight(uses: number, titleWeight: number): number {
  const inAbstract = uses >> 1;
  return (inAbstract ? 1 + Math.log(inAbstract) : 0) + (uses & 1 ? titleWeight : 0);
}
