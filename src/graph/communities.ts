// Research groups of an in-memory graph: seeded louvain on the tie weights, groups renumbered by size and labelled by
// their central author and title words. The work itself is done on arrays (groups.ts), as for whole corpora.

import type { CoauthorGraph, GraphPaper } from './buildGraph';
import type { TieArrays } from './groups';
import { groupWords } from './groupLabels';
import { colorGroups, numberGroups } from './groupNumbers';
import { groupCenters, louvainOnArrays } from './groups';

export interface CommunityOptions {
  resolution: number;
  seed: number;
}

export const communityDefaults: CommunityOptions = { resolution: 1, seed: 42 };

export interface CommunityInfo {
  id: number;
  size: number;
  label: string;
  color: string;
  /** Node key of the most central member (largest weighted degree inside the group). */
  center: string;
}

/** Group label: its centre's name, then the words that tell its titles apart. */
export function groupLabel(center: string, words: string[]): string {
  return words.length ? `${center} · ${words.join(', ')}` : center;
}

/** The graph's nodes and edges as arrays, in graphology's own order. */
export function graphArrays(graph: CoauthorGraph): { ties: TieArrays; keys: string[]; index: Map<string, number> } {
  const keys = graph.nodes();
  const index = new Map(keys.map((k, i) => [k, i]));
  const ties: TieArrays = {
    order: keys.length, count: graph.size,
    source: new Int32Array(graph.size), target: new Int32Array(graph.size), weight: new Float64Array(graph.size),
  };
  let e = 0;
  graph.forEachEdge((_k, a, s, t) => {
    ties.source[e] = index.get(s)!; ties.target[e] = index.get(t)!; ties.weight[e] = a.weight; e++;
  });
  return { ties, keys, index };
}

/**
 * Groups of the graph, written onto its nodes and attributes. `abstracts` gives the abstract of paper p (the graph's
 * `papers` order) when the caller has them: they feed the groups' topic words.
 */
export function detectCommunities(
  graph: CoauthorGraph, options: Partial<CommunityOptions> = {}, abstracts?: (p: number) => string,
): { modularity: number; communities: CommunityInfo[] } {
  const opts = { ...communityDefaults, ...options };
  const { ties, keys, index } = graphArrays(graph);
  const { membership, modularity } = louvainOnArrays(ties, opts);
  const { group, sizes, colors } = colorGroups(numberGroups(ties.order, membership), opts.seed);
  const centers = groupCenters(ties, group, sizes.length);
  const papers = (graph.getAttribute('papers') as GraphPaper[] | undefined) ?? [];
  const words = groupWords({
    count: papers.length, title: (p) => papers[p]!.title, authors: (p) => papers[p]!.authors.map((a) => index.get(a)!),
    ...(abstracts ? { abstract: abstracts } : {}),
  }, group, sizes);
  const communities: CommunityInfo[] = sizes.map((size, id) => {
    const center = keys[centers[id]!]!;
    const label = groupLabel(graph.getNodeAttribute(center, 'label'), words[id]!);
    return { id, size, label, color: colors[id]!, center };

  });
  let i = 0;
  graph.updateEachNodeAttributes((_n, a) => {
    const id = group[i++]!;
    a.community = id; a.color = colors[id]!;
    return a;
  }, { attributes: ['community', 'color'] });
  graph.setAttribute('modularity', Math.round(modularity * 1e9) / 1e9);
  graph.setAttribute('resolution', opts.resolution);
  graph.setAttribute('seed', opts.seed);
  graph.setAttribute('communities', communities.map(({ id, size, label }) => ({ id, size, label })));
  return { modularity, communities };
}
