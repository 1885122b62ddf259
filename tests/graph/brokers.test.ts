// Brokers: betweenness matches graphology-metrics' exact Brandes on small graphs, the sampled estimate ranks the top
// brokers of a larger graph as the exact one does; outside shares and bridges checked by hand.
import Graph from 'graphology';
import betweennessExact from 'graphology-metrics/centrality/betweenness';
import { describe, expect, it } from 'vitest';
import { betweenness, betweennessSums, groupBridges, outsideShare } from '../../src/graph/brokers';
import { tieIndex } from '../../src/graph/paths';
import { seededRng } from '../../src/graph/rng';

function randomGraph(n: number, ties: number, seed: number) {
  const rng = seededRng(seed);
  const seen = new Set<string>(); const a: number[] = []; const b: number[] = [];
  // Two dense halves joined by a few ties: a few real brokers.
  while (a.length < ties) {
    const half = rng() < 0.5 ? 0 : 1;
    const cross = rng() < 0.02;
    const x = Math.floor(rng() * (n / 2)) + half * (n / 2);
    const y = Math.floor(rng() * (n / 2)) + (cross ? 1 - half : half) * (n / 2);
    const key = `${Math.min(x, y)}-${Math.max(x, y)}`;
    if (x !== y && !seen.has(key)) { seen.add(key); a.push(x); b.push(y); }
  }
  const index = tieIndex(n, Int32Array.from(a), Int32Array.from(b), new Int32Array(a.length).fill(1));
  const graph = new Graph({ type: 'undirected' });
  for (let i = 0; i < n; i++) graph.addNode(String(i));
  a.forEach((x, i) => graph.addEdge(String(x), String(b[i])));
  return { index, graph };
}

describe('betweenness', () => {
  it('equals graphology-metrics (exact, normalised) on small graphs', () => {
    for (const seed of [1, 2, 3]) {
      const { index, graph } = randomGraph(60, 150, seed);
      const ours = betweenness(index);
      const theirs = betweennessExact(graph, { normalized: true });
      for (let v = 0; v < 60; v++) expect(ours[v]).toBeCloseTo(theirs[String(v)]!, 8);
    }
  });
  it('a star centre is on every chain between its leaves; a path end on none', () => {
    const star = tieIndex(
      5,
      Int32Array.from([0, 0, 0, 0]),
      Int32Array.from([1, 2, 3, 4]),
      Int32Array.from([1, 1, 1, 1]),
    );
    expect(Array.from(betweenness(star))).toEqual([1, 0, 0, 0, 0]);
  });
  it('sampled on a large graph: finds the same top brokers as the exact count', () => {
    const { index } = randomGraph(3000, 9000, 9);
    const exact = betweenness(index, { exactUpTo: 1e9 });
    const sampled = betweenness(index, { exactUpTo: 100, samples: 300 });
    const top = (x: Float64Array, k: number) => Array.from(x.keys()).sort((p, q) => x[q]! - x[p]! || p - q).slice(0, k);
    // The strongest brokers (the ends of the few ties between the halves) stand out in the estimate too…
    for (const v of top(exact, 3)) expect(top(sampled, 10)).toContain(v);
    // …and the estimate follows the exact scores over all authors (Pearson correlation).
    const mean = (x: Float64Array) => x.reduce((p, q) => p + q, 0) / x.length;
    const me = mean(exact); const ms = mean(sampled);
    let cov = 0; let ve = 0; let vs = 0;
    for (let v = 0; v < exact.length; v++) {
      cov += (exact[v]! - me) * (sampled[v]! - ms); ve += (exact[v]! - me) ** 2; vs += (sampled[v]! - ms) ** 2;
    }
    expect(cov / Math.sqrt(ve * vs)).toBeGreaterThan(0.9);
  });
  it('counts the second half of the sources wherever it is given, to the same scores', () => {
    const { index } = randomGraph(500, 1500, 4);
    const here = betweenness(index, { exactUpTo: 100, samples: 64 });
    const given: Int32Array[] = [];
    const elsewhere = (i: typeof index, from: Int32Array) => {
      given.push(from.slice());
      return () => betweennessSums(i, from);
    };
    expect(betweenness(index, { exactUpTo: 100, samples: 64 }, elsewhere)).toEqual(here);
    expect(betweenness(index, { exactUpTo: 100, samples: 64 }, () => undefined)).toEqual(here);
    // The second half of the 64 sources, counted there (and so not counted here too: the scores above agree).
    expect(given).toHaveLength(1);
    expect(given[0]).toHaveLength(32);
    expect(here.some((x) => x > 0)).toBe(true);
  });
});

describe('outside ties and bridges', () => {
  // Groups {0,1,2} and {3,4}: 2 works with 3 and 4, 1 with 3.
  const index = tieIndex(
    5,
    Int32Array.from([0, 0, 1, 2, 2, 3, 1]),
    Int32Array.from([1, 2, 2, 3, 4, 4, 3]),
    new Int32Array(7).fill(1),
  );
  const group = [0, 0, 0, 1, 1];
  it('gives each author the share of co-authors in other groups', () => {
    const share = outsideShare(index, group);
    [0, 1 / 3, 0.5, 2 / 3, 0.5].forEach((x, v) => expect(share[v]).toBeCloseTo(x, 6));
  });
  it("lists a group's bridges, most ties first", () => {
    expect(groupBridges(index, group, 0)).toEqual([
      { author: 2, toGroup: 1, ties: 2 },
      { author: 1, toGroup: 1, ties: 1 },
    ]);
  });
});
