// The typed-array zoomOut gives Louvain exactly the groups and modularity of graphology-indices' own, on the seeds,
// the 74k-record DBLP file and random graphs of several shapes (with and without ties of equal weight).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { TieArrays } from '../../src/graph/groups';
import { louvainOnArrays } from '../../src/graph/groups';
import { graphArrays } from '../../src/graph/communities';
import { useTypedZoomOut } from '../../src/graph/louvainZoomOut';
import { seededRng } from '../../src/graph/rng';
import { runPipeline } from '../../src/pipeline';
import { ROOT, seedFiles } from '../helpers';

function bothWays(ties: TieArrays, resolution = 1): void {
  useTypedZoomOut(false);
  const library = louvainOnArrays(ties, { resolution, seed: 42 });
  useTypedZoomOut(true);
  const typed = louvainOnArrays(ties, { resolution, seed: 42 });
  expect(typed.modularity).toBe(library.modularity);
  expect(Buffer.from(typed.membership.buffer).equals(Buffer.from(library.membership.buffer))).toBe(true);
}

function randomTies(order: number, count: number, seed: number, integer: boolean): TieArrays {
  const rng = seededRng(seed);
  const seen = new Set<number>();
  const source: number[] = []; const target: number[] = []; const weight: number[] = [];
  while (source.length < count) {
    const a = Math.floor(rng() * order);
    // Mostly near neighbours (clusters), some far: like co-authorship.
    const b = rng() < 0.8 ? (a + 1 + Math.floor(rng() * 20)) % order : Math.floor(rng() * order);
    const [x, y] = a < b ? [a, b] : [b, a];
    if (x === y || seen.has(x * order + y)) continue;
    seen.add(x * order + y);
    source.push(x); target.push(y); weight.push(integer ? 1 + Math.floor(rng() * 3) : rng() * 2);
  }
  return { order, count, source: Int32Array.from(source), target: Int32Array.from(target), weight: Float64Array.from(weight) };
}

describe('typed-array zoomOut', () => {
  afterEach(() => useTypedZoomOut(true));

  it('finds the same groups as the library on the seeds', () => {
    const { graph } = runPipeline(seedFiles(), { layout: false, brokers: false });
    bothWays(graphArrays(graph).ties);
    bothWays(graphArrays(graph).ties, 2.5);
  });

  it('finds the same groups as the library on random graphs', () => {
    for (const [order, count, seed] of [[50, 120, 1], [2000, 6000, 2], [20_000, 80_000, 3], [5000, 40_000, 4]] as const) {
      bothWays(randomTies(order, count, seed, seed % 2 === 0));
    }
  });

  it('finds the same groups as the library on the 74k-record DBLP file', () => {
    const bytes = gunzipSync(readFileSync(join(ROOT, '..', 'shared', 'data', 'dblp-2016-18-venues.bib.gz')));
    const { graph } = runPipeline([{ name: 'dblp.bib', bytes }], { layout: false, brokers: false });
    bothWays(graphArrays(graph).ties);
  }, 120_000);
});
