// Collaboration distance on a compact tie index: the shortest chains of co-authors between two people (how many
// there are, and a few of them), and the strongest chain, where a hop costs 1 / shared papers.

export interface TieIndex {
  /** Authors 0 … count-1. */
  count: number;
  /** Neighbours of author x: other[start[x] .. start[x+1]), with the papers they share. */
  start: Int32Array;
  other: Int32Array;
  papers: Int32Array;
}

/** Both directions of every tie (a, b, shared papers), neighbours ordered by id so every answer is deterministic. */
export function tieIndex(count: number, a: Int32Array, b: Int32Array, papers: Int32Array): TieIndex {
  const degree = new Int32Array(count + 1);
  for (let t = 0; t < a.length; t++) { degree[a[t]! + 1]!++; degree[b[t]! + 1]!++; }
  for (let x = 0; x < count; x++) degree[x + 1]! += degree[x]!;
  const start = degree;
  const fill = start.slice(0, count);
  const other = new Int32Array(a.length * 2);
  const shared = new Int32Array(a.length * 2);
  for (let t = 0; t < a.length; t++) {
    const u = a[t]!; const v = b[t]!;
    other[fill[u]!] = v; shared[fill[u]!++] = papers[t]!;
    other[fill[v]!] = u; shared[fill[v]!++] = papers[t]!;
  }
  for (let x = 0; x < count; x++) sortRange(other, shared, start[x]!, start[x + 1]!);
  return { count, start, other, papers: shared };
}

function sortRange(keys: Int32Array, values: Int32Array, from: number, to: number): void {
  if (to - from < 2) return;
  const order = Array.from({ length: to - from }, (_, i) => from + i).sort((i, j) => keys[i]! - keys[j]!);
  const k = order.map((i) => keys[i]!); const v = order.map((i) => values[i]!);
  keys.set(k, from); values.set(v, from);
}

export interface PathOptions {
  /** Shortest chains listed at most (they are all counted). */
  maxChains: number;
  /** Authors a search may reach before it gives up (bounds time and memory on whole corpora). */
  maxVisited: number;
}

export const pathDefaults: PathOptions = { maxChains: 5, maxVisited: 5_000_000 };

export interface ShortestChains {
  /** Hops on a shortest chain; 0 when from = to. */
  distance: number;
  /** How many shortest chains there are (a float: it can pass 2^53 on dense corpora). */
  count: number;
  /** Up to maxChains of them, as author lists from → to, strongest hops first. */
  chains: number[][];
}

export type PathAnswer<T> = { found: T } | { unreachable: true; visited: number } | { gaveUp: true; visited: number };

interface Side { dist: Int32Array; sigma: Float64Array; frontier: number[]; seen: number[] }

function newSide(count: number, root: number): Side {
  const dist = new Int32Array(count).fill(-1);
  const sigma = new Float64Array(count);
  dist[root] = 0; sigma[root] = 1;
  return { dist, sigma, frontier: [root], seen: [root] };
}

/** Expands one side by a level; returns the newly reached authors that the other side has already reached. */
function expand(index: TieIndex, side: Side, other: Side): number[] {
  const next: number[] = [];
  const meet: number[] = [];
  for (const u of side.frontier) {
    const d = side.dist[u]!;
    for (let k = index.start[u]!; k < index.start[u + 1]!; k++) {
      const v = index.other[k]!;
      if (side.dist[v] === -1) {
        side.dist[v] = d + 1; next.push(v); side.seen.push(v);
        if (other.dist[v] !== -1) meet.push(v);
      }
      if (side.dist[v] === d + 1) side.sigma[v]! += side.sigma[u]!;
    }
  }
  side.frontier = next;
  return meet;
}

/** Bidirectional breadth-first search: always grows the smaller frontier, counts chains through the meeting level. */
export function shortestChains(
  index: TieIndex, from: number, to: number, options: PathOptions = pathDefaults,
): PathAnswer<ShortestChains> {
  if (from === to) return { found: { distance: 0, count: 1, chains: [[from]] } };
  const s = newSide(index.count, from);
  const t = newSide(index.count, to);
  let meet: number[] = [];
  while (s.frontier.length && t.frontier.length) {
    const grow = s.frontier.length <= t.frontier.length ? s : t;
    meet = expand(index, grow, grow === s ? t : s);
    if (meet.length) break;
    if (s.seen.length + t.seen.length > options.maxVisited) return { gaveUp: true, visited: s.seen.length + t.seen.length };
  }
  if (!meet.length) return { unreachable: true, visited: s.seen.length + t.seen.length };
  meet.sort((x, y) => x - y);
  const distance = s.dist[meet[0]!]! + t.dist[meet[0]!]!;
  let count = 0;
  for (const v of meet) count += s.sigma[v]! * t.sigma[v]!;
  const chains: number[][] = [];
  for (const v of meet) {
    if (chains.length >= options.maxChains) break;
    const tails = walks(index, t.dist, v, options.maxChains - chains.length);
    for (const back of walks(index, s.dist, v, options.maxChains - chains.length)) {
      const head = [...back].reverse();
      for (const tail of tails) {
        if (chains.length >= options.maxChains) break;
        chains.push([...head, ...tail.slice(1)]);
      }
      if (chains.length >= options.maxChains) break;
    }
  }
  return { found: { distance, count, chains } };
}

