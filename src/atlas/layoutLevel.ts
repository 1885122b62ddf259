// Layout of one view: seeded start (groups on a circle), then ForceAtlas2 with iterations scaled to the view's size.

import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { seededRng } from '../graph/rng';

export interface PlacedNode { key: string; cluster: number; x?: number; y?: number }
export interface PlacedEdge { a: string; b: string; weight: number }

/** Positions for the nodes: each cluster starts around its own point, then FA2 (Barnes-Hut above 800 nodes). */
export function layoutLevel(
  nodes: PlacedNode[], edges: PlacedEdge[], seed: number,
): Map<string, { x: number; y: number }> {

  const rng = seededRng(seed);
  const g = new Graph({ type: 'undirected' });
  const clusters = new Set(nodes.map((n) => n.cluster)).size || 1;
  const radius = Math.sqrt(nodes.length) * 10;
  for (const n of nodes) {
    const angle = (2 * Math.PI * n.cluster) / clusters;
    const spread = radius * 0.4;
    g.addNode(n.key, {
      x: Math.cos(angle) * radius + (rng() - 0.5) * spread, y: Math.sin(angle) * radius + (rng() - 0.5) * spread,
    });
  }
  for (const e of edges) if (!g.hasEdge(e.a, e.b) && e.a !== e.b) g.addEdge(e.a, e.b, { weight: e.weight });
  if (g.size) {
    const work = g.order + g.size;
    const iterations = work < 2000 ? 400 : work < 20_000 ? 150 : 60;
    forceAtlas2.assign(g, {
      iterations, getEdgeWeight: 'weight',
      settings: { ...forceAtlas2.inferSettings(g), barnesHutOptimize: g.order > 800, edgeWeightInfluence: 0.5 },
    });
  }
  const out = new Map<string, { x: number; y: number }>();
  g.forEachNode((k, a) => out.set(k, { x: a.x as number, y: a.y as number }));
  placeLoose(out, nodes.map((n) => n.key).filter((k) => g.degree(k) === 0));
  return out;
}

/**
 * Nodes without a drawn tie would drift on FA2's start circle: they go on a sunflower spiral around the linked
 * ones instead, close and evenly spaced, in the order given (largest first).
 */
function placeLoose(at: Map<string, { x: number; y: number }>, loose: string[]): void {
  if (!loose.length) return;
  const linked = [...at].filter(([k]) => !loose.includes(k)).map(([, p]) => p);
  const cx = linked.length ? linked.reduce((s, p) => s + p.x, 0) / linked.length : 0;
  const cy = linked.length ? linked.reduce((s, p) => s + p.y, 0) / linked.length : 0;
  const core = linked.reduce((m, p) => Math.max(m, Math.hypot(p.x - cx, p.y - cy)), 0);
  const step = Math.max(core, 10) / Math.max(6, Math.sqrt(linked.length + 1));
  const start = core + step * 1.5;
  const GOLDEN = Math.PI * (3 - Math.sqrt(5));
  loose.forEach((k, i) => {
    // Rings of equal area beyond the core's radius.
    const r = Math.sqrt(start * start + i * step * step);
    at.set(k, { x: cx + r * Math.cos(i * GOLDEN), y: cy + r * Math.sin(i * GOLDEN) });
  });
}
