// Two ways to find the co-author pairs of papers' author lists, with one result: each pair's tie, numbered in order
// of first occurrence (papers in order, then pairs of list positions in order), its weights, and every occurrence as
// (tie, paper).

import type { Csr } from '../compact/columns';
import { PairIndex } from '../compact/pairIndex';
import { collectDead, float64s, int32s } from '../compact/uncounted';

export interface PairScan {
  count: number;
  /** Tie t joins source[t] < target[t] (views of `count` entries). */
  source: Int32Array;
  target: Int32Array;
  /** Shared papers of each tie, and Newman's weight: the sum of 1/(n−1) over them, added up in paper order. */
  papers: Int32Array;
  fractional: Float64Array;
  /** Occurrence i is tie occTie[i] on paper occPaper[i]; each tie's occurrences come in paper order. */
  occTie: Int32Array;
  occPaper: Int32Array;
  occ: number;
}

/** Pair occurrences of the papers that make ties (2 to maxAuthors authors), and the papers skipped for their size. */
export function countPairs(lists: Csr, maxAuthors: number): { pairs: number; skippedPapers: number[] } {
  let pairs = 0;
  const skippedPapers: number[] = [];
  for (let p = 0; p + 1 < lists.starts.length; p++) {
    const n = lists.starts[p + 1]! - lists.starts[p]!;
    if (n < 2) continue;
    if (n > maxAuthors) skippedPapers.push(p);
    else pairs += (n * (n - 1)) / 2;
  }
  return { pairs, skippedPapers };
}

/** By a hash table of pairs, paper after paper: the plain way, kept for lists that name an author twice. */
export function scanByPairs(lists: Csr, maxAuthors: number, pairs: number): PairScan {
  let index: PairIndex | null = new PairIndex(Math.min(pairs, 1 << 28));
  // Ties are at most the pair occurrences: sized once, never grown (untouched room costs no resident memory).
  const source = int32s(Math.max(16, pairs)); const target = int32s(source.length);
  const occTie = int32s(Math.max(16, pairs)); const occPaper = int32s(Math.max(16, pairs));
  const papers = int32s(source.length); const fractional = float64s(source.length);
  let count = 0; let occ = 0;
  for (let p = 0; p + 1 < lists.starts.length; p++) {
    const authors = lists.items.subarray(lists.starts[p]!, lists.starts[p + 1]!);
    const n = authors.length;
    if (n < 2 || n > maxAuthors) continue;
    const share = 1 / (n - 1);
    for (let x = 0; x < n; x++) for (let y = x + 1; y < n; y++) {
      let a = authors[x]!; let b = authors[y]!;
      if (a > b) { const t = a; a = b; b = t; }
      const t = index.getOrAdd(a, b, count);
      if (t === count) { source[t] = a; target[t] = b; count++; }
      papers[t]!++; fractional[t]! += share;
      occTie[occ] = t; occPaper[occ] = p; occ++;
    }
  }
  const indexBytes = index.bytes;
  index = null;
  collectDead(indexBytes);
  return scanOf(count, source, target, papers, fractional, occTie, occPaper, occ);
}

/** A scan's result, its per-tie arrays cut to the ties found (views, no copies). */
function scanOf(
  count: number, source: Int32Array, target: Int32Array, papers: Int32Array, fractional: Float64Array,
  occTie: Int32Array, occPaper: Int32Array, occ: number,
): PairScan {
  const cut = <T extends Int32Array | Float64Array>(a: T) => a.subarray(0, count) as T;
  return {
    count, source: cut(source), target: cut(target), papers: cut(papers), fractional: cut(fractional), occTie, occPaper,
    occ,
  };
}

/**
 * By a sweep over each author's papers that marks the co-authors met so far (a sparse accumulator): one read of a
 * small array per co-author instead of a probe into a table of every pair (805 MB on 33.6M ties, a cache miss a
 * probe). Ties come out author by author, so they are renumbered by first occurrence after. Undefined when some
 * list names an author twice (those pairs are the hash scan's to count) or the occurrences pass 2^31.
 */
export function scanBySweep(lists: Csr, maxAuthors: number, pairs: number): PairScan | undefined {
  if (pairs >= 2 ** 31) return undefined;
  let swept = sweep(lists, maxAuthors, pairs);
  if (!swept) return undefined;
  const scan = byFirstOccurrence(swept, pairs);
  const sweepBytes = swept.bytes;
  swept = undefined; // its author-ordered ties can go
  collectDead(sweepBytes);
  return scan;
}

