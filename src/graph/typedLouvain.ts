// Louvain on typed arrays for whole corpora: graphology-communities-louvain's undirected algorithm step for step
// (fast local moves, random walk start, tie breaking, zoomOut between levels), so the very same groups and modularity,
// with its per-neighbour bookkeeping in flat arrays instead of the library's map and queue objects.

import { UndirectedLouvainIndex } from 'graphology-indices/louvain.js';
import type { GroupOptions, TieArrays } from './groups';
import { seededRng } from './rng';
import type { LouvainIndexFields } from './louvainZoomOut';
import { typedZoomOut } from './louvainZoomOut';

const EPSILON = 1e-10;

type Index = LouvainIndexFields & { M: number; resolution: number };

/** The library's UndirectedLouvainIndex: neighbours listed per node, each edge's slots filled from the end. */
function louvainIndex(ties: TieArrays, resolution: number): Index {
  const N = ties.order;
  const starts = new Int32Array(N + 1);
  for (let e = 0; e < ties.count; e++) { starts[ties.source[e]!]!++; starts[ties.target[e]!]!++; }
  let n = 0;
  for (let i = 0; i < N; i++) { n += starts[i]!; starts[i] = n; }
  const neighborhood = new Int32Array(n); const weights = new Float64Array(n);
  const totalWeights = new Float64Array(N); const loops = new Float64Array(N);
  let M = 0;
  for (let e = 0; e < ties.count; e++) {
    const s = ties.source[e]!; const t = ties.target[e]!; const w = ties.weight[e]!;
    M += w;
    totalWeights[s]! += w; totalWeights[t]! += w;
    const a = --starts[s]!; const b = --starts[t]!;
    neighborhood[a] = t; neighborhood[b] = s; weights[a] = w; weights[b] = w;
  }
  starts[N] = n;
  const belongings = new Int32Array(N); const counts = new Int32Array(N).fill(1);
  for (let i = 0; i < N; i++) belongings[i] = i;
  return {
    C: N, E: n, U: 0, level: 0, M, resolution, nodes: { length: N }, keepDendrogram: false,
    belongings, totalWeights, loops, counts, starts, neighborhood, weights, mapping: belongings.slice(), dendrogram: [],
    unused: new Int32Array(N),
  };
}

/** A first-in first-out queue of nodes, each at most once (the library's SparseQueueSet). */
class NodeQueue {
  private readonly items: Int32Array;
  private readonly queued: Uint8Array;
  private start = 0;
  size = 0;
  constructor(capacity: number) { this.items = new Int32Array(capacity); this.queued = new Uint8Array(capacity); }
  enqueue(i: number): void {
    if (this.queued[i]) return;
    this.queued[i] = 1;
    let at = this.start + this.size++;
    if (at >= this.items.length) at -= this.items.length; // a wrap, without a division
    this.items[at] = i;
  }
  dequeue(): number {
    const i = this.items[this.start]!;
    if (++this.start === this.items.length) this.start = 0;
    this.size--;
    this.queued[i] = 0;
    return i;
  }
}

/** One level's local moves; true when some node changed community. */
function moveNodes(index: Index, queue: NodeQueue, rng: () => number, scratch: Scratch): boolean {
  const { belongings, totalWeights, loops, counts, unused, starts, neighborhood, weights, M, resolution } = index;
  const { mark, found, sums } = scratch;
  const l = index.C;
  let moved = false;
  for (let s = 0, ri = Math.floor(rng() * l); s < l; s++, ri++) queue.enqueue(ri % l);
  while (queue.size !== 0) {
    const i = queue.dequeue();
    const visit = scratch.nextVisit();
    const current = belongings[i]!;
    let degree = 0; let k = 0;
    for (let p = starts[i]!, end = starts[i + 1]!; p < end; p++) {
      const w = weights[p]!; const c = belongings[neighborhood[p]!]!;
      degree += w;
      const m = c << 1;
      if (mark[m] === visit) sums[mark[m + 1]!]! += w;
      else { mark[m] = visit; mark[m + 1] = k; found[k] = c; sums[k] = w; k++; }
    }
    const d = degree + loops[i]!;
    const own = mark[current << 1] === visit ? sums[mark[(current << 1) + 1]!]! : 0;
    let bestDelta = own - (d * (totalWeights[current]! - d) * resolution) / (2 * M);
    let best = current;
    for (let x = 0; x < k; x++) {
      const target = found[x]!;
      if (target === current) continue;
      // A community's gain is at most its tie weight (the term taken off is not negative): one too far below the
      // best cannot win or tie, and skipping it saves a random read and a division (exactly the same choices).
      if (sums[x]! < bestDelta - 2 * EPSILON) continue;
      const delta = sums[x]! - (d * totalWeights[target]! * resolution) / (2 * M);
      const better = Math.abs(delta - bestDelta) < EPSILON ? best !== current && target > best : delta > bestDelta;
      if (better) { bestDelta = delta; best = target; }
    }
    if (bestDelta < 0) {
      if (counts[current] === 1) continue; // already alone: no move
      best = unused[--index.U]!;
    } else if (best === current) continue;
    totalWeights[current]! -= d; totalWeights[best]! += d;
    belongings[i] = best;
    if (counts[current]!-- === 1) unused[index.U++] = current;
    counts[best]!++;
    moved = true;
    for (let p = starts[i]!, end = starts[i + 1]!; p < end; p++) {
      const j = neighborhood[p]!;
      if (belongings[j] !== best) queue.enqueue(j);
    }
  }
  return moved;
}

/** Per-visit tallies of the neighbouring communities' weights, reset by a visit stamp instead of clearing. */
class Scratch {
  /** Per community c: the visit that last saw it (at 2c) and its slot in found and sums (at 2c + 1), side by side. */
  readonly mark: Int32Array; readonly found: Int32Array; readonly sums: Float64Array;
  private visit = 0;
  constructor(n: number) {
    this.mark = new Int32Array(2 * n).fill(-1);
    this.found = new Int32Array(n); this.sums = new Float64Array(n);
  }
  nextVisit(): number {
    if (this.visit === 0x7fffffff) { this.mark.fill(-1); this.visit = 0; }
    return this.visit++;
  }
}

/** The library's own modularity, read from an index like ours (the final level: each node its own community). */
const libraryModularity =
  (UndirectedLouvainIndex.prototype as unknown as { modularity(this: Index): number }).modularity;


/** Each node's community and the partition's modularity, as louvain.detailed gives them on the same graph. */
export function typedLouvain(ties: TieArrays, options: GroupOptions): { membership: Int32Array; modularity: number } {
  if (ties.count === 0) return { membership: Int32Array.from({ length: ties.order }, (_, i) => i), modularity: 0 };
  const index = louvainIndex(ties, options.resolution);
  const queue = new NodeQueue(ties.order);
  const scratch = new Scratch(ties.order);
  const rng = seededRng(options.seed);
  while (moveNodes(index, queue, rng, scratch)) typedZoomOut.call(index);
  return { membership: index.mapping as Int32Array, modularity: libraryModularity.call(index) };
}
