// Where `path` reads ties and papers from in memory: the built graph (ties) and the corpus (names, papers).

import { paperBrief } from '../corpus/authorView';
import type { Corpus } from '../types';
import type { CoauthorGraph } from './buildGraph';
import type { TieIndex } from './paths';
import { tieIndex } from './paths';
import type { PathSource } from './pathView';

/** The graph's ties over author indices (the corpus's order). */
export function graphTieIndex(graph: CoauthorGraph, corpus: Corpus): TieIndex {
  const indexOf = new Map(corpus.authors.map((a, i) => [a.id, i]));
  const a = new Int32Array(graph.size); const b = new Int32Array(graph.size); const papers = new Int32Array(graph.size);
  let t = 0;
  graph.forEachEdge((_e, attr, s, u) => { a[t] = indexOf.get(s)!; b[t] = indexOf.get(u)!; papers[t++] = attr.papers; });
  return tieIndex(corpus.authors.length, a, b, papers);
}

export function corpusPathSource(graph: CoauthorGraph, corpus: Corpus): PathSource {
  const byId = new Map(corpus.papers.map((p) => [p.id, p]));
  return {
    person: async (x) => ({ id: corpus.authors[x]!.id, label: corpus.authors[x]!.label }),
    hopPapers: async (x, y) => {
      const edge = graph.edge(corpus.authors[x]!.id, corpus.authors[y]!.id);
      const ids = edge ? graph.getEdgeAttribute(edge, 'paperIds') : [];
      return ids.map((id) => paperBrief(byId.get(id)!));
    },
  };
}
