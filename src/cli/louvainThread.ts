// Finds a whole corpus's groups (typedLouvain: the library's algorithm on flat arrays; then numbered and coloured) in
// a worker thread when the bundled worker is there (installed CLI), else on this thread (sources run through tsx):
// the same groups either way.

import { Worker } from 'node:worker_threads';
import type { ColoredGroups } from '../graph/groupNumbers';
import { colorGroups, numberGroups } from '../graph/groupNumbers';
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
 * The tie endpoints and weights moved into shared memory, for groupsInThread: the caller keeps using the returned
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

/** Louvain's groups, numbered by size and coloured, with their modularity. */
export interface FoundGroups extends ColoredGroups { modularity: number }

/** The groups of the tie arrays, numbered and coloured (the worker's work, or this thread's without one). */
export function foundGroups(ties: TieArrays, options: GroupOptions): FoundGroups {
  const { membership, modularity } = typedLouvain(ties, options);
  return { ...colorGroups(numberGroups(ties.order, membership), options.seed), modularity };
}

export function groupsInThread(ties: TieArrays, options: GroupOptions): Promise<FoundGroups> {
  if (!WORKER) return Promise.resolve(foundGroups(ties, options));
  return new Promise((resolve, reject) => {
    const resourceLimits = { maxOldGenerationSizeMb: workerHeapMb(ties) };
    // The two options louvain reads, not a build's whole options (which may hold functions, and cannot be cloned).
    const { resolution, seed } = options;
    const worker = new Worker(WORKER, { workerData: { ties, options: { resolution, seed } }, resourceLimits });
    let done = false;
    worker.once('message', (found: FoundGroups) => { done = true; resolve(found); void worker.terminate(); });
    worker.once('error', (e: Error & { code?: string }) => {
      done = true;
      // Out of its room: the same louvain runs here, with the process's own heap (slower, same groups).
      if (e.code !== 'ERR_WORKER_OUT_OF_MEMORY') { reject(e); return; }
      stageNote('the groups worker ran out of its memory: finding the groups on this thread (slower, same groups)');
      resolve(foundGroups(ties, options));
    });
    worker.once('exit', (code) => {
      if (!done && code !== 0) reject(new Error(`the groups worker stopped (exit ${code})`));
    });
  });
}
