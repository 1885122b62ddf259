// Puts graphology's per-node neighbour indexes into V8's dictionary mode before edges are added.
// Why: a small object stays in "fast" mode, where each new property (here: each new neighbour key) moves it to a new
// hidden class, so adding an edge costs more the more neighbours a node has. Deleting a property that is not the last
// one switches an object to dictionary mode for good. Measured on 133k nodes / 2M edges: 12.7 s → 5.4 s, 630 → 490 MB;
// on 20k / 200k: 0.95 → 0.49 s. Iteration order is unchanged (dictionary objects keep insertion order).
// graphology keeps these indexes on internal node records; if a future version stores them differently this does
// nothing.

import type Graph from 'graphology';
import type { Attributes, SerializedGraph } from 'graphology-types';

type NodeRecord = Record<string, unknown>;

function toDictionary(index: unknown): void {
  if (!index || typeof index !== 'object') return;
  const o = index as Record<string, unknown>;
  for (const _ in o) return; // only empty indexes: this runs before any edge exists
  o.__a = 0; o.__b = 0;
  delete o.__a; delete o.__b;
}

/** Call after the nodes are in and before the edges go in. */
export function prepareAdjacency(graph: Graph): void {
  const records = (graph as unknown as { _nodes?: unknown })._nodes;
  if (!(records instanceof Map)) return;
  for (const data of (records as Map<string, NodeRecord>).values()) {
    toDictionary(data.undirected);
    toDictionary(data.out);
    toDictionary(data.in);
  }
}

/** graph.import with the neighbour indexes prepared between the nodes and the edges (options are the graph's own). */
export function importPrepared<N extends Attributes, E extends Attributes, G extends Graph<N, E>>(
  graph: G, data: SerializedGraph<N, E>,
): G {

  if (data.attributes) graph.mergeAttributes(data.attributes as never);
  if (data.nodes) graph.import({ nodes: data.nodes } as SerializedGraph<N, E>);
  prepareAdjacency(graph);
  if (data.edges) graph.import({ edges: data.edges } as SerializedGraph<N, E>);
  return graph;
}
