// Opens a saved graph JSON (graphology serialization) without the pipeline; fills any missing view attributes.

import Graph from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { buildReport } from '../corpus/report';
import type { Report } from '../corpus/report';
import type { CoauthorGraph } from '../graph/buildGraph';
import { importPrepared } from '../graph/adjacency';
import { nodeSize } from '../graph/buildGraph';
import { seededRng } from '../graph/rng';
import { layoutGraph, placeGroups } from '../layout/layout';
import { decodeBytes } from '../sources/decode';
import type { EdgeAttributes, NodeAttributes } from '../types';

/** Cheap test on the first bytes, so other files never pay for a full decode. */
export function looksLikeGraphJson(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '');
  return /^\s*\{\s*"(options|attributes|nodes)"/.test(head);
}

type Loose = Record<string, unknown>;
const isObject = (x: unknown): x is Loose => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Fills or repairs the attributes the explorer relies on, in place on the parsed JSON (cheaper than updating the graph
 * after import). True when positions are missing or all alike (a graph built with --no-layout).
 */
function sanitize(data: SerializedGraph): boolean {
  const rng = seededRng(42);
  let missingPositions = false;
  let spread = false;
  const first = data.nodes[0]?.attributes as Loose | undefined;
  for (const n of data.nodes) {
    if (!isObject(n)) throw new Error('a node entry is not an object');
    const a = (isObject(n.attributes) ? n.attributes : (n.attributes = {})) as Loose;
    const key = String(n.key);
    if (typeof a.label !== 'string') a.label = key;
    if (typeof a.papers !== 'number') a.papers = 1;
    if (typeof a.community !== 'number') a.community = 0;
    if (!Number.isFinite(a.x) || !Number.isFinite(a.y)) {
      missingPositions = true; a.x = rng() * 100; a.y = rng() * 100;
    } else if (a.x !== first?.x || a.y !== first?.y) spread = true;
    if (typeof a.size !== 'number') a.size = nodeSize(a.papers as number);
    if (typeof a.color !== 'string') a.color = '#b4b4b4';
    if (!Array.isArray(a.aliases)) a.aliases = [];
    if (a.suspect !== true) delete a.suspect;
    if (!Array.isArray(a.ids) || !a.ids.every((x) => typeof x === 'string')) delete a.ids;
  }
  for (const e of data.edges) {
    if (!isObject(e)) throw new Error('an edge entry is not an object');
    const a = (isObject(e.attributes) ? e.attributes : (e.attributes = {})) as Loose;
    if (typeof a.weight !== 'number') a.weight = 1;
    if (typeof a.papers !== 'number') a.papers = 1;
    if (!Array.isArray(a.paperIds)) a.paperIds = [];
  }
  return missingPositions || (!spread && data.nodes.length > 1);
}

/**
 * Above this many authors a saved graph without positions gets group placement only; the full layout runs on request,
 * off the page.
 */
const LAYOUT_ON_OPEN_MAX = 5000;

export function openGraphJson(
  name: string, bytes: Uint8Array,
): { graph: CoauthorGraph; report: Report; laidOut: boolean } | undefined {
  if (!looksLikeGraphJson(bytes)) return undefined;
  const decoded = decodeBytes(name, bytes);
  if (decoded.binary) return undefined;
  let data: SerializedGraph;
  try { data = JSON.parse(decoded.text) as SerializedGraph; } catch { return undefined; }
  if (!data || !Array.isArray(data.nodes) || !Array.isArray(data.edges)) return undefined;
  const missingPositions = sanitize(data);
  const graph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected', multi: false, allowSelfLoops: false });
  importPrepared(graph, data as SerializedGraph<NodeAttributes, EdgeAttributes>);
  let laidOut = true;
  if (missingPositions && graph.order <= LAYOUT_ON_OPEN_MAX) layoutGraph(graph);
  else if (missingPositions) { placeGroups(graph, 42); laidOut = false; }
  if (!Array.isArray(graph.getAttribute('communities'))) graph.setAttribute('communities', []);
  const opened = `opened a saved graph (${graph.order} authors, ${graph.size} ties); `
    + 'identities were resolved when it was built';

  const report = buildReport({
    authors: [], papers: [],
    sources: [{ file: name, format: 'unknown', records: 0, withAuthors: 0, truncated: 0, issues: 0 }],
    authorMerges: [], paperMerges: [], nearMisses: [], repairs: [], suspectLists: [], identifierSplits: [],
    issues: [{ code: 'graph-json', severity: 'info', message: opened, file: name, line: 1 }],
  }, {
    ties: graph.size, skippedPapers: [], maxAuthors: Number(graph.getAttribute('maxAuthors') ?? 500), droppedTies: 0,
  });
  return { graph, report, laidOut };
}
