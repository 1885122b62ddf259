// CSV for spreadsheets: a nodes table and an edges table (papaparse), in chunks, with formula-like cells made inert.

import Papa from 'papaparse';
import type { CoauthorGraph } from '../graph/buildGraph';

// Cells a spreadsheet would evaluate (=, +, -, @, or a leading tab/return, even after spaces) get a leading apostrophe.
const FORMULA = /^\s*[=+\-@]|^[\t\r]/;
const BATCH = 5000;

function* rowsToCsv(fields: string[], rows: Iterable<unknown[]>): Generator<string> {
  let batch: unknown[][] = [];
  let header = true;
  const flush = (): string => {
    const options = { escapeFormulae: FORMULA, newline: '\n', quotes: false, header };
    const s = Papa.unparse({ fields, data: batch }, options) + '\n';
    header = false; batch = [];
    return s;
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= BATCH) yield flush();
  }
  if (batch.length || header) yield flush();
}

export function* nodesCsvChunks(graph: CoauthorGraph): Generator<string> {
  const communities = (graph.getAttribute('communities') as { id: number; label: string }[] | undefined) ?? [];
  const labels = new Map(communities.map((c) => [c.id, c.label]));
  const fields = [
    'id', 'label', 'papers', 'community', 'community_label', 'x', 'y', 'size', 'color', 'aliases', 'betweenness',
    'outside', 'suspect', 'ids',
  ];
  yield* rowsToCsv(fields, (function* () {
    for (const { node: n, attributes: a } of graph.nodeEntries()) {
      const community = labels.get(a.community) ?? '';
      yield [n, a.label, a.papers, a.community, community, a.x, a.y, a.size, a.color, a.aliases.join('; '),
        a.betweenness ?? '', a.outside ?? '', a.suspect === true, (a.ids ?? []).join('; ')];
    }
  })());
}

export function* edgesCsvChunks(graph: CoauthorGraph): Generator<string> {
  const fields = ['source', 'target', 'source_label', 'target_label', 'weight', 'papers', 'paper_ids'];
  yield* rowsToCsv(fields, (function* () {

    for (const { attributes: a, source, target, sourceAttributes: sa, targetAttributes: ta } of graph.edgeEntries()) {
      yield [source, target, sa.label, ta.label, a.weight, a.papers, a.paperIds.join('; ')];
    }
  })());
}

export function toNodesCsv(graph: CoauthorGraph): string { return [...nodesCsvChunks(graph)].join(''); }
export function toEdgesCsv(graph: CoauthorGraph): string { return [...edgesCsvChunks(graph)].join(''); }
