// Graph JSON: graphology's own serialization, so Graph.from(JSON.parse(text)) reads it back.

import type { CoauthorGraph } from '../graph/buildGraph';

export function toGraphJson(graph: CoauthorGraph): string {
  return JSON.stringify(graph.export(), null, 0) + '\n';
}
