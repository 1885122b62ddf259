// Graph JSON: graphology's own serialization (Graph.from(JSON.parse(text)) reads it back), written in chunks so huge graphs never need one giant string.

import type { CoauthorGraph } from '../graph/buildGraph';

const BATCH = 2000;

/** The same bytes as JSON.stringify(graph.export()), produced piece by piece. */
export function* graphJsonChunks(graph: CoauthorGraph): Generator<string> {
  yield `{"options":${JSON.stringify({ type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops })},"attributes":{`;
  let first = true;
  for (const [k, v] of Object.entries(graph.getAttributes())) {
    yield `${first ? '' : ','}${JSON.stringify(k)}:`;
    first = false;
    if (Array.isArray(v) && v.length > BATCH) {
      yield '[';
      for (let i = 0; i < v.length; i += BATCH) yield (i ? ',' : '') + v.slice(i, i + BATCH).map((x) => JSON.stringify(x)).join(',');
      yield ']';
    } else yield JSON.stringify(v);
  }
  yield '},"nodes":[';
  let batch: string[] = [];
  let sep = '';
  const flush = function* (): Generator<string> { if (batch.length) { yield sep + batch.join(','); sep = ','; batch = []; } };
  for (const { node, attributes } of graph.nodeEntries()) {
    batch.push(`{"key":${JSON.stringify(node)},"attributes":${JSON.stringify(attributes)}}`);
    if (batch.length >= BATCH) yield* flush();
  }
  yield* flush();
  yield '],"edges":[';
  sep = '';
  for (const { edge, attributes, source, target } of graph.edgeEntries()) {
    batch.push(`{"key":${JSON.stringify(edge)},"source":${JSON.stringify(source)},"target":${JSON.stringify(target)},"attributes":${JSON.stringify(attributes)}}`);
    if (batch.length >= BATCH) yield* flush();
  }
  yield* flush();
  yield ']}\n';
}

export function toGraphJson(graph: CoauthorGraph): string {
  return [...graphJsonChunks(graph)].join('');
}
