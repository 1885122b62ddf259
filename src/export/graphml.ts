// GraphML for networkx, Cytoscape and yEd: graphology-graphml only parses, so this writer emits typed keys in chunks.

import type { CoauthorGraph } from '../graph/buildGraph';
import { xmlEscape } from './xmlText';

const NODE_KEYS = [
  ['label', 'string'], ['papers', 'int'], ['community', 'int'], ['x', 'double'], ['y', 'double'], ['size', 'double'],
  ['color', 'string'], ['aliases', 'string'],
] as const;
const OPTIONAL_KEYS = ['betweenness', 'outside'] as const;
const EDGE_KEYS = [['weight', 'double'], ['papers', 'int'], ['paperIds', 'string']] as const;
const BATCH = 2000;

function value(v: unknown): string {
  return xmlEscape(Array.isArray(v) ? v.join('; ') : String(v));
}

export function* graphmlChunks(graph: CoauthorGraph): Generator<string> {
  const ns = 'http://graphml.graphdrawing.org/xmlns';
  const xsi = 'http://www.w3.org/2001/XMLSchema-instance';
  const head: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<graphml xmlns="${ns}" xmlns:xsi="${xsi}" xsi:schemaLocation="${ns} ${ns}/1.0/graphml.xsd">`,
  ];
  const key = (id: string, of: 'node' | 'edge', name: string, type: string) =>
    `  <key id="${id}" for="${of}" attr.name="${name}" attr.type="${type}"/>`;
  for (const [name, type] of NODE_KEYS) head.push(key(`n_${name}`, 'node', name, type));
  // Broker measures, when the graph has them (graphs saved by older versions do not).
  for (const name of OPTIONAL_KEYS) head.push(key(`n_${name}`, 'node', name, 'double'));
  head.push('  <key id="n_ids" for="node" attr.name="ids" attr.type="string"/>');
  // Authors known only from mis-paired-looking lists (see the report); false for everyone else.
  head.push('  <key id="n_suspect" for="node" attr.name="suspect" attr.type="boolean"><default>false</default></key>');
  for (const [name, type] of EDGE_KEYS) head.push(key(`e_${name}`, 'edge', name, type));
  head.push('  <graph id="coauthors" edgedefault="undirected">');
  yield head.join('\n') + '\n';
  let out: string[] = [];
  for (const { node, attributes: a } of graph.nodeEntries()) {
    out.push(`    <node id="${xmlEscape(node)}">`);
    for (const [name] of NODE_KEYS) out.push(`      <data key="n_${name}">${value(a[name])}</data>`);
    for (const name of OPTIONAL_KEYS) {
      if (a[name] !== undefined) out.push(`      <data key="n_${name}">${a[name]}</data>`);
    }

    if (a.suspect) out.push('      <data key="n_suspect">true</data>');
    if (a.ids?.length) out.push(`      <data key="n_ids">${value(a.ids)}</data>`);
    out.push('    </node>');
    if (out.length >= BATCH * 10) { yield out.join('\n') + '\n'; out = []; }
  }
  for (const { edge, attributes: a, source, target } of graph.edgeEntries()) {
    out.push(`    <edge id="${xmlEscape(edge)}" source="${xmlEscape(source)}" target="${xmlEscape(target)}">`);
    for (const [name] of EDGE_KEYS) out.push(`      <data key="e_${name}">${value(a[name])}</data>`);
    out.push('    </edge>');
    if (out.length >= BATCH * 5) { yield out.join('\n') + '\n'; out = []; }
  }
  out.push('  </graph>', '</graphml>', '');
  yield out.join('\n');
}

export function toGraphml(graph: CoauthorGraph): string {
  return [...graphmlChunks(graph)].join('');
}
