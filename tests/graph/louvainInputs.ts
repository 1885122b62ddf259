// Tie lists the Louvain tests share: clustered random graphs and the 74k-record DBLP file's ties.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'fflate';
import { graphArrays } from '../../src/graph/communities';
import type { TieArrays } from '../../src/graph/groups';
import { seededRng } from '../../src/graph/rng';
import { runPipeline } from '../../src/pipeline';
import { ROOT } from '../helpers';

/**
 * Clustered random ties, mostly between near neighbours (like co-authorship); integer weights or not. With
 * `isolated`, every tenth node has none (authors of single-author papers only).
 */
export function randomTies(order: number, count: number, seed: number, integer: boolean, isolated = false): TieArrays {
  const rng = seededRng(seed);
  const seen = new Set<number>();
  const source: number[] = []; const target: number[] = []; const weight: number[] = [];
  const alone = (i: number) => isolated && i % 10 === 9;
  const node = () => {
    let a = Math.floor(rng() * order);
    while (alone(a)) a = Math.floor(rng() * order);
    return a;
  };
  while (source.length < count) {
    const a = node();
    const b = rng() < 0.8 ? (a + 1 + Math.floor(rng() * 20)) % order : node();
    const [x, y] = a < b ? [a, b] : [b, a];
    if (x === y || alone(y) || seen.has(x * order + y)) continue;
    seen.add(x * order + y);
    source.push(x); target.push(y); weight.push(integer ? 1 + Math.floor(rng() * 3) : rng() * 2);
  }
  return {
    order, count, source: Int32Array.from(source), target: Int32Array.from(target), weight: Float64Array.from(weight),
  };
}

/** The ties of the 74k-record DBLP file, as an in-memory build finds them. */
export function dblpTies(): TieArrays {
  const bytes = gunzipSync(readFileSync(join(ROOT, '..', 'shared', 'data', 'dblp-2016-18-venues.bib.gz')));
  return graphArrays(runPipeline([{ name: 'dblp.bib', bytes }], { layout: false, brokers: false }).graph).ties;
}
