// Runs a whole corpus's louvain (typedLouvain: the library's algorithm on flat arrays) in a worker thread when the
// bundled worker is there (installed CLI), else on this thread (sources run through tsx): the same groups either way.

import { Worker } from 'node:worker_threads';
import type { GroupOptions, TieArrays } from '../graph/groups';
import type { CompactTies } from '../graph/compactGraph';
import { typedLouvain } from '../graph/typedLouvain';
import { bundledWorker } from './bundledWorker';
import { stageNote } from './progress';

const WORKER = bundledWorker('louvainWorker.mjs');

/**
 * The array in shared memory, which a worker handed it reads in place instead of copying it: as it is when it is
 * there already (large arrays are made there: see uncounted.ts), else a copy trimmed to the view.
 */
export function shared<T extends Int32Array | Float64Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const out = new (a.constructor as new (b: SharedArrayBuffer) => T)(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}

/**
 * The tie endpoints and weights moved into shared memory, for louvainInThread: the caller keeps using the returned
 * tables and drops its own, so the arrays exist once (on 33.6M ties, about 540 MB less at the peak).
 */
export function inSharedMemory({ ties, arrays }: CompactTies): CompactTies {
  if (!WORKER) return { ties, arrays };
  const source = shared(ties.source); const target = shared(ties.target);
  return { ties: { ...ties, source, target }, arrays: { ...arrays, source, target, weight: shared(arrays.weight) } };
}


/**
 * Old-generation room for the worker: louvain's live data (index arrays, each level's induced graph) with some
 * slack. A tight limit makes V8 collect each level's garbage at once instead of letting gigabytes pile up.
 */
function workerHeapMb(ties: TieArrays): number {
  return Math.ceil((ties.count * 64 + ties.order * 200) / 2 ** 20) + 256;
}

export function louvainInThread(ties: TieArrays, options: GroupOptions): Promise<{ membership: Int32Array; modularity: number }> {
  if (!WORKER) return Promise.resolve(typedLouvain(ties, options));
  return new Promise((resolve, reject) => {
    const resourceLimits = { maxOldGenerationSizeMb: workerHeapMb(ties) };
    const worker = new Worker(WORKER, { workerData: { ties, options }, resourceLimits });
    let done = false;
    worker.once('message', (found: { membership: Int32Array; modularity: number }) => { done = true; resolve(found); void worker.terminate(); });
    worker.once('error', (e: Error & { code?: string }) => {
      done = true;
      // Out of its room: the same louvain runs here, with the process's own heap (slower, same groups).
      if (e.code !== 'ERR_WORKER_OUT_OF_MEMORY') { reject(e); return; }
      stageNote('the groups worker ran out of its memory: finding the groups on this thread (slower, same groups)');
      resolve(typedLouvain(ties, options));
    });
    worker.once('exit', (code) => {
      if (!done && code !== 0) reject(new Error(`the groups worker stopped (exit ${code})`));
    });
  });
}
