// Sigma reducers: hover, focus and filters change how nodes and edges are drawn, never the graph data itself.

import type { Settings } from 'sigma/settings';
import type { EdgeDisplayData } from 'sigma/types';
import type { CoauthorGraph } from '../graph/buildGraph';
import type { Visibility } from './visibility';
import type { ViewState } from './viewState';

const FADED = '#e4e4e8';

/** Edge thickness from weight, relative to the heaviest tie, so both weightings look alike. */
export function edgeSize(weight: number, maxWeight: number): number {
  return 0.4 + 3.6 * Math.sqrt(weight / (maxWeight || 1));
}

export function makeReducers(graph: CoauthorGraph, getState: () => ViewState, getVisibility: () => Visibility, maxWeight: () => number): Pick<Settings, 'nodeReducer' | 'edgeReducer'> {
  return {
    nodeReducer: (node, data) => {
      const s = getState();
      const vis = getVisibility();
      if (!vis.node(node)) return { ...data, hidden: true };
      const res = { ...data };
      const spotlight = s.hovered ?? s.author;
      if (spotlight && graph.hasNode(spotlight)) {
        if (node === spotlight) { res.highlighted = true; res.zIndex = 2; res.forceLabel = true; }
        else if (graph.areNeighbors(node, spotlight)) { res.zIndex = 1; if (s.hovered) res.forceLabel = graph.degree(spotlight) <= 40; }
        else { res.color = FADED; res.label = ''; res.zIndex = 0; }
      }
      if (s.tie && (node === s.tie[0] || node === s.tie[1])) { res.highlighted = true; res.forceLabel = true; }
      return res;
    },
    edgeReducer: (edge, data) => {
      const s = getState();
      const vis = getVisibility();
      if (!vis.edge(edge)) return { ...data, hidden: true };
      const weight = graph.getEdgeAttribute(edge, 'weight');
      const res: Partial<EdgeDisplayData> = { ...data, size: edgeSize(weight, maxWeight()), color: '#c9ccd6' };
      const spotlight = s.hovered ?? s.author;
      if (spotlight && graph.hasNode(spotlight)) {
        if (graph.hasExtremity(edge, spotlight)) { res.color = '#5b6275'; res.zIndex = 1; }
        else res.hidden = true;
      }
      if (s.tie && graph.hasExtremity(edge, s.tie[0]) && graph.hasExtremity(edge, s.tie[1])) { res.color = '#d2492a'; res.hidden = false; res.zIndex = 2; }
      return res;
    },
  };
}
