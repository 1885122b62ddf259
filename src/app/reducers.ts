// Sigma reducers: hover, focus, filters, a chain between two people and the overlays (year colour, broker size)
// change how nodes and edges are drawn, never the graph data itself.

import type { Settings } from 'sigma/settings';
import type { EdgeDisplayData } from 'sigma/types';
import type { CoauthorGraph } from '../graph/buildGraph';
import { brokerSize, yearColor } from './overlays';
import type { Visibility } from './visibility';
import type { ViewState } from './viewState';

const FADED = '#e4e4e8';
const PATH_COLOR = '#d2492a';

/** What the reducers read besides the state: the chain shown, and the overlays' scales. */
export interface ViewExtras {
  /** Authors and ties ("a|b", either order) on the chains shown. */
  path?: { nodes: Set<string>; ties: Set<string> };
  meanYears: () => Map<string, number>;
  yearSpan: () => [number, number] | undefined;
  maxBetweenness: () => number;
}

/** Edge thickness from weight, relative to the heaviest tie, so both weightings look alike. */
export function edgeSize(weight: number, maxWeight: number): number {
  return 0.4 + 3.6 * Math.sqrt(weight / (maxWeight || 1));
}

export function makeReducers(
  graph: CoauthorGraph, getState: () => ViewState, getVisibility: () => Visibility, maxWeight: () => number,
  extras: () => ViewExtras,
): Pick<Settings, 'nodeReducer' | 'edgeReducer'> {
  return {
    nodeReducer: (node, data) => {
      const s = getState();
      const vis = getVisibility();
      if (!vis.node(node)) return { ...data, hidden: true };
      const res = { ...data };
      const x = extras();
      if (s.colorBy === 'year') res.color = yearColor(x.meanYears().get(node), x.yearSpan());
      if (s.sizeBy === 'betweenness') {
        res.size = brokerSize(graph.getNodeAttribute(node, 'betweenness'), x.maxBetweenness());
      }
      if (x.path) {
        if (x.path.nodes.has(node)) { res.highlighted = true; res.forceLabel = true; res.zIndex = 2; }
        else { res.color = FADED; res.label = ''; res.zIndex = 0; }
        return res;
      }
      const spotlight = s.hovered ?? s.author;
      // An open group stands out from the rest until someone is hovered or focused.
      if (!spotlight && s.group !== undefined && graph.getNodeAttribute(node, 'community') !== s.group) {
        res.color = FADED; res.label = ''; res.zIndex = 0;
      }
      if (spotlight && graph.hasNode(spotlight)) {
        if (node === spotlight) { res.highlighted = true; res.zIndex = 2; res.forceLabel = true; }
        else if (graph.areNeighbors(node, spotlight)) {
          res.zIndex = 1;
          if (s.hovered) res.forceLabel = graph.degree(spotlight) <= 40;
        }
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
      const path = extras().path;
      if (path) {
        const [a, b] = graph.extremities(edge);
        if (path.ties.has(`${a}|${b}`) || path.ties.has(`${b}|${a}`)) {
          res.color = PATH_COLOR; res.size = Math.max(3, res.size ?? 1); res.zIndex = 2;
        } else res.hidden = true;
        return res;
      }
      const spotlight = s.hovered ?? s.author;
      if (!spotlight && s.group !== undefined) {
        const [a, b] = graph.extremities(edge);
        const outside = (n: string) => graph.getNodeAttribute(n, 'community') !== s.group;
        if (outside(a) && outside(b)) res.hidden = true;
      }
      if (spotlight && graph.hasNode(spotlight)) {
        if (graph.hasExtremity(edge, spotlight)) { res.color = '#5b6275'; res.zIndex = 1; }
        else res.hidden = true;
      }
      if (s.tie && graph.hasExtremity(edge, s.tie[0]) && graph.hasExtremity(edge, s.tie[1])) {
        res.color = PATH_COLOR; res.hidden = false; res.zIndex = 2;
      }

      return res;
    },
  };
}
