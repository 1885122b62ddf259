// The sweep over authors' papers finds exactly the ties of the plain pair scan: same numbering, same occurrences.
import { describe, expect, it } from 'vitest';
import type { Csr } from '../../src/compact/columns';
import { countPairs, scanByPairs, scanBySweep } from '../../src/graph/tieScan';
import type { PairScan } from '../../src/graph/tieScan';
import { collectTiesOf, scanTies, withPaperLists } from '../../src/graph/ties';
import { seededRng } from '../../src/graph/rng';

function csr(lists: number[][]): Csr {
  const starts = new Int32Array(lists.length + 1);
  lists.forEach((l, i) => { starts[i + 1] = starts[i]! + l.length; });
  return { starts, items: Int32Array.from(lists.flat()) };
}

/** Random author lists without repeats: sizes 0 to 12, a few large ones, authors drawn with a popular head. */
function randomLists(seed: number, papers: number, authors: number): number[][] {
  const rng = seededRng(seed);
  const out: number[][] = [];
  for (let p = 0; p < papers; p++) {
    const n = rng() < 0.02 ? 30 + Math.floor(rng() * 20) : Math.floor(rng() * 13);
    const list = new Set<number>();
    while (list.size < Math.min(n, authors)) list.add(Math.floor(authors * rng() ** 2));
    out.push([...list]);
  }
  return out;
}

/** What a scan means: the ties in order, their weights, and each tie's papers in the order its occurrences came. */
const plain = (s: PairScan) => {
  const papers: number[][] = Array.from({ length: s.count }, () => []);
  for (let i = 0; i < s.occ; i++) papers[s.occTie[i]!]!.push(s.occPaper[i]!);
  return {
    count: s.count, source: [...s.source], target: [...s.target], papers, counts: [...s.papers],
    fractional: [...s.fractional],
  };
};

/** Newman's weight of each tie from its papers, added up in paper order (the sum a scan must equal bit for bit). */
function weightsFromPapers(lists: Csr, papers: number[][]): number[] {
  return papers.map((ps) => ps.reduce((w, p) => w + 1 / (lists.starts[p + 1]! - lists.starts[p]! - 1), 0));
}

describe('tie scans', () => {
  it('number ties and list occurrences alike on random corpora', () => {
    for (const [seed, maxAuthors] of [[1, 500], [2, 10], [3, 40], [4, 2]] as const) {
      const lists = csr(randomLists(seed, 3000, 800));
      const { pairs } = countPairs(lists, maxAuthors);
      const sweep = scanBySweep(lists, maxAuthors, pairs);
      expect(sweep).toBeDefined();
      const swept = plain(sweep!);
      expect(swept).toEqual(plain(scanByPairs(lists, maxAuthors, pairs)));
      expect(swept.counts).toEqual(swept.papers.map((ps) => ps.length));
      expect(swept.fractional).toEqual(weightsFromPapers(lists, swept.papers));
    }
  });

  it('number ties by first occurrence, by hand', () => {
    // Paper 0: 5 7 2 → pairs (5,7) (2,5) (2,7); paper 1: 7 1 5 → (1,7) again (5,7), (1,5); paper 2 alone.
    const lists = csr([[5, 7, 2], [7, 1, 5], [3]]);
    const scan = scanBySweep(lists, 500, countPairs(lists, 500).pairs)!;
    expect([...scan.source].map((a, t) => `${a}-${scan.target[t]}`)).toEqual(['5-7', '2-5', '2-7', '1-7', '1-5']);
    expect(plain(scan).papers).toEqual([[0, 1], [0], [0], [1], [1]]);
    // Three authors a paper: each shared paper adds 1/2.
    expect([...scan.papers]).toEqual([2, 1, 1, 1, 1]);
    expect([...scan.fractional]).toEqual([1, 0.5, 0.5, 0.5, 0.5]);
  });

  it("list each tie's papers from its occurrences, a step after the weights", () => {
    const lists = csr([[5, 7, 2], [7, 1, 5], [3], [7, 5]]);
    const ties = withPaperLists(scanTies(lists));
    const papersOf = (t: number) => [...ties.paperList.subarray(ties.paperStart[t]!, ties.paperStart[t + 1]!)];
    expect(papersOf(0)).toEqual([0, 1, 3]);
    expect(ties.fractional[0]).toBe(0.5 + 0.5 + 1);
    expect(papersOf(4)).toEqual([1]);
  });

  it('leave lists that name an author twice to the pair scan, with the same ties as before', () => {
    const lists = csr([[1, 2, 1], [2, 3]]);
    expect(scanBySweep(lists, 500, countPairs(lists, 500).pairs)).toBeUndefined();
    const ties = collectTiesOf(lists);
    expect([...ties.source].map((a, t) => `${a}-${ties.target[t]}`)).toEqual(['1-2', '1-1', '2-3']);
    expect([...ties.papers]).toEqual([2, 1, 1]);
  });

  it('count the papers skipped for size, not the papers of one author or none', () => {
    expect(countPairs(csr([[1, 2, 3], [4], [], [5, 6]]), 2)).toEqual({ pairs: 1, skippedPapers: [0] });
  });
});
