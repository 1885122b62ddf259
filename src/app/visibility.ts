// Which nodes and edges the filters keep (tie strength, papers, hidden groups, ego network), for reducers and export.

import Graph from 'graphology';
import type { CoauthorGraph } from '../graph/buildGraph';
import type { EdgeAttributes, NodeAttributes } from '../types';
import type { ViewState } from './viewState';

export interface Visibility {
  node: (key: string) => boolean;
  edge: (key: string) => boolean;
}

/** Nodes within `depth` hops of `center` over edges that pass the tie filter. */
function egoSet(graph: CoauthorGraph, center: string, depth: number, minWeight: number): Set<string> {
  const seen = new Set([center]);
  let frontier = [center];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const n of frontier) graph.forEachEdge(n, (_e, a, s, t) => {
      if (a.weight < minWeight) return;
      const o = s === n ? t : s;
      if (!seen.has(o)) { seen.add(o); next.push(o); }
    });
    frontier = next;
  }
  return seen;
}

export function computeVisibility(graph: CoauthorGraph, s: ViewState): Visibility {
  const ego = s.ego && s.author && graph.hasNode(s.author) ? egoSet(graph, s.author, s.ego, s.minWeight) : undefined;
  const nodeOk = (key: string): boolean => {
    const a = graph.getNodeAttributes(key);
    if (ego && !ego.has(key)) return false;
    // A roster shows its members and the outside collaborators they share, nobody else.
    if (s.roster && !s.roster.members.has(key) && !s.roster.shared.has(key)) return false;
    if (key === s.author) return true;
    return a.papers >= s.minPapers && !s.hiddenCommunities.has(a.community);
  };
  const cache = new Map<string, boolean>();
  const node = (key: string) => {
    let v = cache.get(key);
    if (v === undefined) { v = nodeOk(key); cache.set(key, v); }
    return v;
  };

  const edge = (key: string): boolean => {
    const a = graph.getEdgeAttributes(key);
    return a.weight >= s.minWeight && node(graph.source(key)) && node(graph.target(key));
  };
  return { node, edge };
}

/** A copy of the graph with only what the filters show (for "export view"). */
export function visibleSubgraph(graph: CoauthorGraph, s: ViewState): CoauthorGraph {
  const vis = computeVisibility(graph, s);
  const sub = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected' });
  sub.replaceAttributes({ ...graph.getAttributes() });
  graph.forEachNode((n, a) => { if (vis.node(n)) sub.addNode(n, { ...a }); });
  graph.forEachEdge((e, a, src, tgt) => { if (vis.edge(e)) sub.addUndirectedEdgeWithKey(e, src, tgt, { ...a }); });
  const kept = new Set(sub.nodes());
  const papers = (graph.getAttribute('papers') as { authors: string[] }[] | undefined) ?? [];
  sub.setAttribute('papers', papers.filter((p) => p.authors.some((a) => kept.has(a))));
  return sub;
}
