// A year range: the corpus cut to the papers published in it, so ties and groups are rebuilt from those alone.
// Papers without a year are counted apart (they cannot be placed in any range) and left out.

import type { Corpus } from '../types';
import { int32s } from '../compact/uncounted';

export interface YearRange { from: number; to: number }

export interface YearCounts {
  from: number;
  to: number;
  /** Papers with a year in the range (kept). */
  inRange: number;
  /** Papers with a year outside it. */
  outside: number;
  /** Papers without a year. */
  withoutYear: number;
}

const EARLIEST = 1000;
const LATEST = 9999;

/** "2015-2020", "2015-" (from 2015), "-2020" (up to 2020) or "2018"; undefined when it is none of these. */
export function parseYears(text: string): YearRange | undefined {
  const m = /^\s*(\d{4})?\s*(-)?\s*(\d{4})?\s*$/.exec(text);
  if (!m || (!m[1] && !m[3])) return undefined;
  const from = m[1] ? Number(m[1]) : EARLIEST;
  const to = m[3] ? Number(m[3]) : m[2] ? LATEST : from;
  if (!m[2] && m[1] && m[3]) return undefined;
  return from <= to ? { from, to } : undefined;
}

export function formatYears(r: YearRange): string {
  if (r.from === r.to) return String(r.from);
  return `${r.from === EARLIEST ? '' : r.from}-${r.to === LATEST ? '' : r.to}`;
}

/** The corpus with only the papers in the range, and the authors who have one; indices renumbered, order kept. */
export function restrictToYears(corpus: Corpus, range: YearRange): { corpus: Corpus; counts: YearCounts } {
  const counts: YearCounts = { from: range.from, to: range.to, inRange: 0, outside: 0, withoutYear: 0 };
  const newPaper = int32s(corpus.papers.length).fill(-1);
  const papers = corpus.papers.filter((p, i) => {
    if (p.year === undefined) { counts.withoutYear++; return false; }
    if (p.year < range.from || p.year > range.to) { counts.outside++; return false; }
    newPaper[i] = counts.inRange++;
    return true;
  });
  const newAuthor = int32s(corpus.authors.length).fill(-1);
  const authors: Corpus['authors'] = [];
  corpus.authors.forEach((a, i) => {
    const kept = a.papers.map((p) => newPaper[p]!).filter((p) => p >= 0);
    if (!kept.length) return;
    newAuthor[i] = authors.length;
    authors.push({ ...a, papers: kept });
  });
  return {
    corpus: { ...corpus, authors, papers: papers.map((p) => ({ ...p, authors: p.authors.map((a) => newAuthor[a]!) })) },
    counts,
  };
}
