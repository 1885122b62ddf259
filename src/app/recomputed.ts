// New weights and groups from the worker written into the graph shown (positions and everything else stay).

import type { CoauthorGraph } from '../graph/buildGraph';
import type { RecomputedMessage } from './protocol';
import type { ViewState } from './viewState';

export function applyRecomputed(graph: CoauthorGraph, msg: RecomputedMessage, state: ViewState): void {
  if (msg.weights.length !== graph.size || msg.communities.length !== graph.order) {
    const got = `${msg.communities.length} authors, ${msg.weights.length} ties`;
    throw new Error(`the worker recomputed a different graph (${got})`);
  }
  let i = 0;
  graph.forEachEdge((e) => { graph.setEdgeAttribute(e, 'weight', msg.weights[i++]!); });
  i = 0;
  graph.forEachNode((n) => {
    const c = msg.communities[i]!;
    graph.mergeNodeAttributes(n, { community: c, color: msg.colors[c] ?? '#b4b4b4', outside: msg.outside[i++]! });
  });
  graph.setAttribute('communities', msg.communityInfo);
  graph.setAttribute('modularity', msg.modularity);
  graph.setAttribute('weighting', state.weighting);
  graph.setAttribute('resolution', state.resolution);
}
