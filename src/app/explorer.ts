// The graph view: sigma on a graphology graph, with view state applied through reducers, camera focus, panels and legend.

import Sigma from 'sigma';
import type { CoauthorGraph, GraphPaper } from '../graph/buildGraph';
import type { EdgeAttributes, NodeAttributes } from '../types';
import { byId } from './dom';
import { renderLegend } from './legend';
import { papersByAuthor, renderAuthorPanel, renderTiePanel } from './panel';
import type { RecomputedMessage } from './protocol';
import { makeReducers } from './reducers';
import { buildSearch } from './search';
import type { Visibility } from './visibility';
import { computeVisibility } from './visibility';
import type { ViewState } from './viewState';

/** Beyond this many ties the view starts from the strongest ones and says so. */
export const MAX_DRAWN_TIES = 60_000;

/** The smallest tie weight that keeps at most MAX_DRAWN_TIES ties (a weight some tie has, so the filter reads cleanly), or 0 when the whole graph fits. */
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

export class Explorer {
  graph: CoauthorGraph;
  sigma: Sigma<NodeAttributes, EdgeAttributes>;
  private searchIndex?: ReturnType<typeof buildSearch>;
  papers: GraphPaper[];
  private byAuthor: Map<string, GraphPaper[]>;
  private visibility: Visibility;
  private maxWeight = 1;

  /** The state's filters must be final before this: sigma indexes the graph once, here. */
  constructor(graph: CoauthorGraph, private state: ViewState, private onChange: () => void) {
    this.graph = graph;
    this.papers = (this.graph.getAttribute('papers') as GraphPaper[] | undefined) ?? [];
    this.byAuthor = papersByAuthor(this.papers);
    this.updateMaxWeight();
    this.visibility = computeVisibility(this.graph, state);
    const big = this.graph.size > 5000;
    this.sigma = new Sigma(this.graph, byId('graph'), {
      ...makeReducers(this.graph, () => this.state, () => this.visibility, () => this.maxWeight),
      enableEdgeEvents: this.graph.size <= 50_000,
      hideEdgesOnMove: big,
      hideLabelsOnMove: this.graph.order > 5000,
      labelDensity: 0.6,
      labelGridCellSize: 120,
      labelRenderedSizeThreshold: this.graph.order > 2000 ? 10 : 7,
      labelFont: 'system-ui, sans-serif',
      labelSize: 13,
      zIndex: true,
      minCameraRatio: 0.01,
      maxCameraRatio: 20,
      defaultEdgeColor: '#c9ccd6',
    });
    this.sigma.on('enterNode', ({ node }) => { this.state.hovered = node; this.sigma.refresh({ skipIndexation: true }); });
    this.sigma.on('leaveNode', () => { this.state.hovered = undefined; this.sigma.refresh({ skipIndexation: true }); });
    this.sigma.on('clickNode', ({ node }) => this.focusAuthor(node, false));
    this.sigma.on('clickEdge', ({ edge }) => this.selectTie(this.graph.source(edge), this.graph.target(edge)));
    this.sigma.on('clickStage', () => { if (this.state.author || this.state.tie) this.closePanel(); });
  }

  private updateMaxWeight(): void {
    let m = 0;
    this.graph.forEachEdge((_e, a) => { if (a.weight > m) m = a.weight; });
    this.maxWeight = m || 1;
  }


  /** Side panels, legend and URL for the current state, without re-indexing the graph in sigma. */
  renderSideAndUrl(): void {
    this.renderSide();
    this.onChange();
  }

  /** Re-applies filters and settings from the state. */
  refresh(): void {
    this.visibility = computeVisibility(this.graph, this.state);
    this.sigma.refresh();
    this.renderSide();
    this.onChange();
  }

