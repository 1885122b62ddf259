// Aggregates co-author pairs into ties in typed arrays before anything reaches graphology (the hot path of building).

import type { Csr } from '../compact/columns';
import { csrFromPairs } from '../compact/columns';
import type { Corpus, Weighting } from '../types';
import { float64s, int32s } from '../compact/uncounted';
import { countPairs, scanByPairs, scanBySweep } from './tieScan';

export interface TieOptions {
  weighting: Weighting;
  /** Papers with more authors than this add no ties (they stay in the corpus and the report). */
  maxAuthors: number;
  /**
   * Ceiling on ties, the strongest kept: graphology keeps edges in one Map (V8 caps it at 2^24 entries) and spends
   * about 350 bytes per edge, so 4 million ties is what fits a 4 GB budget with louvain's index beside it.
   */
  maxTies: number;
}

export const tieDefaults: TieOptions = { weighting: 'fractional', maxAuthors: 500, maxTies: 4_000_000 };

export interface TieTable {
  count: number;
  source: Int32Array;
  target: Int32Array;
  /** Shared papers per tie. */
  papers: Int32Array;
  /** Newman's collaboration weight: sum over shared papers of 1/(n−1). */
  fractional: Float64Array;
  /** Paper indices of tie t are paperList[paperStart[t] .. paperStart[t+1]). */
  paperStart: Int32Array;
  paperList: Int32Array;
  /** Papers that added no ties because of maxAuthors, by index. */
  skippedPapers: number[];
  /** Ties dropped to stay under maxTies (weakest first), 0 when none. */
  droppedTies: number;
}

/** Author lists of a corpus's papers as one flat list. */
export function paperAuthorLists(corpus: Pick<Corpus, 'papers'>): Csr {
  const starts = int32s(corpus.papers.length + 1);
  corpus.papers.forEach((p, i) => { starts[i + 1] = starts[i]! + p.authors.length; });
  const items = int32s(starts[corpus.papers.length]!);
  corpus.papers.forEach((p, i) => items.set(p.authors, starts[i]!));
  return { starts, items };
}

export function collectTies(corpus: Pick<Corpus, 'papers'>, options: Partial<TieOptions> = {}): TieTable {
  return collectTiesOf(paperAuthorLists(corpus), options);
}

/** Ties found, with their paper counts and weights, before each tie's papers are listed (withPaperLists). */
export interface TieScan extends Omit<TieTable, 'paperStart' | 'paperList'> {
  /** Occurrence i is tie occTie[i] on paper occPaper[i], for `withPaperLists`. */
  occTie: Int32Array;
  occPaper: Int32Array;
  occ: number;
}

/** The ties of papers given as author lists (paper p: items[starts[p] .. starts[p+1])), every one of them. */
export function scanTies(lists: Csr, maxAuthors = tieDefaults.maxAuthors): TieScan {
  const { pairs, skippedPapers } = countPairs(lists, maxAuthors);
  const scan = scanBySweep(lists, maxAuthors, pairs) ?? scanByPairs(lists, maxAuthors, pairs);
  return { ...scan, skippedPapers, droppedTies: 0 };
}

/** The scan's ties with the papers behind each, in paper order (grouping its occurrences by tie). */
export function withPaperLists(scan: TieScan): TieTable {
  const { occTie, occPaper, occ, ...ties } = scan;
  const { starts: paperStart, items: paperList } = csrFromPairs(scan.count, occTie, occPaper, occ);
  return { ...ties, paperStart, paperList };
}

/** Ties of papers given as author lists (paper p: items[starts[p] .. starts[p+1])). */
export function collectTiesOf(lists: Csr, options: Partial<TieOptions> = {}): TieTable {
  const opts = { ...tieDefaults, ...options };
  const table = withPaperLists(scanTies(lists, opts.maxAuthors));
  return table.count > opts.maxTies ? keepStrongest(table, opts) : table;
}

/** Keeps the maxTies strongest ties (by the chosen weighting, then by index for stability). */
function keepStrongest(t: TieTable, opts: TieOptions): TieTable {
  const w = opts.weighting === 'count' ? t.papers : t.fractional;
  // The cut weight from one native numeric sort (a comparator sort of 30M+ indices took about a minute):
  // every tie above it stays, and as many at it as fit, lowest index first.
  const sorted = Float64Array.from(w).sort();
  const cut = sorted[t.count - opts.maxTies]!;
  let above = 0;
  for (let i = 0; i < t.count; i++) if (w[i]! > cut) above++;
  let atCut = opts.maxTies - above;
  const keep = int32s(opts.maxTies);
  let k = 0;
  for (let i = 0; i < t.count; i++) if (w[i]! > cut || (w[i] === cut && atCut-- > 0)) keep[k++] = i;
  const paperStart = int32s(keep.length + 1);
  keep.forEach((k, i) => { paperStart[i + 1] = paperStart[i]! + (t.paperStart[k + 1]! - t.paperStart[k]!); });
  const paperList = int32s(paperStart[keep.length]!);
  keep.forEach((k, i) => paperList.set(t.paperList.subarray(t.paperStart[k]!, t.paperStart[k + 1]!), paperStart[i]!));
  const pick = <T extends Int32Array | Float64Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(keep.length);
    keep.forEach((k, i) => { out[i] = a[k]!; });
    return out;
  };
  return {
    count: keep.length, source: pick(t.source), target: pick(t.target), papers: pick(t.papers),
    fractional: pick(t.fractional),

    paperStart, paperList, skippedPapers: t.skippedPapers, droppedTies: t.count - keep.length,
  };
}

/** Each tie's weight under a weighting, rounded as graph exports write it (fractional to 9 decimals). */
export function tieWeights(ties: Pick<TieTable, 'count' | 'papers' | 'fractional'>, weighting: Weighting) {
  const w = float64s(ties.count);
  const { papers, fractional } = ties;
  if (weighting === 'count') for (let t = 0; t < ties.count; t++) w[t] = papers[t]!;
  else for (let t = 0; t < ties.count; t++) w[t] = Math.round(fractional[t]! * 1e9) / 1e9;
  return w;
}
