// Research groups on plain arrays: louvain over a compact tie list, then groups numbered by size, centred and named.
// Whole-corpus builds run the same algorithm on flat arrays (typedLouvain.ts): the same groups, tested.

import louvain from 'graphology-communities-louvain';
import { useTypedZoomOut } from './louvainZoomOut';
import { seededRng } from './rng';
import { float64s, int32s } from '../compact/uncounted';

useTypedZoomOut();

/** A weighted undirected graph as arrays: nodes 0..order-1, edge e joins source[e] and target[e]. */
export interface TieArrays {
  order: number;
  count: number;
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
}

export interface GroupOptions { resolution: number; seed: number }

/**
 * Louvain (graphology-communities-louvain) on tie arrays. The library's index reads only a handful of graph
 * methods, answered here from the arrays, so no graphology graph (≈350 bytes a tie) is ever built for it.
 */
export function louvainOnArrays(
  ties: TieArrays, options: GroupOptions,
): { membership: Int32Array; modularity: number } {
  const membership = int32s(ties.order);
  if (ties.count === 0) {
    for (let i = 0; i < ties.order; i++) membership[i] = i;
    return { membership, modularity: 0 };
  }
  const degree = int32s(ties.order);
  for (let e = 0; e < ties.count; e++) { degree[ties.source[e]!]!++; degree[ties.target[e]!]!++; }
  const view = {
    type: 'undirected', multi: false, order: ties.order, size: ties.count, selfLoopCount: 0,
    addUndirectedEdgeWithKey() { throw new Error('read-only'); },
    dropNode() { throw new Error('read-only'); },
    forEachNode(cb: (node: number) => void) { for (let i = 0; i < ties.order; i++) cb(i); },
    undirectedDegreeWithoutSelfLoops: (node: number) => degree[node]!,
    forEachEdge(cb: (edge: number, attr: null, source: number, target: number) => void) {
      for (let e = 0; e < ties.count; e++) cb(e, null, ties.source[e]!, ties.target[e]!);
    },
  };
  const result = louvain.detailed(view as never, {
    getEdgeWeight: ((edge: number) => ties.weight[edge]!) as never, resolution: options.resolution,
    rng: seededRng(options.seed),

  });
  const raw = result.communities as unknown as Record<number, number>;
  for (let i = 0; i < ties.order; i++) membership[i] = raw[i]!;
  return { membership, modularity: result.modularity };
}

/** Each group's most central member: the largest weight of ties inside the group (first in node order on ties). */
export function groupCenters(ties: TieArrays, group: Int32Array, groups: number): Int32Array {
  const inner = float64s(ties.order);
  for (let e = 0; e < ties.count; e++) {
    const s = ties.source[e]!; const t = ties.target[e]!;
    if (group[s] !== group[t]) continue;
    inner[s]! += ties.weight[e]!; inner[t]! += ties.weight[e]!;
  }
  const center = int32s(groups).fill(-1);
  const best = float64s(groups).fill(-1);
  for (let i = 0; i < ties.order; i++) {
    const g = group[i]!;
    if (inner[i]! > best[g]!) { best[g] = inner[i]!; center[g] = i; }
  }
  return center;
}

