// GEXF 1.3 for Gephi (graphology-gexf), with viz colour, size and position; list attributes written as "; "-joined text.

import write from 'graphology-gexf/browser/writer';
import type { CoauthorGraph } from '../graph/buildGraph';
import type { EdgeAttributes, NodeAttributes } from '../types';
import { xmlSafe } from './xmlText';

export function toGexf(graph: CoauthorGraph): string {
  return write(graph as unknown as Parameters<typeof write>[0], {
    version: '1.3',
    formatNode: (_key: string, attrs: Record<string, unknown>) => { const a = attrs as unknown as NodeAttributes; return {
      label: xmlSafe(a.label),
      attributes: { papers: a.papers, community: a.community, aliases: xmlSafe(a.aliases.join('; ')) },
      viz: { color: a.color, size: a.size, x: a.x, y: a.y },
    }; },
    formatEdge: (_key: string, attrs: Record<string, unknown>) => { const a = attrs as unknown as EdgeAttributes; return {
      weight: a.weight,
      attributes: { papers: a.papers, paperIds: xmlSafe(a.paperIds.join('; ')) },
    }; },
  });
}
