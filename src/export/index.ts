// Export formats by name, shared by the CLI (streamed to files) and the explorer (joined into downloads).

import type { CoauthorGraph } from '../graph/buildGraph';
import { edgesCsvChunks, nodesCsvChunks } from './csv';
import { gexfFileChunks } from './gexf';
import { graphmlChunks } from './graphml';
import { graphJsonChunks } from './json';

export type ExportFormat = 'gexf' | 'graphml' | 'json' | 'csv';
export const exportFormats: ExportFormat[] = ['gexf', 'graphml', 'json', 'csv'];

export interface ExportFile { suffix: string; mime: string; chunks: () => Iterable<string> }

/** The files one export produces (CSV gives nodes and edges), each as a stream of text chunks. */
export function exportFiles(graph: CoauthorGraph, format: ExportFormat): ExportFile[] {
  switch (format) {
    case 'gexf': return [{ suffix: '.gexf', mime: 'application/xml', chunks: () => gexfFileChunks(graph) }];
    case 'graphml': return [{ suffix: '.graphml', mime: 'application/xml', chunks: () => graphmlChunks(graph) }];
    case 'json': return [{ suffix: '.json', mime: 'application/json', chunks: () => graphJsonChunks(graph) }];
    case 'csv': return [
      { suffix: '.csv', mime: 'text/csv', chunks: () => nodesCsvChunks(graph) },
      { suffix: '.edges.csv', mime: 'text/csv', chunks: () => edgesCsvChunks(graph) },
    ];
  }
}

/** The same files as whole strings (for downloads and tests; fine below a few million ties). */
export function exportGraph(
  graph: CoauthorGraph, format: ExportFormat,
): { suffix: string; content: string; mime: string }[] {
  return exportFiles(graph, format).map((f) => ({ suffix: f.suffix, mime: f.mime, content: [...f.chunks()].join('') }));

}

export function formatFromPath(path: string): ExportFormat | undefined {
  const m = /\.(gexf|graphml|json|csv)$/i.exec(path);
  return m ? (m[1]!.toLowerCase() as ExportFormat) : undefined;
}
