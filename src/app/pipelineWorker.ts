// The explorer's web worker: runs the same pipeline as the CLI off the main thread, and re-detects communities on request.

/// <reference lib="webworker" />
import { formatReport } from '../corpus/formatReport';
import type { CoauthorGraph, GraphPaper } from '../graph/buildGraph';
import { reweight } from '../graph/buildGraph';
import { setOutsideShares } from '../graph/brokerAttributes';
import { detectCommunities } from '../graph/communities';
import { runPipeline } from '../pipeline';
import { openGraphJson } from './openGraphJson';
import type { RecomputedMessage, WorkerMessage, WorkerRequest } from './protocol';

let current: CoauthorGraph | undefined;
/** Abstracts of the loaded corpus's papers (the graph's `papers` order), for the groups' topic words. */
let abstracts: string[] = [];

function post(msg: WorkerMessage, transfer: Transferable[] = []): void {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg, transfer);
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  try {
    if (req.type === 'adopt') {
      current = openGraphJson(req.name, req.bytes)?.graph;
      abstracts = [];
      return;
    }
    // Saved graph JSON is opened by the page itself and arrives here as 'adopt'; 'load' is for source files.
    if (req.type === 'load') {
      const result = runPipeline(req.files, { weighting: req.weighting, resolution: req.resolution, seed: req.seed, layout: true }, (stage, done, total) => post({ type: 'progress', id: req.id, stage, done, total }));
      if (result.corpus.papers.length === 0) {
        post({ type: 'failed', id: req.id, message: 'nothing usable could be read from these files', report: result.report });
        return;
      }
      current = result.graph;
      abstracts = result.corpus.papers.map((p) => p.abstract ?? '');
      post({ type: 'loaded', id: req.id, graph: result.graph.export(), report: result.report, reportText: formatReport(result.report) });
    } else if (req.type === 'recompute') {
      if (!current) throw new Error('no graph loaded');
      const g = current;
      const sizes = new Map(((g.getAttribute('papers') as GraphPaper[] | undefined) ?? []).map((p) => [p.id, p.authors.length]));
      reweight(g, req.weighting, sizes);
      const text = (p: number) => abstracts[p] ?? '';
      const { communities, modularity } = detectCommunities(g, { resolution: req.resolution, seed: req.seed }, text);
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
