// Brokers: betweenness centrality over collaboration hops (Brandes; exact on small graphs, from a seeded sample of
// sources on large ones), each author's share of co-authors outside their group, and each group's bridges.

import type { TieIndex } from './paths';
import { seededRng } from './rng';

export interface BrokerOptions {
  /** Exact betweenness up to this many authors; above, from `samples` sources (Brandes & Pich), scaled up. */
  exactUpTo: number;
  samples: number;
  seed: number;
}

export const brokerDefaults: BrokerOptions = { exactUpTo: 4000, samples: 256, seed: 42 };

/** Sources to run from: every author, or a seeded sample of them. */
function sources(n: number, opts: BrokerOptions): Int32Array {
  const all = Int32Array.from({ length: n }, (_, i) => i);
  if (n <= opts.exactUpTo || opts.samples >= n) return all;
  const rng = seededRng(opts.seed);
  for (let i = n - 1; i > 0; i--) { const j = Math.floor(rng() * (i + 1)); [all[i], all[j]] = [all[j]!, all[i]!]; }
  return all.slice(0, opts.samples).sort();
}

/**
 * The second half of the sources' sums, counted elsewhere (a worker thread): called before this thread counts the
 * first half, it returns a function that waits for them. Undefined: counted here after the first half.
 */
export type SumsElsewhere = (index: TieIndex, from: Int32Array) => (() => Float64Array) | undefined;

/**
 * Betweenness of every author, normalised to 0…1 (the share of shortest chains between other pairs that pass
 * through them: 2 / ((n-1)(n-2)) times the undirected count). Hops are unweighted, as in `path`. The sources are
 * counted in two halves whose sums are added at the end, wherever each half is counted: the same scores from one
 * thread (the browser) or two (the command line).
 */
export function betweenness(
  index: TieIndex, options: Partial<BrokerOptions> = {}, elsewhere?: SumsElsewhere,
): Float64Array {
  const opts = { ...brokerDefaults, ...options };
  const n = index.count;
  const score = new Float64Array(n);
  if (n < 3) return score;
  const from = sources(n, opts);
  const second = from.subarray(from.length >> 1);
  const waitForSecond = elsewhere?.(index, second);
  const sums = betweennessSums(index, from.subarray(0, from.length >> 1));
  const more = waitForSecond ? waitForSecond() : betweennessSums(index, second);
  // Each unordered pair was counted from both ends (exact) or n/k times as often as sampled.
  const scale = (n / from.length) / ((n - 1) * (n - 2));
  for (let v = 0; v < n; v++) score[v] = Math.round((sums[v]! + more[v]!) * scale * 1e9) / 1e9;
  return score;
}

/**
 * Brandes' dependency sums from the sources `from`, in their order: each author's unscaled betweenness share.
 * `onSource` hears of each source done (a worker thread's sign of life).
 */
export function betweennessSums(
  index: Pick<TieIndex, 'count' | 'start' | 'other'>, from: Int32Array, onSource?: () => void,
): Float64Array {
  const n = index.count;
  const score = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  // Locals for the arrays and each author's values: V8 reloads a typed array's element after any store into another
  // (it cannot tell they do not overlap), and these loops run over every tie once per source.
  const { start, other } = index;
  for (const s of from) {
    let head = 0; let tail = 0;
    dist[s] = 0; sigma[s] = 1; order[tail++] = s;
    while (head < tail) {
      const u = order[head++]!;
      const next = dist[u]! + 1; const paths = sigma[u]!;
      for (let k = start[u]!, end = start[u + 1]!; k < end; k++) {
        const v = other[k]!;
        const d = dist[v]!;
        if (d === -1) { dist[v] = next; order[tail++] = v; sigma[v]! += paths; }
        else if (d === next) sigma[v]! += paths;
      }
    }
    // Dependencies, farthest first: each author passes on its share to the ones a level closer to s.
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i]!;
      const closer = dist[w]! - 1; const paths = sigma[w]!; const share = 1 + delta[w]!;
      for (let k = start[w]!, end = start[w + 1]!; k < end; k++) {
        const v = other[k]!;
        if (dist[v] === closer) delta[v]! += (sigma[v]! / paths) * share;
      }
      score[w]! += delta[w]!;
    }
    for (let i = 0; i < tail; i++) { const v = order[i]!; dist[v] = -1; sigma[v] = 0; delta[v] = 0; }
    onSource?.();
  }
  return score;
}

/** Share of each author's co-authors who are in another group (0 for authors without ties). */
export function outsideShare(index: TieIndex, group: ArrayLike<number>): Float64Array {
  const out = new Float64Array(index.count);
  for (let u = 0; u < index.count; u++) {
    const degree = index.start[u + 1]! - index.start[u]!;
    if (!degree) continue;
    let outside = 0;
    for (let k = index.start[u]!; k < index.start[u + 1]!; k++) if (group[index.other[k]!] !== group[u]) outside++;
    out[u] = Math.round((outside / degree) * 1e6) / 1e6;
  }
  return out;
}

export interface Bridge {
  /** The member with ties into the other group. */
  author: number;
  /** The other group and how many of its members the author has worked with. */
  toGroup: number;
  ties: number;
}

/** A group's bridges: its members with the most co-authors in each other group, strongest first. */
export function groupBridges(index: TieIndex, group: ArrayLike<number>, g: number, limit = 10): Bridge[] {
  const bridges: Bridge[] = [];
  for (let u = 0; u < index.count; u++) {
    if (group[u] !== g) continue;
    const toward = new Map<number, number>();
    for (let k = index.start[u]!; k < index.start[u + 1]!; k++) {
      const h = group[index.other[k]!]!;
      if (h !== g) toward.set(h, (toward.get(h) ?? 0) + 1);
    }
    for (const [h, ties] of toward) bridges.push({ author: u, toGroup: h, ties });
  }
  bridges.sort((x, y) => y.ties - x.ties || x.toGroup - y.toGroup || x.author - y.author);
  return bridges.slice(0, limit);
}
