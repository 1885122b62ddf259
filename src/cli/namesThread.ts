// Suggestions for an unknown name on both cores: parts of the store's name index go to a worker thread (the bundled
// namesWorker.mjs) while this thread scores the rest. From the sources (no bundle) there is no worker.

import { Worker } from 'node:worker_threads';
import type { Candidate } from '../corpus/nearestNames';
import type { NamePart, PartScorer } from '../store/readStore';
import { bundledWorker } from './bundledWorker';

const WORKER = bundledWorker('namesWorker.mjs');

/** A scorer on a worker started at the first part it is given; `close` ends it. Undefined without the bundle. */
export function namesThread(): (PartScorer & { close: () => void }) | undefined {
  if (!WORKER) return undefined;
  let worker: Worker | undefined;
  let asked = 0;
  const waiting = new Map<number, { resolve: (c: Candidate[]) => void; reject: (e: Error) => void }>();
  const fail = (e: Error) => { for (const w of waiting.values()) w.reject(e); waiting.clear(); };
  const start = () => {
    const w = new Worker(WORKER);
    w.on('message', ({ id, candidates }: { id: number; candidates: Candidate[] }) => {
      waiting.get(id)?.resolve(candidates); waiting.delete(id);
    });
    w.on('error', fail);
    w.on('exit', (code) => { if (waiting.size) fail(new Error(`the names worker stopped (exit ${code})`)); });
    return w;
  };
  return {
    score(part: NamePart): Promise<Candidate[]> {
      worker ??= start();
      const id = asked++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker!.postMessage({ id, part });
      });
    },
    close() { void worker?.terminate(); },
  };
}
