// Scores folded names against a folded query as `author` ranks suggestions: names holding the query (or all its
// words) first, then by edit distance; one pass over many names kept as a single newline-separated text.

import { PatternDistance } from './editDistance';

/** A name's score: 0 when it holds the query, else its edit distance (the nearer of the two readings). */
export type Scores = Int32Array;

/**
 * A folded query read as written family name first ("zhang wie" → "wie zhang"): its first word moved to the end,
 * undefined for one word. Suggestions take the nearer of the two readings, as a match takes either order.
 */
export function familyFirst(folded: string): string | undefined {
  const at = folded.indexOf(' ');
  return at < 0 ? undefined : `${folded.slice(at + 1)} ${folded.slice(0, at)}`;
}

/**
 * The family-first reading is tried only on names with a later word starting as the query does (the family name
 * the query put first): the rest would rarely come nearer, and a whole corpus is spared a second distance a name.
 */
const turnedCue = (folded: string): string => ` ${folded[0] ?? ''}`;

/** The line of text offset `at`: the last start at or before it. */
function lineOf(starts: Int32Array, at: number): number {
  let lo = 0; let hi = starts.length - 2;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid]! <= at) lo = mid; else hi = mid - 1; }
  return lo;
}

/** Calls `hit(name)` for each name holding `part` (as a whole word if `whole`): once or more a name, in order. */
function eachNameWith(names: string, starts: Int32Array, part: string, whole: boolean, hit: (i: number) => void) {
  for (let at = names.indexOf(part); at >= 0; at = names.indexOf(part, at + 1)) {
    if (whole) {
      const before = at === 0 ? 10 : names.charCodeAt(at - 1);
      const after = at + part.length === names.length ? 10 : names.charCodeAt(at + part.length);
      if ((before !== 32 && before !== 10) || (after !== 32 && after !== 10)) continue;
    }
    hit(lineOf(starts, at));
  }
}

/**
 * The score of every name of `names` (folded, joined by "\n", as foldText makes them: no newline inside) against
 * the folded query `fq`: 0 where the name holds the query or every word of it, else the edit distance, or the
 * nearer of the query's two readings where the name has a word starting as the query does.
 */
export function scoreNames(names: string, fq: string): Scores {
  // Every name's distance as written, in one pass that also finds where the names start.
  const { distances: scores, starts } = new PatternDistance(fq).toEachLine(names);
  const count = scores.length;
  eachNameWith(names, starts, fq, false, (i) => { scores[i] = 0; });
  if (fq.includes(' ')) {
    // Names with every word of the query (each distinct word counted once a name).
    const words = [...new Set(fq.split(' '))];
    const found = new Int32Array(count);
    const last = new Int32Array(count).fill(-1);
    words.forEach((w, k) => eachNameWith(names, starts, w, true, (i) => {
      if (last[i] !== k) { last[i] = k; found[i]!++; }
    }));
    for (let i = 0; i < count; i++) if (found[i] === words.length) scores[i] = 0;
  }
  const turned = familyFirst(fq);
  if (turned) {
    const other = new PatternDistance(turned);
    let previous = -1;
    eachNameWith(names, starts, turnedCue(fq), false, (i) => {
      if (i === previous || scores[i] === 0) return;
      previous = i;
      scores[i] = Math.min(scores[i]!, other.to(names, starts[i], starts[i + 1]! - 1));
    });
  }
  return scores;
}

/** A name that may be among the nearest: its index, score and paper count. */
export interface Candidate { index: number; score: number; papers: number }

/**
 * Slots of the score histogram. A typed array, not a growing list: in a process that scores once (`author` from a
 * store), the list's look-ups ran unoptimized, 0.1 s on 0.8M names.
 */
const HISTOGRAM_SLOTS = 256;

const byScoreThenPapers = (x: Candidate, y: Candidate) => x.score - y.score || y.papers - x.papers;

/**
 * The names that can be among the `top` nearest (lower score, then more papers), with every name tied with the
 * `top`-th on both: the caller orders those by label. `offset` numbers the names of this part of a longer list;
 * `kept` (candidates of earlier parts) joins the choice.
 */
export function nearestCandidates(
  scores: Scores, papers: (i: number) => number, top: number, offset = 0, kept: Candidate[] = [],
): Candidate[] {
  // The score reached by `top` names (counting the kept ones): nothing scored higher can be among them. Scores past
  // the histogram's end share its last slot: a bound there only lets more names through to the sort.
  const counts = new Int32Array(HISTOGRAM_SLOTS);
  const lastSlot = HISTOGRAM_SLOTS - 1;
  for (const c of kept) counts[Math.min(c.score, lastSlot)]!++;
  for (let i = 0; i < scores.length; i++) counts[Math.min(scores[i]!, lastSlot)]!++;
  let bound = 0;
  for (let seen = 0; bound < lastSlot; bound++) { seen += counts[bound]!; if (seen >= top) break; }
  if (bound === lastSlot) bound = Infinity;
  const all = kept.filter((c) => c.score <= bound);
  for (let i = 0; i < scores.length; i++) {
    if (scores[i]! <= bound) all.push({ index: offset + i, score: scores[i]!, papers: papers(i) });
  }
  all.sort(byScoreThenPapers);
  if (all.length <= top) return all;
  const last = all[top - 1]!;
  let end = top;
  while (end < all.length && byScoreThenPapers(all[end]!, last) === 0) end++;
  return all.slice(0, end);
}
