// The typed-array zoomOut gives Louvain exactly the groups and modularity of graphology-indices' own, on the seeds,
// the 74k-record DBLP file and random graphs of several shapes (with and without ties of equal weight).
import { afterEach, describe, expect, it } from 'vitest';
import type { TieArrays } from '../../src/graph/groups';
import { louvainOnArrays } from '../../src/graph/groups';
import { graphArrays } from '../../src/graph/communities';
import { useTypedZoomOut } from '../../src/graph/louvainZoomOut';
import { runPipeline } from '../../src/pipeline';
import { seedFiles } from '../helpers';
import { dblpTies, randomTies } from './louvainInputs';

function bothWays(ties: TieArrays, resolution = 1): void {
  useTypedZoomOut(false);
  const library = louvainOnArrays(ties, { resolution, seed: 42 });
  useTypedZoomOut(true);
  const typed = louvainOnArrays(ties, { resolution, seed: 42 });
  expect(typed.modularity).toBe(library.modularity);
  expect(Buffer.from(typed.membership.buffer).equals(Buffer.from(library.membership.buffer))).toBe(true);
}

describe('typed-array zoomOut', () => {
  afterEach(() => useTypedZoomOut(true));

  it('finds the same groups as the library on the seeds', () => {
    const { graph } = runPipeline(seedFiles(), { layout: false, brokers: false });
    bothWays(graphArrays(graph).ties);
    bothWays(graphArrays(graph).ties, 2.5);
  });

  it('finds the same groups as the library on random graphs', () => {
    for (const [order, count, seed] of [
      [50, 120, 1],
      [2000, 6000, 2],
      [20_000, 80_000, 3],
      [5000, 40_000, 4],
    ] as const) {
      bothWays(randomTies(order, count, seed, seed % 2 === 0));
    }
  });

  it('finds the same groups as the library on the 74k-record DBLP file', () => {
    bothWays(dblpTies());
  }, 120_000);
});
