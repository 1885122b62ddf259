// The built graph as a compact tie index over its node order, and as the source of names and tie papers that
// `path` reads: one place for the CLI, the broker measures and the explorer.

import { paperBrief } from '../corpus/authorView';
import type { CoauthorGraph, GraphPaper } from './buildGraph';
import type { TieIndex } from './paths';
import { tieIndex } from './paths';
import type { PathSource } from './pathView';

/** The graph's ties over its node order (for graphs built from a corpus, the corpus's author order). */
export function graphIndex(graph: CoauthorGraph): TieIndex {
  const position = new Map<string, number>();
  graph.forEachNode((n) => { position.set(n, position.size); });
  const a = new Int32Array(graph.size); const b = new Int32Array(graph.size); const papers = new Int32Array(graph.size);
  let t = 0;
  graph.forEachEdge((_e, attr, s, u) => {
    a[t] = position.get(s)!; b[t] = position.get(u)!; papers[t++] = attr.papers;
  });

  return tieIndex(graph.order, a, b, papers);
}

/** Names by node position and the papers behind a tie, from the graph and its `papers` attribute. */
export function graphPathSource(graph: CoauthorGraph): PathSource {
  const keys = graph.nodes();
  const papers = new Map(((graph.getAttribute('papers') as GraphPaper[] | undefined) ?? []).map((p) => [p.id, p]));
  return {
    person: async (x) => ({ id: keys[x]!, label: graph.getNodeAttribute(keys[x]!, 'label') }),
    hopPapers: async (x, y) => {
      const edge = graph.edge(keys[x]!, keys[y]!);
      const ids = edge ? graph.getEdgeAttribute(edge, 'paperIds') : [];
      return ids.map((id) => papers.get(id)).filter((p) => p !== undefined).map(paperBrief);
    },
  };
}
