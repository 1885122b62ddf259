// Worker thread: betweenness sums over its share of the sources (see brokersThread.ts), into shared memory.
import { workerData } from 'node:worker_threads';
import { betweennessSums } from '../graph/brokers';
import type { BrokersShare } from './brokersThread';
import { DONE, FAILED, PROGRESS, STATE } from './brokersThread';

const { count, start, other, from, result, state } = workerData as BrokersShare;
try {
  result.set(betweennessSums({ count, start, other }, from, () => { Atomics.add(state, PROGRESS, 1); }));
  Atomics.store(state, STATE, DONE);
} catch {
  Atomics.store(state, STATE, FAILED);
}
Atomics.notify(state, STATE);
