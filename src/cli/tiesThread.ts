// Finds a whole corpus's ties in a worker thread (the bundled tiesWorker.mjs) while the caller goes on with other work;
// from the sources (no bundle) on this thread: the same ties.

import { Worker } from 'node:worker_threads';
import type { Csr } from '../compact/columns';
import type { CompactGraphOptions, CompactTies } from '../graph/compactGraph';
import { tiesOfLists } from '../graph/compactGraph';
import { bundledWorker } from './bundledWorker';
import { shared } from './louvainThread';

const WORKER = bundledWorker('tiesWorker.mjs');

export interface TiesJob {
  paperAuthors: Csr;
  order: number;
  options: Pick<CompactGraphOptions, 'weighting' | 'maxAuthors'>;
}

/** Papers making fewer pairs than this find their ties on this thread: a worker would save a fraction of a second. */
const ASIDE_FROM_PAIRS = 1_000_000;

/**
 * Whether to find the ties on another thread, for papers making at most `pairs` pairs, given whether writing the
 * corpus tables will outlast finding the groups (only then is this thread's time the longest path).
 * COAUTHOR_GRAPH_TIES_ASIDE=1 always does (the tests send a small corpus's ties to the worker).
 */
export function tiesAsideFor(pairs: number, writesOutlast: boolean): boolean {
  if (!WORKER) return false;
  return process.env.COAUTHOR_GRAPH_TIES_ASIDE === '1' || (pairs >= ASIDE_FROM_PAIRS && writesOutlast);
}

export function tiesInThread(job: TiesJob): Promise<CompactTies> {
  if (!WORKER) return Promise.resolve(tiesOfLists(job.paperAuthors, job.order, job.options));
  // The lists are read in place (large ones are in shared memory already; small ones are copied there).
  const { starts, items } = job.paperAuthors;
  const paperAuthors = { starts: shared(starts), items: shared(items) };
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { ...job, paperAuthors } });
    let done = false;
    worker.once('message', (found: CompactTies) => { done = true; resolve(found); });
    worker.once('error', (e) => { done = true; reject(e); });
    worker.once('exit', (code) => { if (!done) reject(new Error(`the ties worker stopped (exit ${code})`)); });
  });
}
