// Waiting for a worker's half of the betweenness: done, failed, stalled (given up), or slow but going.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { DONE, FAILED, PROGRESS, STATE, waitForShare } from '../../src/cli/brokersThread';

const state = (outcome = 0) => {
  const s = new Int32Array(new SharedArrayBuffer(8));
  s[STATE] = outcome;
  return s;
};

describe('waiting for the brokers worker', () => {
  it('takes sums that are there, and not those of a failed worker', () => {
    expect(waitForShare(state(DONE), 10)).toBe(true);
    expect(waitForShare(state(FAILED), 10)).toBe(false);
  });
  it('gives up on a worker that does no source in the time allowed', () => {
    const t = performance.now();
    expect(waitForShare(state(), 50)).toBe(false);
    expect(performance.now() - t).toBeGreaterThanOrEqual(45);
    expect(performance.now() - t).toBeLessThan(2000);
  });
  it('waits for a worker slower than that time, as long as it keeps finishing sources', () => {
    const s = state();
    // Ten sources of 40 ms each, then done: 400 ms in all, against 100 ms allowed without progress.
    const code = `const { workerData: s } = require('node:worker_threads');
      const nap = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
      for (let i = 0; i < 10; i++) { nap(40); Atomics.add(s, ${PROGRESS}, 1); }
      Atomics.store(s, ${STATE}, ${DONE}); Atomics.notify(s, ${STATE});`;
    const worker = new Worker(code, { eval: true, workerData: s });
    try {
      expect(waitForShare(s, 100)).toBe(true);
      expect(s[PROGRESS]).toBe(10);
    } finally { void worker.terminate(); }
  });
});
