// The explorer's web worker: the CLI's pipeline off the main thread, and groups found again on request.

/// <reference lib="webworker" />
import { formatReport } from '../corpus/formatReport';
import type { CoauthorGraph, GraphPaper } from '../graph/buildGraph';
import { reweight } from '../graph/buildGraph';
import { setBrokerAttributes, setOutsideShares } from '../graph/brokerAttributes';
import { layoutGraph } from '../layout/layout';
import { detectCommunities } from '../graph/communities';
import { matchRoster, parseRoster } from '../corpus/roster';
import { toCorpus } from '../corpus/resolve';
import { resolveTable } from '../corpus/resolveTable';
import { rosterNetwork } from '../graph/rosterNetwork';
import { readTable, runFromCorpus } from '../pipeline';
import type { Corpus, Weighting } from '../types';
import { createAtlas } from '../atlas/atlas';
import type { Atlas } from '../atlas/atlas';
import { graphAtlasData } from '../atlas/graphAtlas';
import { ATLAS_MIN_AUTHORS } from '../atlas/level';
import { openGraphJson } from './openGraphJson';
import type { AtlasLevel } from '../atlas/level';
import type {
  LevelRequest, RecomputedMessage, RosterMessage, SearchRequest, WorkerMessage, WorkerRequest,
} from './protocol';

let current: CoauthorGraph | undefined;
/** The loaded corpus, whole (the year slider cuts it again), and the part the graph shows. */
let whole: Corpus | undefined;
let shown: Corpus | undefined;
/** Abstracts of the loaded corpus's papers (the graph's `papers` order), for the groups' topic words. */
let abstracts: string[] = [];
/** The group map of a graph too big to read whole (undefined: the page shows the whole graph). */
let atlas: Atlas | undefined;

function post(msg: WorkerMessage, transfer: Transferable[] = []): void {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg, transfer);
}

/** Tells the page how far request `id` has got. */
const progressOf = (id: number) => (stage: string, done: number, total: number) =>
  post({ type: 'progress', id, stage, done, total });

function yearSpanOf(corpus: Corpus): [number, number] | undefined {
  let lo = Infinity; let hi = -Infinity;
  for (const p of corpus.papers) if (p.year !== undefined) { lo = Math.min(lo, p.year); hi = Math.max(hi, p.year); }
  return lo <= hi ? [lo, hi] : undefined;
}

/** Graph, groups, brokers and layout of the whole corpus or its years, sent to the page. */
function build(
  id: number, s: { weighting: Weighting; resolution: number; seed: number }, years?: [number, number],
): void {
  const progress = progressOf(id);
  const range = years ? { from: years[0], to: years[1] } : undefined;
  const result = runFromCorpus(whole!, {
    weighting: s.weighting, resolution: s.resolution, seed: s.seed, layout: false, brokers: false,
    ...(range ? { years: range } : {}),
  }, progress);
  // A big graph is shown a group at a time: no layout or betweenness of the whole (minutes at 10^5 authors).
  if (result.graph.order <= ATLAS_MIN_AUTHORS) {
    progress('brokers', 0, 1);
    setBrokerAttributes(result.graph, { seed: s.seed });
    progress('layout', 0, 1);
    layoutGraph(result.graph, { seed: s.seed });
  }
  if (result.corpus.papers.length === 0) {
    const message = range
      ? `no paper has a year from ${range.from} to ${range.to}` : 'nothing usable could be read from these files';
    post({ type: 'failed', id, message, report: result.report });
    return;
  }
  current = result.graph;
  shown = result.corpus;
  abstracts = result.corpus.papers.map((p) => p.abstract ?? '');
  const span = yearSpanOf(whole!);
  const base = {
    type: 'loaded', id, report: result.report, reportText: formatReport(result.report),
    ...(span ? { yearSpan: span } : {}),
  } as const;
  if (result.graph.order > ATLAS_MIN_AUTHORS) {
    void openMap(id, s, (level) => post({ ...base, graph: level.graph, level }));
  } else {
    atlas = undefined;
    post({ ...base, graph: result.graph.export() });
  }
}

/** A fresh group map of the current graph (after a load, new years or new groups). */
async function openMap(
  id: number, s: { resolution: number; seed: number }, send: (level: AtlasLevel) => void,
): Promise<void> {
  post({ type: 'progress', id, stage: 'group map', done: 0, total: 1 });
  atlas = createAtlas(graphAtlasData(current!), { resolution: s.resolution, seed: s.seed });
  send(await atlas.level({ kind: 'map' }));
}

