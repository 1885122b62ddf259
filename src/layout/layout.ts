// Seeded first positions (groups on a circle, members around them), then ForceAtlas2 tuned to the graph.

import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import type { CoauthorGraph } from '../graph/buildGraph';
import { seededRng } from '../graph/rng';
import { pushTo } from '../compact/listMap';

export interface LayoutOptions {
  seed: number;
  /** Iterations; 0 means scaled to the graph's size. */
  iterations: number;
}

export const layoutDefaults: LayoutOptions = { seed: 42, iterations: 0 };

/** Fewer iterations as graphs grow, since each one costs more (Barnes–Hut above a few thousand nodes). */
export function scaledIterations(order: number): number {
  if (order <= 500) return 600;
  if (order <= 5000) return 300;
  if (order <= 50000) return 100;
  return 40;
}

/** Node keys per community, in node order. */
function membersByCommunity(graph: CoauthorGraph): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  graph.forEachNode((n, a) => pushTo(groups, a.community, n));
  return groups;
}

/** A coordinate to three decimals: exports stay byte-stable across platforms' float formatting. */
const rounded = (v: number) => Math.round(v * 1000) / 1000;

/** Places each community's members around its own point on a large circle, so FA2 starts from a sensible picture. */
export function initialPositions(graph: CoauthorGraph, seed: number): void {
  const rng = seededRng(seed);
  const groups = membersByCommunity(graph);
  const count = groups.size || 1;
  const radius = Math.sqrt(graph.order) * 10;
  for (const [c, nodes] of [...groups].sort((a, b) => a[0] - b[0])) {
    const angle = (2 * Math.PI * c) / count;
    const cx = Math.cos(angle) * radius * (0.3 + 0.7 * rng());
    const cy = Math.sin(angle) * radius * (0.3 + 0.7 * rng());
    const spread = Math.sqrt(nodes.length) * 5;
    for (const n of nodes) {
      graph.mergeNodeAttributes(n, { x: cx + (rng() - 0.5) * spread, y: cy + (rng() - 0.5) * spread });
    }
  }
}

/**
 * A readable picture without running a layout: groups as discs on a sunflower spiral, largest in the middle, each
 * member at a seeded random point of its group's disc. For graphs opened without positions and too big to lay out on
 * the spot.
 */
export function placeGroups(graph: CoauthorGraph, seed: number): void {
  const rng = seededRng(seed);
  const groups = membersByCommunity(graph);
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length);
  const GOLDEN = Math.PI * (3 - Math.sqrt(5));
  let area = 0;
  ordered.forEach((nodes, i) => {
    // Area grows with members, so the disc of each group has room at its distance from the centre.
    const r = i === 0 ? 0 : 10 * Math.sqrt(area + nodes.length / 2);
    area += nodes.length;
    const cx = r * Math.cos(i * GOLDEN); const cy = r * Math.sin(i * GOLDEN);
    const disc = 4 * Math.sqrt(nodes.length);
    for (const n of nodes) {
      const d = disc * Math.sqrt(rng()); const t = 2 * Math.PI * rng();
      graph.mergeNodeAttributes(n, { x: rounded(cx + d * Math.cos(t)), y: rounded(cy + d * Math.sin(t)) });
    }
  });
}

export function layoutGraph(graph: CoauthorGraph, options: Partial<LayoutOptions> = {}): void {
  const opts = { ...layoutDefaults, ...options };
  initialPositions(graph, opts.seed);
  if (graph.order < 2) return;
  // Barnes–Hut keeps repulsion near n·log n; without it a few thousand nodes already take minutes.
  // Dissuading hubs (outbound attraction distribution) and a larger scaling keep small groups from collapsing onto big
  // teams.
  const settings = {
    ...forceAtlas2.inferSettings(graph), edgeWeightInfluence: 1, adjustSizes: false,
    barnesHutOptimize: graph.order > 1000, outboundAttractionDistribution: true, scalingRatio: 10,
  };
  const iterations = opts.iterations || scaledIterations(graph.order);
  forceAtlas2.assign(graph, { iterations, settings, getEdgeWeight: 'weight' });
  // FA2 pulls tight groups into one point; a short anti-collision pass makes their members (and labels) readable.
  if (graph.order <= 20_000) noverlap.assign(graph, { maxIterations: 60, settings: { margin: 3, ratio: 1.5 } });
  graph.updateEachNodeAttributes((_n, a) => ({ ...a, x: rounded(a.x), y: rounded(a.y) }));

}
