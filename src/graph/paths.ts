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
  // Ties already in (low, high) order fill each list sorted. Others fill the lists in their own order, each list then
  // sorted by neighbour, stably (33.6M ties: about 6 s, as long as DuckDB took to sort them, in less memory); beyond
  // 2^26 authors, by two stable counting sorts of the ties, random writes all over.
  const sorted = inPairOrder(a, b);
  if (!sorted && count < SORT_KEY_LIMIT) return sortedLists(fillLists(count, a, b, papers, undefined));
  let low = a; let high = b;
  if (!sorted) {
    low = new Int32Array(a.length); high = new Int32Array(a.length);
    for (let t = 0; t < a.length; t++) { low[t] = Math.min(a[t]!, b[t]!); high[t] = Math.max(a[t]!, b[t]!); }
  }
  const order = sorted ? undefined : countingOrder(low, count, countingOrder(high, count, undefined));
  return fillLists(count, low, high, papers, order);
}

/**
 * Each author's neighbours and shared papers, ties taken in `order` (or as given). In (low, high) order, x's smaller
 * neighbours arrive first (as highs), then its larger ones: each list comes out sorted.
 */
function fillLists(
  count: number, low: Int32Array, high: Int32Array, papers: Int32Array, order: Int32Array | undefined,
): TieIndex {
  const start = new Int32Array(count + 1);
  for (let t = 0; t < low.length; t++) { start[low[t]! + 1]!++; start[high[t]! + 1]!++; }
  for (let x = 0; x < count; x++) start[x + 1]! += start[x]!;
  const fill = start.slice(0, count);
  const other = new Int32Array(low.length * 2);
  const shared = new Int32Array(low.length * 2);
  for (let i = 0; i < low.length; i++) {
    const t = order ? order[i]! : i;
    const u = low[t]!; const v = high[t]!;
    other[fill[u]!] = v; shared[fill[u]!++] = papers[t]!;
    other[fill[v]!] = u; shared[fill[v]!++] = papers[t]!;
  }
  return { count, start, other, papers: shared };
}

/** Neighbour ids and list positions packed in one float (exact below 2^52) for the native sort. */
const SORT_KEY_LIMIT = 2 ** 26;
/** Lists up to this long are sorted in place by insertion; longer ones through packed keys. */
const INSERTION_UP_TO = 24;

/**
 * Every list sorted by neighbour, stably: equal neighbours (a tie given twice) keep their order, as the counting sorts
 * left them.
 */
function sortedLists(index: TieIndex): TieIndex {
  const { count, start, other, papers } = index;
  let keys = new Float64Array(64); let ids = new Int32Array(64); let shared = new Int32Array(64);
  for (let x = 0; x < count; x++) {
    const s = start[x]!; const e = start[x + 1]!; const k = e - s;
    if (k <= INSERTION_UP_TO) {
      for (let i = s + 1; i < e; i++) {
        const o = other[i]!; const p = papers[i]!;
        let j = i - 1;
        for (; j >= s && other[j]! > o; j--) { other[j + 1] = other[j]!; papers[j + 1] = papers[j]!; }
        other[j + 1] = o; papers[j + 1] = p;
      }
      continue;
    }
    if (k >= SORT_KEY_LIMIT) { sortLongList(other, papers, s, e); continue; }
    if (keys.length < k) { keys = new Float64Array(k); ids = new Int32Array(k); shared = new Int32Array(k); }
    for (let i = 0; i < k; i++) {
      keys[i] = other[s + i]! * SORT_KEY_LIMIT + i; ids[i] = other[s + i]!; shared[i] = papers[s + i]!;
    }
    keys.subarray(0, k).sort();
    for (let j = 0; j < k; j++) {
      const key = keys[j]!;
      const i = key - Math.floor(key / SORT_KEY_LIMIT) * SORT_KEY_LIMIT; // not %: a float's % is a slow call
      other[s + j] = ids[i]!; papers[s + j] = shared[i]!;
    }
  }
  return index;
}

/** A list too long for packed keys (2^26 entries), sorted stably through an array of positions. */
function sortLongList(other: Int32Array, papers: Int32Array, s: number, e: number): void {
  const at = Array.from({ length: e - s }, (_, i) => s + i).sort((p, q) => other[p]! - other[q]! || p - q);
  const ids = at.map((i) => other[i]!); const shared = at.map((i) => papers[i]!);
  other.set(ids, s); papers.set(shared, s);
}

/** Whether every tie has a ≤ b and the ties ascend by (a, b): the order the counting sorts would give. */
function inPairOrder(a: Int32Array, b: Int32Array): boolean {
  for (let t = 0; t < a.length; t++) {
    if (a[t]! > b[t]!) return false;
    if (t > 0 && (a[t - 1]! > a[t]! || (a[t - 1] === a[t] && b[t - 1]! > b[t]!))) return false;
  }
  return true;
}

/** A stable ordering of `within` (or of 0…n-1) by key, keys in 0…count-1. */
function countingOrder(key: Int32Array, count: number, within: Int32Array | undefined): Int32Array {
  const n = key.length;
  const start = new Int32Array(count + 1);
  for (let t = 0; t < n; t++) start[key[t]! + 1]!++;
  for (let x = 0; x < count; x++) start[x + 1]! += start[x]!;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) { const t = within ? within[i]! : i; out[start[key[t]!]!++] = t; }
  return out;
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
    const visited = s.seen.length + t.seen.length;
    if (visited > options.maxVisited) return { gaveUp: true, visited };

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
  const cost = new Float64Array(index.count).fill(Infinity);
  const prev = new Int32Array(index.count).fill(-1);
  const done = new Uint8Array(index.count);
  let settled = 0;
  cost[from] = 0;
  const heap = new MinHeap();
  heap.push(0, from);
  while (heap.size) {
    const [c, u] = heap.pop();
    if (done[u]) continue;
    done[u] = 1;
    if (u === to) break;
    if (++settled > options.maxVisited) return { gaveUp: true, visited: settled };
    for (let k = index.start[u]!; k < index.start[u + 1]!; k++) {
      const v = index.other[k]!;
      if (done[v]) continue;
      const next = c + 1 / index.papers[k]!;
      const known = cost[v]!;
      // Ties break towards the lower author id, so the answer does not depend on the order of the heap.
      if (next < known - 1e-12 || (Math.abs(next - known) <= 1e-12 && u < prev[v]!)) {
        cost[v] = next; prev[v] = u; heap.push(next, v);
      }
    }
  }
  if (!done[to]) return { unreachable: true, visited: settled };
  const chain = [to];
  while (chain[chain.length - 1] !== from) chain.push(prev[chain[chain.length - 1]!]!);
  return { found: { chain: chain.reverse(), cost: cost[to]! } };
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
