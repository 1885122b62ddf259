// Half of a graph file's betweenness on a worker thread (the bundled brokersWorker.mjs) while this thread counts the
// other half. The pipeline runs synchronously, so this thread waits for the sums in shared memory (Atomics.wait); a
// worker that fails or stops making progress is given up, and its half is counted here: the same scores either way.

import { Worker } from 'node:worker_threads';
import type { SumsElsewhere } from '../graph/brokers';
import { betweennessSums } from '../graph/brokers';
import { bundledWorker } from './bundledWorker';
import { stageNote } from './progress';

const WORKER = bundledWorker('brokersWorker.mjs');

/** Slots of `state`: the worker's outcome, and how many sources it has done. */
export const STATE = 0;
export const PROGRESS = 1;
export const DONE = 1;
export const FAILED = 2;

/** What the worker is given: the tie index's lists and its sources, and where to put its sums. */
export interface BrokersShare {
  count: number; start: Int32Array; other: Int32Array; from: Int32Array;
  result: Float64Array; state: Int32Array;
}

/**
 * Below this many neighbour slots to visit (ties × 2 × sources), a worker's start (about 0.1 s) is not worth it:
 * 10k synthetic papers (379k slots, 128 sources a half) are above it.
 */
const WORTH_SLOTS = 20_000_000;

/** A worker that has done no source for this long is given up (one source takes a fraction of a second). */
const STALLED_MS = 30_000;

/** Counts half the sources on a worker thread when the bundle has one and the work is worth it. */
export const betweennessInThread: SumsElsewhere | undefined = WORKER ? share : undefined;

function share(index: Parameters<SumsElsewhere>[0], from: Int32Array): (() => Float64Array) | undefined {
  if (index.other.length * from.length < WORTH_SLOTS) return undefined;
  const result = new Float64Array(new SharedArrayBuffer(index.count * 8));
  const state = new Int32Array(new SharedArrayBuffer(8));
  const { count, start, other } = index;
  const data: BrokersShare = { count, start, other, from, result, state };
  let worker: Worker;
  try { worker = new Worker(WORKER!, { workerData: data }); } catch { return undefined; } // no thread: counted here
  worker.unref();
  // A failure is heard by its effect (no sums, or none in time: see waitForShare), not as an event that would reach
  // this thread only after the wait, unhandled.
  worker.on('error', () => undefined);
  stageNote(`brokers: ${from.length} of the sources on a worker thread`);
  return () => {
    const done = waitForShare(state);
    void worker.terminate();
    return done ? result : betweennessSums(index, from);
  };
}

/**
 * Waits for the worker's sums: true once they are there; false when it failed, or did no source in `stalledMs`
 * (stuck, or gone: its exit cannot be heard while this thread waits).
 */
export function waitForShare(state: Int32Array, stalledMs = STALLED_MS): boolean {
  let seen = 0;
  while (Atomics.load(state, STATE) === 0) {
    if (Atomics.wait(state, STATE, 0, stalledMs) !== 'timed-out') continue;
    const progress = Atomics.load(state, PROGRESS);
    if (progress === seen) return false;
    seen = progress;
  }
  return Atomics.load(state, STATE) === DONE;
}
