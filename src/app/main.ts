// Explorer entry: loads the seeds (or a served store's group map), then wires view, controls, files, toolbar and URL.

import Graph from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type { Report } from '../corpus/report';
import { importPrepared } from '../graph/adjacency';
import type { EdgeAttributes, NodeAttributes } from '../types';
import { byId } from './dom';
import { notice, progress } from './status';
import { strongestThreshold } from './drawnTies';
import { Explorer } from './explorer';
import { syncControls, syncYears, wireControls } from './controls';
import { createLoader, readFiles, seedFiles, wireFileInputs } from './loader';
import { renderReport } from './reportView';
import { openSavedGraph } from './savedGraph';
import { wireToolbar } from './toolbar';
import { hashToState, stateToHash } from './viewState';
import type { AtlasLevel, AtlasTarget } from '../atlas/level';
import { atlasDefaults, parseTarget, targetToString } from '../atlas/level';
import type { AtlasClient } from './atlasView';
import { renderAtlasBar, storeClient } from './atlasView';
import { atlasHooks } from './atlasHooks';
import type { ExplorerHooks } from './explorer';

const state = hashToState(location.hash);
let explorer: Explorer | undefined;
let reportText = '';
let pendingFocus = state.author;
let pendingPath = state.pathTo;
/** The whole corpus's years (the year sliders' ends). */
let yearSpan: [number, number] | undefined;
/** Load timings (performance.now), read by the browser benchmark. */
const timings: {
  fileChosen?: number; read?: number; opened?: number; indexed?: number; shown?: number; level?: number;
} = {};
/** A big graph's group map: where its views come from (the worker, or a served store) and the view shown. */
let atlas: AtlasClient | undefined;
let level: AtlasLevel | undefined;
let lastReport: { report: Report; text: string } | undefined;

/** Set while a view the user opened is shown: its URL becomes a new history entry, so Back returns to the last view. */
let pushView = false;

function writeUrl(): void {
  const hash = stateToHash(state);
  const url = hash || location.pathname + location.search;
  if (hash === location.hash) { pushView = false; return; }
  if (pushView) history.pushState(null, '', url); else history.replaceState(null, '', url);
  pushView = false;
}

const { stopLayout } = wireToolbar({ explorer: () => explorer, state, reportText: () => reportText });

const loader = createLoader({
  progress: (stage, done, total) => progress(stage, done, total),
  failed: (message, report) => {
    progress(undefined);
    if (report) { renderReport(byId('report'), report); }
    const still = report ? '. The previous graph is still shown; see the data report for details.' : '';
    notice(`Could not load: ${message}${still}`, 'error');
  },
  recomputed: (msg) => {
    progress(undefined);
    if (!explorer) return;
    try {
      explorer.applyRecompute(msg);
    } catch (e) {
      notice(`Could not recompute groups: ${(e as Error).message}.`, 'error');
      return;
    }
    syncControls(state, explorer.maxTieWeight, maxPapersOf());
  },
  roster: (msg) => {
    progress(undefined);
    if (msg.level) showLevel(msg.level);
    if (!explorer) return;
    explorer.showRoster(msg.matches, msg.network, msg.members, msg.shared);
    syncControls(state, explorer.maxTieWeight, maxPapersOf());
    const lines = msg.skipped.map((i) => `line ${i.line}`).join(', ');
    const skipped = `Roster: ${msg.skipped.length} line(s) are not names and were skipped (${lines}).`;
    notice(msg.skipped.length ? skipped : '');
  },
  level: (l) => showLevel(l),
  loaded: (msg) => {
    yearSpan = msg.yearSpan;
    if (msg.level) {
      atlas = { level: (t, cap) => loader.level(t, cap), search: (q, limit) => loader.search(q, limit) };
      lastReport = { report: msg.report, text: msg.reportText };
      const wanted = state.view ? parseTarget(state.view) : undefined;
      if (wanted && wanted.kind !== 'map') { openLevel(wanted, state.ties); return; }
      showLevel(msg.level);
      return;
    }
    leaveAtlas();
    show(graphOf(msg.graph), msg.report, msg.reportText);
  },
});

type ShownGraph = Graph<NodeAttributes, EdgeAttributes>;

/** A graph the worker or a server prepared, as the graphology graph the explorer shows. */
function graphOf(prepared: unknown): ShownGraph {
  const graph: ShownGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  return importPrepared(graph, prepared as SerializedGraph<NodeAttributes, EdgeAttributes>);
}

