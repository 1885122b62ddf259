// Writes the broker measures onto the graph's nodes: betweenness (hops, as `path` counts them) and the share of
// co-authors outside the author's group. Betweenness does not depend on weights or groups; the share does.

import type { CoauthorGraph } from './buildGraph';
import type { BrokerOptions, SumsElsewhere } from './brokers';
import { betweenness, outsideShare } from './brokers';
import { graphIndex } from './graphIndex';
import type { TieIndex } from './paths';

/** Betweenness and outside shares onto the nodes; `elsewhere` may count half the betweenness on another thread. */
export function setBrokerAttributes(
  graph: CoauthorGraph, options: Partial<BrokerOptions> = {}, elsewhere?: SumsElsewhere,
): void {
  const index = graphIndex(graph);
  const between = betweenness(index, options, elsewhere);
  setOutsideShares(graph, index);
  let i = 0;
  graph.updateEachNodeAttributes((_n, a) => ({ ...a, betweenness: between[i++]! }), { attributes: ['betweenness'] });
}

/** After the groups change (new weighting or resolution): the outside shares again. */
export function setOutsideShares(graph: CoauthorGraph, index: TieIndex = graphIndex(graph)): void {
  const group = new Int32Array(graph.order);
  let i = 0;
  graph.forEachNode((_n, a) => { group[i++] = a.community; });
  const outside = outsideShare(index, group);
  i = 0;
  graph.updateEachNodeAttributes((_n, a) => ({ ...a, outside: outside[i++]! }), { attributes: ['outside'] });
}
