// GEXF 1.2 written in chunks for graphs too large for one string (graphology-gexf builds the whole document in memory).
// It emits the same elements as toGexf: attributes papers/community/aliases/suspect and paperIds, weights, viz colour,
// size, position.

import type { CoauthorGraph } from '../graph/buildGraph';
import { xmlEscape } from './xmlText';

function rgb(hex: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return 'r="180" g="180" b="180"';
  return `r="${parseInt(m[1]!, 16)}" g="${parseInt(m[2]!, 16)}" b="${parseInt(m[3]!, 16)}"`;

}

export function* gexfChunks(graph: CoauthorGraph, description: string): Generator<string> {
  yield [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf version="1.2" xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz">',
    '  <meta>',
    '    <creator>coauthor-graph</creator>',
    `    <description>${xmlEscape(description)}</description>`,
    '  </meta>',
    '  <graph defaultedgetype="undirected">',
    '',
  ].join('\n');
  // Declared only when some author is flagged, as graphology-gexf's writer does for the small-graph path.
  const anySuspect = graph.someNode((_n, a) => a.suspect === true);
  const brokers = graph.someNode((_n, a) => a.betweenness !== undefined);
  const anyIds = graph.someNode((_n, a) => !!a.ids?.length);
  yield [
    '    <attributes class="node">',
    '      <attribute id="papers" title="papers" type="integer"/>',
    '      <attribute id="community" title="community" type="integer"/>',
    '      <attribute id="aliases" title="aliases" type="string"/>',
    ...(brokers ? ['      <attribute id="betweenness" title="betweenness" type="double"/>',
      '      <attribute id="outside" title="outside" type="double"/>'] : []),
    ...(anySuspect ? ['      <attribute id="suspect" title="suspect" type="boolean"/>'] : []),
    ...(anyIds ? ['      <attribute id="ids" title="ids" type="string"/>'] : []),
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="papers" title="papers" type="integer"/>',
    '      <attribute id="paperIds" title="paperIds" type="string"/>',
    '    </attributes>',
    '    <nodes>',
    '',
  ].join('\n');
  let out: string[] = [];
  for (const { node, attributes: a } of graph.nodeEntries()) {
    const extra = (a.betweenness !== undefined ? `\n          <attvalue for="betweenness" value="${a.betweenness}"/>`
      + `\n          <attvalue for="outside" value="${a.outside ?? 0}"/>` : '')
      + (a.suspect ? '\n          <attvalue for="suspect" value="true"/>' : '')
      + (a.ids?.length ? `\n          <attvalue for="ids" value="${xmlEscape(a.ids.join('; '))}"/>` : '');
    out.push([
      `      <node id="${xmlEscape(node)}" label="${xmlEscape(a.label)}">`,
      '        <attvalues>',
      `          <attvalue for="papers" value="${a.papers}"/>`,
      `          <attvalue for="community" value="${a.community}"/>`,
      `          <attvalue for="aliases" value="${xmlEscape(a.aliases.join('; '))}"/>${extra}`,
      '        </attvalues>',
      `        <viz:color ${rgb(a.color)}/>`,
      `        <viz:size value="${a.size}"/>`,
      `        <viz:position x="${a.x}" y="${a.y}"/>`,
      '      </node>',
    ].join('\n'));
    if (out.length >= 2000) { yield out.join('\n') + '\n'; out = []; }
  }
  out.push('    </nodes>\n    <edges>');
  for (const { edge, attributes: a, source, target } of graph.edgeEntries()) {
    const ends = `source="${xmlEscape(source)}" target="${xmlEscape(target)}"`;
    out.push([
      `      <edge id="${xmlEscape(edge)}" ${ends} weight="${a.weight}">`,
      '        <attvalues>',
      `          <attvalue for="papers" value="${a.papers}"/>`,
      `          <attvalue for="paperIds" value="${xmlEscape(a.paperIds.join('; '))}"/>`,
      '        </attvalues>',
      '      </edge>',
    ].join('\n'));
    if (out.length >= 2000) { yield out.join('\n') + '\n'; out = []; }
  }
  out.push('    </edges>\n  </graph>\n</gexf>\n');
  yield out.join('\n');
}