function leaveAtlas(): void {
  atlas = undefined; level = undefined; state.view = undefined; state.ties = undefined;
  byId('atlas-bar').hidden = true;
}

/** Asks for a view of the group map; it replaces the one shown when it comes. */
function openLevel(target: AtlasTarget, cap?: number, how: 'new' | 'history' = 'new'): void {
  if (!atlas) return;
  if (target.kind === 'ego') pendingFocus = target.author;
  progress(target.kind === 'map' ? 'group map' : target.kind === 'group' ? 'opening the group' : 'collaborators');
  atlas.level(target, cap).then((l) => showLevel(l, how === 'new'), (e: Error) => {
    progress(undefined);
    notice(`Could not open this view: ${e.message}.`, 'error');
  });
}

/** Puts a view of the group map on screen, with its breadcrumbs (and a history entry when the user opened it). */
function showLevel(l: AtlasLevel, newEntry = false): void {
  const first = !level;
  level = l;
  pushView = newEntry && !first;
  state.view = l.target.kind === 'map' || l.target.kind === 'roster' ? undefined : targetToString(l.target);
  state.ties = l.target.kind !== 'map' && l.ties.cap && l.ties.cap !== atlasDefaults.tieCap ? l.ties.cap : undefined;
  state.minWeight = 0; state.minPapers = 1; state.hiddenCommunities.clear();
  state.group = undefined; state.tie = undefined;
  state.pathTo = undefined;
  if (l.target.kind === 'ego') state.ego = 0;
  const graph = graphOf(l.graph);
  // The bar first: sigma measures its container once it has its final height.
  renderAtlasBar(byId('atlas-bar'), l, openLevel);
  const hooks = atlasHooks({ explorer: () => explorer, level: () => level, open: openLevel });
  show(graph, lastReport!.report, lastReport!.text, '', hooks);
  timings.level = performance.now();
}

/** Puts a new graph on screen: the view state is settled first so sigma indexes the graph once. */
function show(graph: ShownGraph, report: Report, text: string, hint = '', hooks?: ExplorerHooks): void {
  progress(undefined);
  stopLayout();
  explorer?.kill();
  reportText = text;
  renderReport(byId('report'), report);
  const threshold = strongestThreshold(graph);
  if (threshold > state.minWeight) {
    state.minWeight = threshold;
    const cut = Number(threshold.toFixed(3));
    notice(`${hint}This network has ${graph.size.toLocaleString()} ties; showing the strongest first `
      + `(minimum tie strength ${cut}). Lower the filter to see more.`);
  } else {
    const { error, warning } = report.issueCounts;
    notice(hint + (error || warning ? `Read ${report.records} records from ${report.sources.length} file(s): `
      + `${error} errors, ${warning} warnings. Open “Data report” for details.` : ''));
  }
  const focus = pendingFocus && graph.hasNode(pendingFocus) ? pendingFocus : undefined;
  state.author = focus;
  pendingFocus = undefined;
  const pathTo = focus && pendingPath && graph.hasNode(pendingPath) ? pendingPath : undefined;
  pendingPath = undefined;
  state.pathTo = undefined; state.roster = undefined;
  const groups = (graph.getAttribute('communities') as unknown[] | undefined)?.length ?? 0;
  if (state.group !== undefined && state.group >= groups) state.group = undefined;
  explorer = new Explorer(graph, state, writeUrl, hooks);
  syncYears(state, yearSpan);
  timings.indexed = performance.now();
  syncControls(state, explorer.maxTieWeight, maxPapersOf());
  explorer.renderSideAndUrl();
  if (pathTo) explorer.showPath(focus!, pathTo);
  else if (!focus && state.group !== undefined) explorer.openGroup(state.group);
  timings.shown = performance.now();
  document.body.dataset.ready = 'true';
}

const settings = () => ({
  weighting: state.weighting, resolution: state.resolution, seed: 42, ...(state.years ? { years: state.years } : {}),
});
const maxPapersOf = (): number => {
  let m = 1;
  explorer?.graph.forEachNode((_n, a) => { if (a.papers > m) m = a.papers; });
  return m;
};
const recompute = () => { progress('communities'); loader.recompute(settings()); };

