// Runs louvain in a worker thread when the bundled worker is there (installed CLI), else on this thread (sources
// run through tsx): the same algorithm and seed either way, so the same groups.

import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { GroupOptions, TieArrays } from '../graph/groups';
import { louvainOnArrays } from '../graph/groups';

const WORKER = new URL('./louvainWorker.mjs', import.meta.url);

export function louvainInThread(ties: TieArrays, options: GroupOptions): Promise<{ membership: Int32Array; modularity: number }> {
  if (!import.meta.url.endsWith('.mjs') || !existsSync(WORKER)) return Promise.resolve(louvainOnArrays(ties, options));
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { ties, options } });
    worker.once('message', (found: { membership: Int32Array; modularity: number }) => { resolve(found); void worker.terminate(); });
    worker.once('error', reject);
    worker.once('exit', (code) => { if (code !== 0) reject(new Error(`the groups worker stopped (exit ${code})`)); });
  });
}