/** Up to `limit` walks from v back to the side's root (v first), stepping down one level at a time, strongest first. */
function walks(index: TieIndex, dist: Int32Array, v: number, limit: number): number[][] {
  const out: number[][] = [];
  const step = (path: number[]): void => {
    const u = path[path.length - 1]!;
    if (dist[u] === 0) { out.push([...path]); return; }
    const down: { w: number; papers: number }[] = [];
    for (let k = index.start[u]!; k < index.start[u + 1]!; k++) {
      const w = index.other[k]!;
      if (dist[w] === dist[u]! - 1) down.push({ w, papers: index.papers[k]! });
    }
    down.sort((x, y) => y.papers - x.papers || x.w - y.w);
    for (const d of down) {
      if (out.length >= limit) return;
      path.push(d.w); step(path); path.pop();
    }
  };
  step([v]);
  return out;
}

export interface StrongestChain {
  chain: number[];
  /** Sum over hops of 1 / shared papers: lower is stronger. */
  cost: number;
}

/** Dijkstra with hop cost 1 / shared papers: the chain through the heaviest collaborations. */
export function strongestChain(
  index: TieIndex, from: number, to: number, options: PathOptions = pathDefaults,
): PathAnswer<StrongestChain> {
  const cost = new Map<number, number>([[from, 0]]);
  const prev = new Map<number, number>();
  const done = new Set<number>();
  const heap = new MinHeap();
  heap.push(0, from);
  while (heap.size) {
    const [c, u] = heap.pop();
    if (done.has(u)) continue;
    done.add(u);
    if (u === to) break;
    if (done.size > options.maxVisited) return { gaveUp: true, visited: done.size };
    for (let k = index.start[u]!; k < index.start[u + 1]!; k++) {
      const v = index.other[k]!;
      const next = c + 1 / index.papers[k]!;
      const known = cost.get(v);
      // Ties break towards the lower author id, so the answer does not depend on the order of the heap.
      if (known === undefined || next < known - 1e-12 || (Math.abs(next - known) <= 1e-12 && u < prev.get(v)!)) {
        cost.set(v, next); prev.set(v, u); heap.push(next, v);
      }
    }
  }
  if (!done.has(to)) return { unreachable: true, visited: done.size };
  const chain = [to];
  while (chain[chain.length - 1] !== from) chain.push(prev.get(chain[chain.length - 1]!)!);
  return { found: { chain: chain.reverse(), cost: cost.get(to)! } };
}

/** A binary heap of (priority, item), smallest priority first, then smallest item. */
class MinHeap {
  private readonly keys: number[] = [];
  private readonly items: number[] = [];
  get size(): number { return this.keys.length; }
  private less(i: number, j: number): boolean {
    return this.keys[i]! < this.keys[j]! || (this.keys[i] === this.keys[j] && this.items[i]! < this.items[j]!);
  }
  private swap(i: number, j: number): void {
    [this.keys[i], this.keys[j]] = [this.keys[j]!, this.keys[i]!];
    [this.items[i], this.items[j]] = [this.items[j]!, this.items[i]!];
  }
  push(key: number, item: number): void {
    this.keys.push(key); this.items.push(item);
    let i = this.keys.length - 1;
    while (i > 0) { const p = (i - 1) >> 1; if (!this.less(i, p)) break; this.swap(i, p); i = p; }
  }
  pop(): [number, number] {
    const top: [number, number] = [this.keys[0]!, this.items[0]!];
    const lastKey = this.keys.pop()!; const lastItem = this.items.pop()!;
    if (this.keys.length) {
      this.keys[0] = lastKey; this.items[0] = lastItem;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1; const r = l + 1; let m = i;
        if (l < this.keys.length && this.less(l, m)) m = l;
        if (r < this.keys.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m); i = m;
      }
    }
    return top;
  }
}