wireControls({
  explorer: () => explorer, state, recompute: () => { state.minWeight = 0; recompute(); },
  rebuildYears: () => {
    pendingFocus = state.author; pendingPath = state.pathTo;
    progress(state.years ? `papers of ${state.years.join('–')}` : 'all years');
    loader.years(settings());
  },
  roster: (name, text) => { progress('roster'); loader.roster(name, text); },
  clearRoster: () => {
    explorer?.clearRoster();
    if (explorer) syncControls(state, explorer.maxTieWeight, maxPapersOf());
  },
  findAuthors: async (q) => (atlas ? atlas.search(q, 8) : explorer?.search(q) ?? []),
  // On the group map an author opens on their ego network; a graph shown whole focuses them in place.
  chooseAuthor: (hit) => {
    if (atlas) openLevel({ kind: 'ego', author: hit.key, depth: 1 });
    else explorer?.focusAuthor(hit.key, true);
  },
});

wireFileInputs(byId<HTMLInputElement>('file-input'), byId('drop-overlay'), async (files) => {
  timings.fileChosen = performance.now();
  notice(`Reading ${files.length} file(s)…`);
  pendingFocus = undefined;
  state.author = undefined; state.tie = undefined; state.ego = 0; state.minWeight = 0; state.minPapers = 1;
  state.hiddenCommunities.clear();
  state.years = undefined; state.group = undefined; state.pathTo = undefined; yearSpan = undefined;
  state.view = undefined; state.ties = undefined;
  const read = await readFiles(files);
  timings.read = performance.now();
  const saved = await openSavedGraph(read, {
    adoptMap: (f) => loader.adoptMap(f), adopt: (f) => loader.adopt(f),
    show: (graph, report, text, hint) => show(graph, report, text, hint),
    opened: () => { timings.opened = performance.now(); },
  });
  if (!saved) loader.load(read, settings());
});

window.addEventListener('hashchange', () => {
  const next = hashToState(location.hash);
  const roster = state.roster;
  const yearsBefore = state.years?.join('-');
  // Every shareable field comes from the URL, including the ones it no longer has.
  const cleared = {
    author: undefined, tie: undefined, pathTo: undefined, group: undefined, years: undefined, view: undefined,
    ties: undefined,
  };
  Object.assign(state, cleared, next, { roster });
  if (atlas && level && (state.view ?? 'map') !== targetToString(level.target)) {
    pendingFocus = state.author;
    openLevel(parseTarget(state.view ?? 'map') ?? { kind: 'map' }, state.ties, 'history');
    return;
  }
  if (explorer) {
    syncControls(state, explorer.maxTieWeight, maxPapersOf());
    if (state.years?.join('-') !== yearsBefore) {
      pendingFocus = state.author; pendingPath = state.pathTo;
      loader.years(settings());
      return;
    }
    const shownWith = (k: 'weighting' | 'resolution') => explorer!.graph.getAttribute(k) as unknown;
    if (state.weighting !== shownWith('weighting') || state.resolution !== shownWith('resolution')) recompute();
    if (state.author && state.pathTo) explorer.showPath(state.author, state.pathTo);
    else if (state.author) explorer.focusAuthor(state.author, true);
    else if (state.group !== undefined) explorer.openGroup(state.group);
    else explorer.refresh();
  }
});

// Read-only handle for tests and the browser console.
(window as unknown as { coauthorGraph: unknown }).coauthorGraph = {
  get graph() { return explorer?.graph; },
  get sigma() { return explorer?.sigma; },
  state,
  timings,
  visibleNodes: () => explorer?.graph.filterNodes((n) => !explorer!.sigma.getNodeDisplayData(n)?.hidden) ?? [],
};

/** A page opened by `serve` shows the store's group map; otherwise the seeds, built in the worker. */
async function start(): Promise<void> {
  const store = await storeClient(() => progress('the server is preparing its store'));
  if (!store) { progress('parse'); loader.load(seedFiles(), settings()); return; }

  document.body.dataset.served = 'true';
  // A store's groups and weights were fixed when it was built: those controls would rebuild what the server holds.
  for (const id of ['roster-open', 'weighting', 'resolution']) {
    const input = byId<HTMLInputElement>(id);
    input.disabled = true;
    input.title = `fixed when ${store.info.store} was built (build it again to change it)`;
  }
  atlas = store;
  progress('group map');
  lastReport = await store.report().catch(() => undefined);
  if (!lastReport) { notice('The store server did not answer: is `serve` still running?', 'error'); return; }
  openLevel(parseTarget(state.view ?? 'map') ?? { kind: 'map' }, state.ties, 'history');
}
void start();
