// Collaboration distance: shortest chains counted and listed, the strongest chain, unreachable pairs; checked by hand
// on a small fixture and against a plain breadth-first count on random graphs.
import { describe, expect, it } from 'vitest';
import type { TieIndex } from '../../src/graph/paths';
import { shortestChains, strongestChain, tieIndex } from '../../src/graph/paths';
import { seededRng } from '../../src/graph/rng';

/** Authors 0…n-1 and ties [a, b, shared papers]. */
const index = (n: number, ties: [number, number, number][]) => tieIndex(n, Int32Array.from(ties, (t) => t[0]),
  Int32Array.from(ties, (t) => t[1]), Int32Array.from(ties, (t) => t[2]));

// tests/fixtures/paths.tsv as ties: Ann 0, Bob 1, Cat 2, Dan 3, Eve 4, Fay 5, Gus 6, Hal 7.
const fixture = index(8, [[0, 1, 2], [1, 2, 2], [2, 3, 2], [0, 4, 1], [4, 3, 1], [0, 5, 1], [5, 3, 1], [6, 7, 1]]);

/** Distances and shortest-path counts from one root, the textbook way. */
function bfsCounts(ix: TieIndex, root: number): { dist: Int32Array; sigma: Float64Array } {
  const dist = new Int32Array(ix.count).fill(-1); const sigma = new Float64Array(ix.count);
  dist[root] = 0; sigma[root] = 1;
  const queue = [root];
  for (let q = 0; q < queue.length; q++) {
    const u = queue[q]!;
    for (let k = ix.start[u]!; k < ix.start[u + 1]!; k++) {
      const v = ix.other[k]!;
      if (dist[v] === -1) { dist[v] = dist[u]! + 1; queue.push(v); }
      if (dist[v] === dist[u]! + 1) sigma[v]! += sigma[u]!;
    }
  }
  return { dist, sigma };
}

describe('shortest chains', () => {
  it('finds Ann → Dan in two hops by two chains (through Eve and through Fay), strongest ties first', () => {
    const r = shortestChains(fixture, 0, 3);
    expect(r).toEqual({ found: { distance: 2, count: 2, chains: [[0, 4, 3], [0, 5, 3]] } });
  });
  it('says when two people are not connected, and answers a person to themself', () => {
    expect(shortestChains(fixture, 0, 6)).toEqual({ unreachable: true, visited: expect.any(Number) });
    expect(shortestChains(fixture, 2, 2)).toEqual({ found: { distance: 0, count: 1, chains: [[2]] } });
  });
  it('lists at most maxChains chains but counts them all', () => {
    const r = shortestChains(fixture, 0, 3, { maxChains: 1, maxVisited: 100 });
    expect(r).toEqual({ found: { distance: 2, count: 2, chains: [[0, 4, 3]] } });
  });
  it('agrees with a plain breadth-first count on random graphs; every chain listed is a real shortest chain', () => {
    const rng = seededRng(11);
    for (let g = 0; g < 20; g++) {
      const n = 30 + Math.floor(rng() * 60);
      const seen = new Set<string>();
      const ties: [number, number, number][] = [];
      for (let e = 0; e < n * 1.6; e++) {
        const a = Math.floor(rng() * n);
        const b = Math.floor(rng() * n);
        const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
        if (a !== b && !seen.has(key)) {
          seen.add(key);
          ties.push([Math.min(a, b), Math.max(a, b), 1 + Math.floor(rng() * 3)]);
        }
      }
      const ix = index(n, ties);
      const adjacent = (a: number, b: number) => seen.has(`${Math.min(a, b)}-${Math.max(a, b)}`);
      for (let q = 0; q < 15; q++) {
        const s = Math.floor(rng() * n);
        const t = Math.floor(rng() * n);
        const { dist, sigma } = bfsCounts(ix, s);
        const r = shortestChains(ix, s, t, { maxChains: 4, maxVisited: 1e6 });
        if (dist[t] === -1) {
          expect('unreachable' in r).toBe(true);
          continue;
        }
        expect('found' in r).toBe(true);
        if (!('found' in r)) continue;
        expect(r.found.distance).toBe(dist[t]);
        expect(r.found.count).toBe(sigma[t]);
        expect(r.found.chains.length).toBe(Math.min(4, sigma[t]!));
        expect(new Set(r.found.chains.map((c) => c.join(','))).size).toBe(r.found.chains.length);
        for (const c of r.found.chains) {
          expect(c[0]).toBe(s);
          expect(c[c.length - 1]).toBe(t);
          expect(c.length - 1).toBe(dist[t]);
          for (let i = 0; i + 1 < c.length; i++) expect(adjacent(c[i]!, c[i + 1]!)).toBe(true);
        }
      }
    }
  });
});