interface Swept extends PairScan { first: Int32Array; bytes: number }

/** Ties author by author, with each one's first occurrence number (`source`, `target` and `occTie` by that order). */
function sweep(lists: Csr, maxAuthors: number, pairs: number): Swept | undefined {
  const { starts, items } = lists;
  const papers = starts.length - 1;
  let authors = 0;
  for (let k = 0; k < starts[papers]!; k++) if (items[k]! >= authors) authors = items[k]! + 1;
  // Each paper's first occurrence number, and each author's papers (those that make ties) in paper order.
  const base = int32s(Math.max(1, papers));
  const aStart = int32s(authors + 1);
  const lastPaper = int32s(authors).fill(-1);
  let running = 0;
  for (let p = 0; p < papers; p++) {
    const n = starts[p + 1]! - starts[p]!;
    if (n < 2 || n > maxAuthors) continue;
    base[p] = running; running += (n * (n - 1)) / 2;
    for (let k = starts[p]!; k < starts[p + 1]!; k++) {
      const a = items[k]!;
      if (lastPaper[a] === p) return undefined;
      lastPaper[a] = p; aStart[a + 1]!++;
    }
  }
  for (let a = 0; a < authors; a++) aStart[a + 1]! += aStart[a]!;
  const fill = lastPaper; fill.set(aStart.subarray(0, authors));
  const aPapers = int32s(aStart[authors]!);
  for (let p = 0; p < papers; p++) {
    const n = starts[p + 1]! - starts[p]!;
    if (n < 2 || n > maxAuthors) continue;
    for (let k = starts[p]!; k < starts[p + 1]!; k++) aPapers[fill[items[k]!]!++] = p;
  }

  const size = Math.max(16, pairs);
  const source = int32s(size); const target = int32s(size); const first = int32s(size);
  const papersOf = int32s(size); const fractional = float64s(size);
  const occTie = int32s(size); const occPaper = int32s(size);
  const mark = fill.fill(-1); const handleOf = int32s(authors);
  let count = 0; let occ = 0;
  for (let a = 0; a < authors; a++) {
    for (let k = aStart[a]!; k < aStart[a + 1]!; k++) {
      const p = aPapers[k]!; const s = starts[p]!; const n = starts[p + 1]! - s;
      // A tie's papers all come in this author's loop, in paper order: its weight adds up as the pair scan's does.
      const share = 1 / (n - 1);
      let xa = 0;
      while (items[s + xa] !== a) xa++;
      for (let y = 0; y < n; y++) {
        const b = items[s + y]!;
        if (b <= a) continue;
        let h = handleOf[b]!;
        if (mark[b] !== a) {
          mark[b] = a; h = count++; handleOf[b] = h; source[h] = a; target[h] = b;
          // Where the pair scan meets this pair first: positions lo < hi of this paper, pairs counted row by row.
          const lo = xa < y ? xa : y; const hi = xa < y ? y : xa;
          first[h] = base[p]! + lo * (n - 1) - (lo * (lo - 1)) / 2 + (hi - lo - 1);
        }
        papersOf[h]!++; fractional[h]! += share;
        occTie[occ] = h; occPaper[occ] = p; occ++;
      }
    }
  }
  const bytes = 4 * (6 * size + aPapers.length + 2 * authors + papers);
  return { count, source, target, papers: papersOf, fractional, first, occTie, occPaper, occ, bytes };
}

/** The swept ties renumbered by first occurrence: each occurrence number holds at most one tie, one pass sorts. */
function byFirstOccurrence(swept: Swept, pairs: number): PairScan {
  const { count, first, occTie, occ } = swept;
  const tieAt = int32s(Math.max(16, pairs));
  for (let h = 0; h < count; h++) tieAt[first[h]!] = h + 1;
  const size = Math.max(16, count);
  const renamed = int32s(size);
  const source = int32s(size); const target = int32s(size);
  const papers = int32s(size); const fractional = float64s(size);
  for (let i = 0, t = 0; i < pairs; i++) {
    const h = tieAt[i]! - 1;
    if (h < 0) continue;
    renamed[h] = t; source[t] = swept.source[h]!; target[t] = swept.target[h]!;
    papers[t] = swept.papers[h]!; fractional[t] = swept.fractional[h]!; t++;
  }
  for (let i = 0; i < occ; i++) occTie[i] = renamed[occTie[i]!]!;
  return scanOf(count, source, target, papers, fractional, occTie, swept.occPaper, occ);
}
