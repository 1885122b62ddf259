// Opens a graph JSON exported earlier (graphology serialization) without re-running the pipeline; fills any missing view attributes.

import Graph from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { buildReport } from '../corpus/report';
import type { Report } from '../corpus/report';
import type { CoauthorGraph } from '../graph/buildGraph';
import { nodeSize } from '../graph/buildGraph';
import { seededRng } from '../graph/rng';
import { layoutGraph } from '../layout/layout';
import { decodeBytes } from '../sources/decode';
import type { EdgeAttributes, NodeAttributes } from '../types';

export function openGraphJson(name: string, bytes: Uint8Array): { graph: CoauthorGraph; report: Report } | undefined {
  const decoded = decodeBytes(name, bytes);
  if (decoded.binary || !/^\s*\{\s*"(options|attributes|nodes)"/.test(decoded.text.slice(0, 200))) return undefined;
  let data: SerializedGraph;
  try { data = JSON.parse(decoded.text) as SerializedGraph; } catch { return undefined; }
  if (!Array.isArray(data.nodes) || !Array.isArray(data.edges)) return undefined;
  const graph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected' });
  graph.import({ ...data, options: { type: 'undirected', multi: false, allowSelfLoops: false } } as SerializedGraph<NodeAttributes, EdgeAttributes>);
  const rng = seededRng(42);
  let missingPositions = false;
  graph.updateEachNodeAttributes((key, a) => {
    const papers = typeof a.papers === 'number' ? a.papers : 1;
    const ok = Number.isFinite(a.x) && Number.isFinite(a.y);
    if (!ok) missingPositions = true;
    return { label: typeof a.label === 'string' ? a.label : key, papers, community: typeof a.community === 'number' ? a.community : 0, x: ok ? a.x : rng() * 100, y: ok ? a.y : rng() * 100, size: typeof a.size === 'number' ? a.size : nodeSize(papers), color: typeof a.color === 'string' ? a.color : '#b4b4b4', aliases: Array.isArray(a.aliases) ? a.aliases : [] };
  });
  graph.updateEachEdgeAttributes((_e, a) => ({ weight: typeof a.weight === 'number' ? a.weight : 1, papers: typeof a.papers === 'number' ? a.papers : 1, paperIds: Array.isArray(a.paperIds) ? a.paperIds : [] }));
  if (missingPositions) layoutGraph(graph);
  if (!Array.isArray(graph.getAttribute('communities'))) graph.setAttribute('communities', []);
  const report = buildReport({ authors: [], papers: [], sources: [{ file: name, format: 'unknown', records: 0, withAuthors: 0, truncated: 0, issues: 0 }], authorMerges: [], paperMerges: [], nearMisses: [], repairs: [], issues: [{ code: 'graph-json', severity: 'info', message: `opened a saved graph (${graph.order} authors, ${graph.size} ties); identities were resolved when it was built`, file: name, line: 1 }] }, { ties: graph.size, skippedPapers: [], maxAuthors: Number(graph.getAttribute('maxAuthors') ?? 500), droppedTies: 0 });
  return { graph, report };
}