describe('strongest chain', () => {
  it('prefers three hops of two shared papers each (cost 1.5) to two hops of one (cost 2)', () => {
    expect(strongestChain(fixture, 0, 3)).toEqual({ found: { chain: [0, 1, 2, 3], cost: 1.5 } });
  });
  it('says when there is none', () => {
    expect('unreachable' in strongestChain(fixture, 7, 0)).toBe(true);
  });
});

describe('tie index', () => {
  it('is the same whether the ties come in (a, b) order (a store) or any other, either way round', () => {
    const rng = seededRng(11);
    const n = 60;
    const pairs = new Map<string, [number, number, number]>();
    while (pairs.size < 400) {
      const x = Math.floor(rng() * n); const y = Math.floor(rng() * n);
      const [a, b] = [Math.min(x, y), Math.max(x, y)];
      if (a !== b) pairs.set(`${a},${b}`, [a, b, 1 + (pairs.size % 5)]);
    }
    const sorted = [...pairs.values()].sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    const shuffled = [...sorted].sort(() => rng() - 0.5).map(([a, b, w], i): [number, number, number] =>
      (i % 2 ? [b, a, w] : [a, b, w]));
    const fromSorted = index(n, sorted);
    expect(index(n, shuffled)).toEqual(fromSorted);
    for (let x = 0; x < n; x++) {
      const list = [...fromSorted.other.subarray(fromSorted.start[x]!, fromSorted.start[x + 1]!)];
      expect(list).toEqual([...list].sort((p, q) => p - q));
      for (let k = fromSorted.start[x]!; k < fromSorted.start[x + 1]!; k++) {
        const y = fromSorted.other[k]!;
        expect(fromSorted.papers[k]).toBe(pairs.get(`${Math.min(x, y)},${Math.max(x, y)}`)![2]);
      }
    }
    // Sorted but for one pair out of place: the counting sorts put it right.
    const swapped = [...sorted]; [swapped[10], swapped[11]] = [swapped[11]!, swapped[10]!];
    expect(index(n, swapped)).toEqual(fromSorted);
    // Ascending by (a, b) but some written high-low: not the order the index needs.
    expect(index(6, [[0, 5, 1], [2, 1, 2], [3, 0, 3]])).toEqual(index(6, [[0, 3, 3], [0, 5, 1], [1, 2, 2]]));
  });

  it('sorts long lists (a hub) as short ones, and a tie given twice keeps its order', () => {
    const rng = seededRng(5);
    const n = 300;
    const ties = new Map<string, [number, number, number]>();
    for (let y = 1; y < n; y++) ties.set(`0,${y}`, [0, y, 1 + (y % 7)]); // author 0 ties with everyone: a list of 299
    for (let k = 0; k < 500; k++) {
      const x = 1 + Math.floor(rng() * (n - 1)); const y = 1 + Math.floor(rng() * (n - 1));
      if (x !== y) ties.set(`${Math.min(x, y)},${Math.max(x, y)}`, [Math.min(x, y), Math.max(x, y), 1 + (k % 3)]);
    }
    const again: [number, number, number] = [0, 42, 9]; // (0, 42) given a second time, last: it stays second
    const inOrder = [...[...ties.values()].sort((p, q) => p[0] - q[0] || p[1] - q[1]), again]
      .sort((p, q) => p[0] - q[0] || p[1] - q[1]); // a stable sort: the repeat stays after the first
    const shuffled = [...[...ties.values()].map((t) => [t, rng()] as const).sort((p, q) => p[1] - q[1])
      .map(([[a, b, w]], i): [number, number, number] => (i % 2 ? [b, a, w] : [a, b, w])), again];
    const fromSorted = index(n, inOrder);
    expect(index(n, shuffled)).toEqual(fromSorted);
    const hub = [...fromSorted.other.subarray(0, fromSorted.start[1]!)];
    expect(hub).toHaveLength(n);
    expect(hub).toEqual([...hub].sort((p, q) => p - q));
    const at42 = hub.indexOf(42);
    expect([fromSorted.papers[at42], fromSorted.papers[at42 + 1]]).toEqual([1 + (42 % 7), 9]);
  });
});
