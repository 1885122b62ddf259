// CSV for spreadsheets: a nodes table and an edges table (papaparse), with formula-like cells made inert.

import Papa from 'papaparse';
import type { CoauthorGraph } from '../graph/buildGraph';

// Cells a spreadsheet would evaluate (=, +, -, @, or a leading tab/return, even after spaces) get a leading apostrophe.
const FORMULA = /^\s*[=+\-@]|^[\t\r]/;

function unparse(fields: string[], rows: unknown[][]): string {
  return Papa.unparse({ fields, data: rows }, { escapeFormulae: FORMULA, newline: '\n', quotes: false }) + '\n';
}

export function toNodesCsv(graph: CoauthorGraph): string {
  const labels = new Map(((graph.getAttribute('communities') as { id: number; label: string }[] | undefined) ?? []).map((c) => [c.id, c.label]));
  const rows: unknown[][] = [];
  graph.forEachNode((n, a) => rows.push([n, a.label, a.papers, a.community, labels.get(a.community) ?? '', a.x, a.y, a.size, a.color, a.aliases.join('; ')]));
  return unparse(['id', 'label', 'papers', 'community', 'community_label', 'x', 'y', 'size', 'color', 'aliases'], rows);
}

export function toEdgesCsv(graph: CoauthorGraph): string {
  const rows: unknown[][] = [];
  graph.forEachEdge((_e, a, s, t, sa, ta) => rows.push([s, t, sa.label, ta.label, a.weight, a.papers, a.paperIds.join('; ')]));
  return unparse(['source', 'target', 'source_label', 'target_label', 'weight', 'papers', 'paper_ids'], rows);
}
