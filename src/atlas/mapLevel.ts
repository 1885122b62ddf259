// A map view: one node per group (size = members), one edge per pair of linked groups (the ties between them, summed).

import type { SerializedGraph } from 'graphology-types';
import type { EdgeAttributes, NodeAttributes } from '../types';
import { layoutLevel } from './layoutLevel';
import { scaledSize, sizeRange } from './sizes';

export interface MapNode { key: string; label: string; color: string; members: number; opens: string }
export interface MapLink { a: string; b: string; weight: number; ties: number }

/** The strongest links first (ties broken by keys, so the cut is deterministic). */
export function strongestLinks<T extends { a: string; b: string; weight: number }>(links: T[], cap: number): T[] {
  const byKeys = (x: T, y: T) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0);
  return [...links].sort((x, y) => y.weight - x.weight || byKeys(x, y)).slice(0, cap);
}

/**
 * The links a map draws: each group's strongest few (so every group shows its main neighbours), then the strongest of
 * the rest up to `cap`. A map of every link between hundreds of groups is a solid disc.
 */
export function backboneLinks<T extends { a: string; b: string; weight: number }>(
  links: T[], perNode: number, cap: number,
): T[] {
  const ordered = strongestLinks(links, links.length);
  const taken = new Map<string, number>();
  const chosen = new Set<T>();
  for (const l of ordered) {
    if ((taken.get(l.a) ?? 0) < perNode || (taken.get(l.b) ?? 0) < perNode) {
      chosen.add(l);
      taken.set(l.a, (taken.get(l.a) ?? 0) + 1); taken.set(l.b, (taken.get(l.b) ?? 0) + 1);
    }
  }
  for (const l of ordered) { if (chosen.size >= cap) break; chosen.add(l); }
  return ordered.filter((l) => chosen.has(l));
}

export function mapGraph(
  nodes: MapNode[], links: MapLink[], seed: number,
): SerializedGraph<NodeAttributes, EdgeAttributes> {

  const range = sizeRange(nodes.length);
  const largest = nodes.reduce((m, n) => Math.max(m, n.members), 0);
  const at = layoutLevel(nodes.map((n, i) => ({ key: n.key, cluster: i })), links, seed);
  return {
    options: { type: 'undirected', multi: false, allowSelfLoops: false },
    attributes: { communities: nodes.map((n, id) => ({ id, size: n.members, label: n.label })), papers: [] },
    nodes: nodes.map((n, i) => ({
      key: n.key,
      attributes: {
        label: n.label, papers: n.members, community: i, color: n.color, aliases: [],
        size: scaledSize(n.members, largest, range), ...at.get(n.key)!, members: n.members, opens: n.opens,
      } as NodeAttributes,
    })),
    edges: links.map((l, i) => ({
      key: `l${i}`, source: l.a, target: l.b, undirected: true,
      attributes: { weight: l.weight, papers: l.ties, paperIds: [] },
    })),
  };
}