  renderSide(): void {
    const comms = (this.graph.getAttribute('communities') as { id: number; size: number; label: string }[] | undefined) ?? [];
    const colorOf = new Map<number, string>();
    this.graph.forEachNode((_n, a) => { if (!colorOf.has(a.community)) colorOf.set(a.community, a.color); });
    renderLegend(byId('legend'), comms.map((c) => ({ ...c, color: colorOf.get(c.id) ?? '#b4b4b4' })), this.state.hiddenCommunities, (id) => {
      if (this.state.hiddenCommunities.has(id)) this.state.hiddenCommunities.delete(id); else this.state.hiddenCommunities.add(id);
      this.refresh();
    });
    const modularity = this.graph.getAttribute('modularity') as number | undefined;
    let shownNodes = 0; let shownEdges = 0;
    this.graph.forEachNode((n) => { if (this.visibility.node(n)) shownNodes++; });
    this.graph.forEachEdge((e) => { if (this.visibility.edge(e)) shownEdges++; });
    byId('summary').textContent = `${this.graph.order} authors, ${this.graph.size} ties, ${this.papers.length} papers · modularity ${modularity?.toFixed(3) ?? '–'} · showing ${shownNodes} authors and ${shownEdges} ties`;
    const panel = byId('panel');
    const actions = { focusAuthor: (k: string) => this.focusAuthor(k, true), selectTie: (a: string, b: string) => this.selectTie(a, b), close: () => this.closePanel() };
    if (this.state.tie && this.graph.hasNode(this.state.tie[0]) && this.graph.hasNode(this.state.tie[1])) renderTiePanel(panel, this.graph, this.state.tie[0], this.state.tie[1], this.papers, actions);
    else if (this.state.author && this.graph.hasNode(this.state.author)) {
      const c = this.graph.getNodeAttribute(this.state.author, 'community');
      renderAuthorPanel(panel, this.graph, this.state.author, this.byAuthor.get(this.state.author) ?? [], comms[c]?.label ?? `group ${c}`, actions);
    } else panel.hidden = true;
  }

  focusAuthor(key: string, animate = true): void {
    if (!this.graph.hasNode(key)) return;
    this.state.author = key;
    this.state.tie = undefined;
    this.refresh();
    if (animate) this.moveCameraTo(key);
  }

  moveCameraTo(key: string): void {
    const d = this.sigma.getNodeDisplayData(key);
    if (!d) return;
    const camera = this.sigma.getCamera();
    camera.animate({ x: d.x, y: d.y, ratio: Math.min(camera.ratio, 0.5) }, { duration: 600 });
  }

  selectTie(a: string, b: string): void {
    this.state.tie = [a, b];
    this.refresh();
  }

  closePanel(): void {
    this.state.author = undefined;
    this.state.tie = undefined;
    if (this.state.ego) this.state.ego = 0;
    this.refresh();
  }

  /** New weights and communities from the worker (weighting or resolution changed); positions stay. */
  applyRecompute(msg: RecomputedMessage): void {
    if (msg.weights.length !== this.graph.size || msg.communities.length !== this.graph.order) throw new Error(`the worker recomputed a different graph (${msg.communities.length} authors, ${msg.weights.length} ties)`);
    let i = 0;
    this.graph.forEachEdge((e) => { this.graph.setEdgeAttribute(e, 'weight', msg.weights[i++]!); });
    i = 0;
    this.graph.forEachNode((n) => {
      const c = msg.communities[i]!;
      this.graph.mergeNodeAttributes(n, { community: c, color: msg.colors[c] ?? '#b4b4b4', outside: msg.outside[i++]! });
    });
    this.graph.setAttribute('communities', msg.communityInfo);
    this.graph.setAttribute('modularity', msg.modularity);
    this.graph.setAttribute('weighting', this.state.weighting);
    this.graph.setAttribute('resolution', this.state.resolution);
    this.state.hiddenCommunities.clear();
    this.updateMaxWeight();
    this.refresh();
  }

  get maxTieWeight(): number { return this.maxWeight; }

  /** Author suggestions; the index is built on the first query, not at load, to keep the first frame fast. */
  search(query: string, limit?: number): ReturnType<ReturnType<typeof buildSearch>> {
    this.searchIndex ??= buildSearch(this.graph);
    return this.searchIndex(query, limit);
  }

  kill(): void { this.sigma.kill(); }
}
