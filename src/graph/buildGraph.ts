// Builds the weighted co-authorship graph (graphology): one node per author, one edge per tie with its papers.

import Graph from 'graphology';
import type { Corpus, EdgeAttributes, NodeAttributes, Weighting } from '../types';
import type { TieOptions, TieTable } from './ties';
import { prepareAdjacency } from './adjacency';
import { collectTies, tieDefaults, tieWeights } from './ties';

export type CoauthorGraph = Graph<NodeAttributes, EdgeAttributes>;

export interface GraphPaper {
  id: string;
  title: string;
  year?: number;
  arxivId?: string;
  doi?: string;
  authors: string[];
  complete: boolean;
  suspect?: boolean;
  sources: string[];
}

export interface BuildOptions extends TieOptions {}
export const buildDefaults: BuildOptions = { ...tieDefaults };

export interface BuildResult {
  graph: CoauthorGraph;
  ties: TieTable;
}

/** Node size from paper count: area grows with papers, so prolific authors stand out without swamping the view. */
export function nodeSize(papers: number): number {
  return Math.round((3 + 2.5 * Math.sqrt(papers)) * 100) / 100;
}

export function graphPapers(corpus: Corpus): GraphPaper[] {
  return corpus.papers.map((p) => {
    const authors = p.authors.map((a) => corpus.authors[a]!.id);
    const out: GraphPaper = { id: p.id, title: p.title, authors, complete: p.complete, sources: p.sources };
    if (p.suspect) out.suspect = true;
    if (p.year !== undefined) out.year = p.year;
    if (p.arxivId) out.arxivId = p.arxivId;
    if (p.doi) out.doi = p.doi;
    return out;
  });
}

export function buildGraph(corpus: Corpus, options: Partial<BuildOptions> = {}): BuildResult {
  const opts: BuildOptions = { ...buildDefaults, ...options };
  const ties = collectTies(corpus, opts);
  const graph: CoauthorGraph = new Graph<NodeAttributes, EdgeAttributes>({
    type: 'undirected', multi: false, allowSelfLoops: false,
  });
  graph.setAttribute('weighting', opts.weighting);
  graph.setAttribute('maxAuthors', opts.maxAuthors);
  for (const a of corpus.authors) {
    const attributes: NodeAttributes = {
      label: a.label, papers: a.papers.length, community: 0, x: 0, y: 0, size: nodeSize(a.papers.length),
      color: '#999999', aliases: a.aliases,
    };
    if (a.papers.length && a.papers.every((p) => corpus.papers[p]!.suspect)) attributes.suspect = true;
    if (a.ids?.length) attributes.ids = a.ids;
    graph.addNode(a.id, attributes);
  }
  prepareAdjacency(graph);
  const ids = corpus.authors.map((a) => a.id);
  const paperIds = corpus.papers.map((p) => p.id);
  const weights = tieWeights(ties, opts.weighting);
  for (let t = 0; t < ties.count; t++) {
    const list: string[] = [];
    for (let k = ties.paperStart[t]!; k < ties.paperStart[t + 1]!; k++) list.push(paperIds[ties.paperList[k]!]!);
    const attributes = { weight: weights[t]!, papers: ties.papers[t]!, paperIds: list };
    graph.addUndirectedEdgeWithKey(`e${t}`, ids[ties.source[t]!]!, ids[ties.target[t]!]!, attributes);
  }
  graph.setAttribute('papers', graphPapers(corpus));
  return { graph, ties };
}

/** Re-weights an existing graph in place for another weighting, from the counts and paper sizes it carries. */
export function reweight(graph: CoauthorGraph, weighting: Weighting, paperSizes: Map<string, number>): void {
  graph.updateEachEdgeAttributes((_e, attr) => {
    let w = attr.papers;
    if (weighting === 'fractional') {
      w = 0;
      for (const id of attr.paperIds) w += 1 / ((paperSizes.get(id) ?? 2) - 1);
      w = Math.round(w * 1e9) / 1e9;
    }

    return { ...attr, weight: w };
  });
  graph.setAttribute('weighting', weighting);
}
