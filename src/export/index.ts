// Export formats by name, shared by the CLI and the explorer.

import type { CoauthorGraph } from '../graph/buildGraph';
import { toEdgesCsv, toNodesCsv } from './csv';
import { toGexf } from './gexf';
import { toGraphml } from './graphml';
import { toGraphJson } from './json';

export type ExportFormat = 'gexf' | 'graphml' | 'json' | 'csv';
export const exportFormats: ExportFormat[] = ['gexf', 'graphml', 'json', 'csv'];

/** The files one export produces: name suffix (appended to the base name) → content. CSV gives two files. */
export function exportGraph(graph: CoauthorGraph, format: ExportFormat): { suffix: string; content: string; mime: string }[] {
  switch (format) {
    case 'gexf': return [{ suffix: '.gexf', content: toGexf(graph), mime: 'application/xml' }];
    case 'graphml': return [{ suffix: '.graphml', content: toGraphml(graph), mime: 'application/xml' }];
    case 'json': return [{ suffix: '.json', content: toGraphJson(graph), mime: 'application/json' }];
    case 'csv': return [{ suffix: '.csv', content: toNodesCsv(graph), mime: 'text/csv' }, { suffix: '.edges.csv', content: toEdgesCsv(graph), mime: 'text/csv' }];
  }
}

export function formatFromPath(path: string): ExportFormat | undefined {
  const m = /\.(gexf|graphml|json|csv)$/i.exec(path);
  return m ? (m[1]!.toLowerCase() as ExportFormat) : undefined;
}
