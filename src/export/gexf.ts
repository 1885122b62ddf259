// GEXF 1.2 for Gephi and networkx (graphology-gexf), with viz colour, size and position; lists as "; "-joined text.

import write from 'graphology-gexf/browser/writer.js';
import type { CoauthorGraph } from '../graph/buildGraph';
import type { EdgeAttributes, NodeAttributes } from '../types';
import { gexfChunks } from './gexfStream';
import { xmlEscape, xmlSafe } from './xmlText';

/** Above this many ties the document is written in chunks by gexfStream (one string would pass V8's length limit). */
export const GEXF_STRING_LIMIT = 1_000_000;

function description(graph: CoauthorGraph): string {
  const settings = ['weighting', 'resolution', 'seed', 'modularity', 'maxAuthors']
    .map((k) => `${k}=${String(graph.getAttribute(k))}`).join('; ');
  return `co-authorship network; ${settings}`;
}

export function* gexfFileChunks(graph: CoauthorGraph): Generator<string> {
  if (graph.size > GEXF_STRING_LIMIT) yield* gexfChunks(graph, description(graph));
  else yield toGexf(graph);
}

export function toGexf(graph: CoauthorGraph): string {
  // GEXF meta allows creator/description only: the graph's settings go into the description.
  const about = `<description>${xmlEscape(description(graph))}</description>`;
  const meta = `<meta>\n    <creator>coauthor-graph</creator>\n    ${about}\n  </meta>`;
  // networkx 2.8 reads only GEXF 1.1/1.2; graphology-gexf misspells the 1.2 viz namespace (three slashes), so it is
  // corrected here.
  return write(graph as unknown as Parameters<typeof write>[0], {
    version: '1.2',
    formatNode: (_key: string, attrs: Record<string, unknown>) => {
      const a = attrs as unknown as NodeAttributes;
      return {
        label: xmlSafe(a.label),
        attributes: {
          papers: a.papers, community: a.community, aliases: xmlSafe(a.aliases.join('; ')),
          ...(a.betweenness !== undefined ? { betweenness: a.betweenness, outside: a.outside ?? 0 } : {}),
          ...(a.suspect ? { suspect: true } : {}),
          ...(a.ids?.length ? { ids: xmlSafe(a.ids.join('; ')) } : {}),
        },
        viz: { color: a.color, size: a.size, x: a.x, y: a.y },
      };
    },
    formatEdge: (_key: string, attrs: Record<string, unknown>) => {
      const a = attrs as unknown as EdgeAttributes;
      return { weight: a.weight, attributes: { papers: a.papers, paperIds: xmlSafe(a.paperIds.join('; ')) } };
    },

  }).replace('xmlns:viz="http:///www.gexf.net/1.1draft/viz"', 'xmlns:viz="http://www.gexf.net/1.2draft/viz"')
    .replace(/<meta>[\s\S]*?<\/meta>/, () => meta);
}
