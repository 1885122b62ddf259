// typedLouvain (whole corpora) finds exactly the groups and modularity of graphology-communities-louvain (the
// explorer's graphs) on the seeds, the 74k-record DBLP file and random graphs, for several seeds and resolutions;
// python-igraph scores its partitions the same and finds groups of about the same modularity.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GroupOptions, TieArrays } from '../../src/graph/groups';
import { louvainOnArrays } from '../../src/graph/groups';
import { graphArrays } from '../../src/graph/communities';
import { typedLouvain } from '../../src/graph/typedLouvain';
import { runPipeline } from '../../src/pipeline';
import { seedFiles } from '../helpers';
import { dblpTies, randomTies } from './louvainInputs';

function sameAsLibrary(ties: TieArrays, options: GroupOptions): { membership: Int32Array; modularity: number } {
  const library = louvainOnArrays(ties, options);
  const typed = typedLouvain(ties, options);
  expect(typed.modularity).toBe(library.modularity);
  expect(Buffer.from(typed.membership.buffer).equals(Buffer.from(library.membership.buffer))).toBe(true);
  return typed;
}

/** python-igraph on the same weighted graph: its modularity of our partition, and of its own multilevel groups. */
type Scores = { ours: number; multilevel: number };

function igraphScores(ties: TieArrays, membership: Int32Array, resolution: number): Scores {
  const dir = mkdtempSync(join(tmpdir(), 'louvain-'));
  const lines: string[] = [];
  for (let e = 0; e < ties.count; e++) lines.push(`${ties.source[e]} ${ties.target[e]} ${ties.weight[e]}`);
  writeFileSync(join(dir, 'ties.txt'), lines.join('\n'));
  writeFileSync(join(dir, 'membership.txt'), [...membership].join('\n'));
  const script = `
import igraph, sys
d, res, n = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
edges, weights = [], []
for line in open(d + '/ties.txt'):
    s, t, w = line.split()
    edges.append((int(s), int(t))); weights.append(float(w))
g = igraph.Graph(n=n, edges=edges)
g.es['weight'] = weights
membership = [int(x) for x in open(d + '/membership.txt')]
# GraphBase: python-igraph 0.10's Graph.modularity drops its resolution argument.
score = lambda m: igraph.GraphBase.modularity(g, m, weights, res, False)
ours = score(membership)
multilevel = score(g.community_multilevel(weights='weight', resolution=res).membership)
print(ours, multilevel)
`;
  const argv = ['-c', script, dir, String(resolution), String(ties.order)];
  const run = spawnSync('/usr/bin/python3', argv, { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const [ours, multilevel] = run.stdout.trim().split(' ').map(Number);
  return { ours: ours!, multilevel: multilevel! };
}

describe('typedLouvain', () => {
  it('finds the library groups on the seeds, for several seeds and resolutions', () => {
    const { ties } = graphArrays(runPipeline(seedFiles(), { layout: false, brokers: false }).graph);
    for (const seed of [1, 42, 2016]) for (const resolution of [0.5, 1, 2.5]) sameAsLibrary(ties, { seed, resolution });
  });

  it('finds the library groups on random graphs with isolated nodes and ties of equal weight', () => {
    const shapes = [[50, 120, 1], [2000, 6000, 2], [20_000, 80_000, 3], [5000, 40_000, 4]] as const;
    for (const [order, count, seed] of shapes) {
      sameAsLibrary(randomTies(order, count, seed, seed % 2 === 0, true), { seed, resolution: 1 });
    }
  });

  it('puts every node alone when there are no ties', () => {
    const none: TieArrays = {
      order: 3, count: 0, source: new Int32Array(), target: new Int32Array(), weight: new Float64Array(),
    };
    expect([...typedLouvain(none, { seed: 1, resolution: 1 }).membership]).toEqual([0, 1, 2]);
  });

  it('finds the library groups on the 74k-record DBLP file, and igraph agrees on their modularity', () => {
    const ties = dblpTies();
    for (const resolution of [1, 2]) {
      const found = sameAsLibrary(ties, { seed: 42, resolution });
      const igraph = igraphScores(ties, found.membership, resolution);
      expect(igraph.ours).toBeCloseTo(found.modularity, 9);
      // Both are Louvain, with different visiting orders: about the same quality.
      expect(Math.abs(found.modularity - igraph.multilevel)).toBeLessThan(0.01);
    }
  }, 180_000);
});
