// Which ties a graph too dense to draw whole shows first: the strongest, up to a limit sigma draws smoothly.

import type { CoauthorGraph } from '../graph/buildGraph';

/** Beyond this many ties the view starts from the strongest ones and says so. */
export const MAX_DRAWN_TIES = 60_000;

/**
 * The smallest tie weight that keeps at most MAX_DRAWN_TIES ties (a weight some tie has, so the filter reads
 * cleanly), or 0 when the whole graph fits.
 */
export function strongestThreshold(graph: CoauthorGraph): number {
  if (graph.size <= MAX_DRAWN_TIES) return 0;
  const weights = new Float64Array(graph.size);
  let i = 0;
  graph.forEachEdge((_e, a) => { weights[i++] = a.weight; });
  weights.sort();
  const cut = weights[weights.length - MAX_DRAWN_TIES]!;
  // Ties equal to the cut would push the count over the limit: start just above it.
  let k = weights.length - MAX_DRAWN_TIES;
  while (k < weights.length && weights[k] === cut) k++;
  return k < weights.length ? weights[k]! : 0;
}
