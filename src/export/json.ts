// Graph JSON: graphology's own serialization (Graph.from reads it back), written in chunks, never as one giant string.

import type { CoauthorGraph } from '../graph/buildGraph';

const BATCH = 2000;

/** The same bytes as JSON.stringify(graph.export()), produced piece by piece. */
export function* graphJsonChunks(graph: CoauthorGraph): Generator<string> {
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  yield `{"options":${JSON.stringify(options)},"attributes":{`;

  let first = true;
  for (const [k, v] of Object.entries(graph.getAttributes())) {
    yield `${first ? '' : ','}${JSON.stringify(k)}:`;
    first = false;
    if (Array.isArray(v) && v.length > BATCH) {
      yield '[';
      for (let i = 0; i < v.length; i += BATCH) yield (i ? ',' : '') + items(v.slice(i, i + BATCH));
      yield ']';
    } else yield JSON.stringify(v);
  }
  // Batches of entries go through one native JSON.stringify each: far faster than one call per field.
  yield '},"nodes":[';
  let batch: unknown[] = [];
  let sep = '';
  for (const { node, attributes } of graph.nodeEntries()) {
    batch.push({ key: node, attributes });
    if (batch.length >= BATCH) { yield sep + items(batch); sep = ','; batch = []; }
  }
  if (batch.length) { yield sep + items(batch); batch = []; }
  yield '],"edges":[';
  sep = '';
  for (const { edge, attributes, source, target } of graph.edgeEntries()) {
    batch.push({ key: edge, source, target, attributes });
    if (batch.length >= BATCH) { yield sep + items(batch); sep = ','; batch = []; }
  }
  if (batch.length) yield sep + items(batch);
  yield ']}\n';
}

/** The JSON of an array's items, without the brackets. */
function items(list: unknown[]): string {
  return JSON.stringify(list).slice(1, -1);
}

export function toGraphJson(graph: CoauthorGraph): string {
  return [...graphJsonChunks(graph)].join('');
}
