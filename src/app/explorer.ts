// The graph view: sigma on a graphology graph, view state applied through reducers, camera focus, panels, legend.

import Sigma from 'sigma';
import { fitViewportToNodes } from '@sigma/utils';
import type { RosterMatches } from '../corpus/roster';
import type { CoauthorGraph, GraphPaper } from '../graph/buildGraph';
import type { PathView } from '../graph/pathView';
import { graphPathSource } from '../graph/graphIndex';
import { pathView } from '../graph/pathView';
import type { RosterNetwork } from '../graph/rosterNetwork';
import type { EdgeAttributes, NodeAttributes } from '../types';
import { byId } from './dom';
import { GraphFacts } from './graphFacts';
import { groupFactsOf } from './groupFacts';
import { nonOverlappingLabels } from './labels';
import { renderLegend } from './legend';
import { renderYearLegend } from './overlays';
import { papersByAuthor, renderAuthorPanel, renderTiePanel } from './panel';
import type { RecomputedMessage } from './protocol';
import { applyRecomputed } from './recomputed';
import { brokerLine, pathPicker, renderGroupPanel, renderPathPanel, renderRosterPanel } from './questionPanels';
import type { ViewExtras } from './reducers';
import { makeReducers } from './reducers';
import { buildSearch } from './search';
import type { Visibility } from './visibility';
import { computeVisibility } from './visibility';
import type { ViewState } from './viewState';

/** What the group map changes in the view: a group node opens its group, and views are asked for elsewhere. */
export interface ExplorerHooks {
  /** A click on a node: true when handled (a group of the map opens). */
  openNode?: (key: string) => boolean;
  /** A click on a tie: true when handled (a link between groups has no papers to list). */
  selectEdge?: (edge: string) => boolean;
  /** The legend's › on a group: true when handled. */
  openGroup?: (community: number) => boolean;
  /** The legend's line about one-member entries (in a view of part of a graph they are groups with one author here). */
  singlesNote?: (n: number) => string;
  /** The sidebar's one-line summary of what is shown (a map view counts groups and links). */
  describe?: (shownNodes: number, shownEdges: number) => string;
  /** More buttons in an author's panel. */
  authorExtras?: (key: string) => HTMLElement[];
}

/** A group as the graph's `communities` attribute lists it. */
type GroupInfo = { id: number; size: number; label: string };

export class Explorer {
  graph: CoauthorGraph;
  sigma: Sigma<NodeAttributes, EdgeAttributes>;
  private searchIndex?: ReturnType<typeof buildSearch>;
  papers: GraphPaper[];
  private byAuthor: Map<string, GraphPaper[]>;
  private visibility: Visibility;
  private maxWeight = 1;
  readonly facts: GraphFacts;
  private extras: ViewExtras;
  /** The chain question on screen: its ends, and the answer once computed. */
  private path?: { from: string; to: string; view?: PathView };
  private roster?: { matches: RosterMatches; network: RosterNetwork };
  private resizeWatch: ResizeObserver;

