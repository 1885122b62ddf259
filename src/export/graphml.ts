// GraphML for networkx, Cytoscape and yEd. graphology-graphml only parses, so this small writer emits the typed keys itself.

import type { CoauthorGraph } from '../graph/buildGraph';
import { xmlEscape } from './xmlText';

const NODE_KEYS = [['label', 'string'], ['papers', 'int'], ['community', 'int'], ['x', 'double'], ['y', 'double'], ['size', 'double'], ['color', 'string'], ['aliases', 'string']] as const;
const EDGE_KEYS = [['weight', 'double'], ['papers', 'int'], ['paperIds', 'string']] as const;

function value(v: unknown): string {
  return xmlEscape(Array.isArray(v) ? v.join('; ') : String(v));
}

export function toGraphml(graph: CoauthorGraph): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'];
  for (const [name, type] of NODE_KEYS) out.push(`  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`);
  for (const [name, type] of EDGE_KEYS) out.push(`  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`);
  out.push('  <graph id="coauthors" edgedefault="undirected">');
  graph.forEachNode((node, a) => {
    out.push(`    <node id="${xmlEscape(node)}">`);
    for (const [name] of NODE_KEYS) out.push(`      <data key="n_${name}">${value(a[name])}</data>`);
    out.push('    </node>');
  });
  graph.forEachEdge((edge, a, s, t) => {
    out.push(`    <edge id="${xmlEscape(edge)}" source="${xmlEscape(s)}" target="${xmlEscape(t)}">`);
    for (const [name] of EDGE_KEYS) out.push(`      <data key="e_${name}">${value(a[name])}</data>`);
    out.push('    </edge>');
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