async function answer(req: LevelRequest | SearchRequest): Promise<void> {
  if (!atlas) throw new Error('this graph is shown whole: it has no group map');
  if (req.type === 'level') post({ type: 'level', id: req.id, level: await atlas.level(req.target, req.cap) });
  else post({ type: 'hits', id: req.id, hits: await atlas.search(req.query, req.limit) });
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  try {
    if (req.type === 'level' || req.type === 'search') {
      answer(req).catch((e: Error) => post({ type: 'failed', id: req.id, message: e.message }));
      return;
    }
    if (req.type === 'adopt') {
      const opened = openGraphJson(req.name, req.bytes);
      current = opened?.graph;
      abstracts = []; whole = undefined; shown = undefined; atlas = undefined;
      if (req.map && opened) {
        const report = { report: opened.report, reportText: formatReport(opened.report) };
        const saved = (k: string, fallback: number) => (current!.getAttribute(k) as number | undefined) ?? fallback;
        const s = { resolution: saved('resolution', 1), seed: saved('seed', 42) };
        void openMap(req.id, s, (level) => post({ type: 'loaded', id: req.id, graph: level.graph, level, ...report }));
      }
      return;
    }
    // Saved graph JSON is opened by the page itself and arrives here as 'adopt'; 'load' is for source files.
    if (req.type === 'load') {
      const progress = progressOf(req.id);
      const table = readTable(req.files, progress);
      progress('resolve', 0, 1);
      whole = toCorpus(resolveTable(table));
      build(req.id, req, req.years);
    } else if (req.type === 'years') {
      if (!whole) throw new Error('the year range needs source files (a saved graph has no corpus to cut)');
      build(req.id, req, req.years);
    } else if (req.type === 'roster') {
      if (!current || !shown) {
        throw new Error('a roster needs source files loaded (a saved graph has no spellings to match)');
      }
      const { entries, issues } = parseRoster(req.text, req.name);
      const matches = matchRoster(shown, entries);
      const { network, subgroupOf, shared } = rosterNetwork(current, matches.matched.map((m) => m.author.id), {
        resolution: current.getAttribute('resolution') as number, seed: current.getAttribute('seed') as number,
      });
      const members = [...subgroupOf.keys()];
      const base: RosterMessage = {
        type: 'roster', id: req.id, matches, network, members, shared: [...shared], skipped: issues,
      };
      if (atlas) {
        const id = req.id;
        atlas.rosterLevel([...members, ...shared])
          .then((level) => post({ ...base, level }), (e: Error) => post({ type: 'failed', id, message: e.message }));
      } else post(base);
    } else if (req.type === 'recompute') {
      if (!current) throw new Error('no graph loaded');
      const g = current;
      const papers = (g.getAttribute('papers') as GraphPaper[] | undefined) ?? [];
      const sizes = new Map(papers.map((p) => [p.id, p.authors.length]));

      reweight(g, req.weighting, sizes);
      const text = (p: number) => abstracts[p] ?? '';
      const { communities, modularity } = detectCommunities(g, { resolution: req.resolution, seed: req.seed }, text);
      if (atlas) {
        // The map's groups changed: the page opens the new map (the report stays the build's).
        void openMap(req.id, req, (level) => post({ type: 'level', id: req.id, level }));
        return;
      }
      const weights = new Float64Array(g.size);
      let i = 0;
      g.forEachEdge((_e, a) => { weights[i++] = a.weight; });
      setOutsideShares(g);
      const comm = new Int32Array(g.order); const outside = new Float64Array(g.order);
      i = 0;
      g.forEachNode((_n, a) => { comm[i] = a.community; outside[i++] = a.outside ?? 0; });
      const msg: RecomputedMessage = {
        type: 'recomputed', id: req.id, weights, communities: comm, outside, colors: communities.map((c) => c.color),
        communityInfo: communities.map(({ id, size, label }) => ({ id, size, label })), modularity,
      };
      post(msg, [weights.buffer, comm.buffer, outside.buffer]);
    }
  } catch (e) {
    post({ type: 'failed', id: req.id, message: (e as Error).message });
  }
};