  /** The state's filters must be final before this: sigma indexes the graph once, here. */
  constructor(
    graph: CoauthorGraph, private state: ViewState, private onChange: () => void, private hooks: ExplorerHooks = {},
  ) {
    this.graph = graph;
    this.papers = (this.graph.getAttribute('papers') as GraphPaper[] | undefined) ?? [];
    this.byAuthor = papersByAuthor(this.papers);
    this.facts = new GraphFacts(graph, this.papers);
    let maxBetweenness: number | undefined;
    this.extras = {
      meanYears: () => this.facts.meanYears(),
      yearSpan: () => this.facts.yearSpan(),
      maxBetweenness: () => (maxBetweenness ??= this.graph.reduceNodes(
        (m, _n, a) => Math.max(m, a.betweenness ?? 0), 0)),
    };
    this.updateMaxWeight();
    this.visibility = computeVisibility(this.graph, state);
    const big = this.graph.size > 5000;
    const labels = nonOverlappingLabels();
    this.sigma = new Sigma(this.graph, byId('graph'), {
      defaultDrawNodeLabel: labels.draw,
      ...makeReducers(this.graph, () => this.state, () => this.visibility, () => this.maxWeight, () => this.extras),
      enableEdgeEvents: this.graph.size <= 50_000,
      hideEdgesOnMove: big,
      hideLabelsOnMove: this.graph.order > 5000,
      // Few labels per screen cell; the label drawer skips any that would still overlap.
      labelDensity: 0.5,
      labelGridCellSize: 120,
      labelRenderedSizeThreshold: this.graph.order > 2000 ? 10 : 7,
      labelFont: 'system-ui, sans-serif',
      labelSize: 13,
      zIndex: true,
      minCameraRatio: 0.01,
      maxCameraRatio: 20,
      defaultEdgeColor: '#c9ccd6',
    });
    this.sigma.on('beforeRender', labels.reset);
    // Bars and notices above the graph come and go: sigma measures its container again whenever its size changes,
    // or clicks would land where nodes were drawn before.
    this.resizeWatch = new ResizeObserver(() => { this.sigma.resize(); this.sigma.refresh({ skipIndexation: true }); });
    this.resizeWatch.observe(byId('graph'));
    const redraw = () => this.sigma.refresh({ skipIndexation: true });
    this.sigma.on('enterNode', ({ node }) => { this.state.hovered = node; redraw(); });
    this.sigma.on('leaveNode', () => { this.state.hovered = undefined; redraw(); });
    this.sigma.on('clickNode', ({ node }) => { if (!this.hooks.openNode?.(node)) this.focusAuthor(node, false); });
    this.sigma.on('clickEdge', ({ edge }) => {
      if (!this.hooks.selectEdge?.(edge)) this.selectTie(this.graph.source(edge), this.graph.target(edge));
    });
    this.sigma.on('clickStage', () => {
      if (this.state.author || this.state.tie || this.state.group !== undefined) this.closePanel();
    });
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
    const comms = (this.graph.getAttribute('communities') as GroupInfo[] | undefined) ?? [];
    const colorOf = new Map<number, string>();
    this.graph.forEachNode((_n, a) => { if (!colorOf.has(a.community)) colorOf.set(a.community, a.color); });
    const entries = comms.map((c) => ({ ...c, color: colorOf.get(c.id) ?? '#b4b4b4' }));
    renderLegend(byId('legend'), entries, this.state.hiddenCommunities, (id) => {
      const hidden = this.state.hiddenCommunities;
      if (hidden.has(id)) hidden.delete(id); else hidden.add(id);
      this.refresh();
    }, (id) => { if (!this.hooks.openGroup?.(id)) this.openGroup(id); }, this.hooks.singlesNote);
    const overlay = byId('overlay-legend');
    if (this.state.colorBy === 'year') renderYearLegend(overlay, this.facts.yearSpan()); else overlay.replaceChildren();
    const modularity = this.graph.getAttribute('modularity') as number | undefined;
    let shownNodes = 0; let shownEdges = 0;
    this.graph.forEachNode((n) => { if (this.visibility.node(n)) shownNodes++; });
    this.graph.forEachEdge((e) => { if (this.visibility.edge(e)) shownEdges++; });
    byId('summary').textContent = this.hooks.describe?.(shownNodes, shownEdges)
      ?? `${this.graph.order} authors, ${this.graph.size} ties, ${this.papers.length} papers · `
      + `modularity ${modularity?.toFixed(3) ?? '–'} · showing ${shownNodes} authors and ${shownEdges} ties`;
    const panelWasHidden = byId('panel').hidden;
    this.renderPanel(comms);
    // The panel takes width from the graph: sigma must measure its container again before any camera move.
    if (byId('panel').hidden !== panelWasHidden) { this.sigma.resize(); this.sigma.refresh({ skipIndexation: true }); }
  }

  private get actions() {
    return {
      focusAuthor: (k: string) => this.focusAuthor(k, true), selectTie: (a: string, b: string) => this.selectTie(a, b),
      close: () => this.closePanel(),
    };
  }

  private renderPanel(comms: GroupInfo[]): void {
    const panel = byId('panel');
    const s = this.state;
    const has = (k: string | undefined) => !!k && this.graph.hasNode(k);
    if (s.tie && has(s.tie[0]) && has(s.tie[1])) {
      renderTiePanel(panel, this.graph, s.tie[0], s.tie[1], this.papers, this.actions);
    }
    else if (s.author && s.pathTo && has(s.author) && has(s.pathTo)) {
      const p = this.path;
      if (p?.view && p.from === s.author && p.to === s.pathTo) renderPathPanel(panel, p.view, this.actions);
    } else if (s.author && has(s.author)) {
      const a = this.graph.getNodeAttributes(s.author);
      const extra = [
        brokerLine(a.betweenness, this.facts.betweennessRank(s.author), this.graph.order, a.outside),
        pathPicker((q) => this.search(q).filter((h) => h.key !== s.author), (to) => this.showPath(s.author!, to)),
        ...(this.hooks.authorExtras?.(s.author) ?? []),
      ];
      const group = comms[a.community]?.label ?? `group ${a.community}`;
      renderAuthorPanel(panel, this.graph, s.author, this.byAuthor.get(s.author) ?? [], group, this.actions, extra);
    } else if (s.group !== undefined && comms[s.group]) {
      renderGroupPanel(panel, groupFactsOf(this.graph, this.facts, comms[s.group]!), this.actions);
    }
    else if (s.roster && this.roster) renderRosterPanel(panel, this.roster.matches, this.roster.network, this.actions);
    else panel.hidden = true;
  }

  openGroup(id: number): void {
    this.state.group = id;
    this.state.author = undefined; this.state.tie = undefined; this.state.pathTo = undefined; this.path = undefined;
    this.refresh();
    const members = this.graph.filterNodes((_n, a) => a.community === id);
    if (members.length) this.fit(members);
  }

  /** Asks for the chains from one author to another; the panel and the highlight follow when they are found. */
  showPath(from: string, to: string): void {
    if (!this.graph.hasNode(from) || !this.graph.hasNode(to)) return;
    this.state.author = from; this.state.pathTo = to; this.state.tie = undefined; this.state.group = undefined;
    this.path = { from, to };
    const ask = this.path;
    void pathView(this.facts.index, this.facts.position(from), this.facts.position(to), graphPathSource(this.graph), {
      strongest: true, maxChains: 3,
    }).then((view) => {
      if (this.path !== ask) return;
      ask.view = view;
      const chains = [...view.shown, ...(view.strongest ? [view.strongest] : [])];
      const nodes = new Set(chains.flatMap((c) => c.authors.map((a) => a.id)));
      const ties = new Set(chains.flatMap((c) => c.hops.map((h) => `${h.from.id}|${h.to.id}`)));
      this.extras.path = nodes.size ? { nodes, ties } : undefined;
      this.refresh();
      if (nodes.size) this.fit([...nodes]);
    });
    this.refresh();
  }

  /** Shows a roster (matched by the worker): only its members and the collaborators they share. */
  showRoster(matches: RosterMatches, network: RosterNetwork, members: string[], shared: string[]): void {
    this.roster = { matches, network };
    this.state.roster = { members: new Set(members), shared: new Set(shared) };
    Object.assign(this.state, { author: undefined, tie: undefined, group: undefined, pathTo: undefined });
    this.path = undefined; this.extras.path = undefined;
    this.refresh();
    const shown = [...members, ...shared].filter((k) => this.graph.hasNode(k));
    if (shown.length) this.fit(shown);
  }

  clearRoster(): void {
    this.roster = undefined;
    this.state.roster = undefined;
    this.refresh();
  }

  focusAuthor(key: string, animate = true): void {
    if (!this.graph.hasNode(key)) return;
    this.state.author = key;
    this.state.tie = undefined; this.state.group = undefined; this.state.pathTo = undefined;
    this.path = undefined; this.extras.path = undefined;
    this.refresh();
    if (animate) this.moveCameraTo(key);
  }

  /** Moves the camera so that these authors fill the view. */
  private fit(nodes: string[]): void {
    const renderer = this.sigma as unknown as Parameters<typeof fitViewportToNodes>[0];
    void fitViewportToNodes(renderer, nodes, { animate: true });
  }

  /** Frames the author with their collaborators (on a small graph the others stay on screen too). */
  moveCameraTo(key: string): void {
    if (!this.sigma.getNodeDisplayData(key)) return;
    const around = [key, ...this.graph.neighbors(key).filter((n) => this.visibility.node(n))];
    this.fit(around);
  }

  selectTie(a: string, b: string): void {
    this.state.tie = [a, b];
    this.refresh();
  }

  closePanel(): void {
    this.state.author = undefined;
    this.state.tie = undefined;
    this.state.group = undefined;
    this.state.pathTo = undefined;
    this.path = undefined; this.extras.path = undefined;
    if (this.state.ego) this.state.ego = 0;
    this.refresh();
  }

  /** New weights and communities from the worker (weighting or resolution changed); positions stay. */
  applyRecompute(msg: RecomputedMessage): void {
    applyRecomputed(this.graph, msg, this.state);
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

  kill(): void { this.resizeWatch.disconnect(); this.sigma.kill(); }
}
