// Reads one large file on two cores: a worker thread reads and parses it, this thread files the records into the
// table as they come. Synchronous to its caller (it waits on shared memory), so reading stays one simple loop.

import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { BatchSink } from '../sources/streamRecords';
import type { PackedRecords } from '../sources/packRecords';
import { unpackRecords } from '../sources/packRecords';
import type { ParseContext } from '../sources/registry';
import type { FormatId, Issue } from '../types';
import { bundledWorker } from './bundledWorker';

const WORKER = bundledWorker('readWorker.mjs');
/** Batches the worker may send ahead of this thread (each a piece of about 4 million characters). */
export const IN_FLIGHT = 4;
/** Slots of the shared counters: batches posted by the worker, batches taken here. */
export const POSTED = 0;
export const TAKEN = 1;
/** Without a message for this long the worker is taken to be gone (a piece takes well under a second). */
const STALL_MS = 120_000;

export interface ReadJob { path: string; name: string; bibStrings: Record<string, string>; signal: Int32Array }

export type ReadMessage =
  | { kind: 'batch'; packed: PackedRecords; issues: Issue[]; read: number }
  | { kind: 'done'; format: FormatId; bibStrings: Record<string, string>; read: number }
  | { kind: 'error'; message: string };

/** The worker is there in the installed command's bundle (sources run through tsx read on one thread). */
export const canReadInThread = (): boolean => WORKER !== undefined;

/**
 * Reads `path` like streamRecords does, in a worker; `onRead` hears the bytes read so far, and `idle` is work to do
 * while no batch is waiting (it returns false when it had none).
 */
export function readInThread(
  path: string, name: string, context: ParseContext, sink: BatchSink, onRead?: (bytes: number) => void,
  idle?: () => boolean,
): FormatId {
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const job: ReadJob = { path, name, bibStrings: context.bibStrings, signal };
  const worker = new Worker(WORKER!, { workerData: { ...job, port: port2 }, transferList: [port2] });
  let taken = 0;
  try {
    for (let waited = 0; ;) {
      const got = receiveMessageOnPort(port1)?.message as ReadMessage | undefined;
      if (!got) {
        if (idle?.()) continue;
        if (waited >= STALL_MS) throw new Error('the reading thread stopped answering');
        const t = Date.now();
        Atomics.wait(signal, POSTED, taken, 1000);
        waited += Date.now() - t;
        continue;
      }
      waited = 0;
      taken++;
      Atomics.store(signal, TAKEN, taken);
      Atomics.notify(signal, TAKEN);
      if (got.kind === 'error') throw new Error(got.message);
      onRead?.(got.read);
      if (got.kind === 'done') { context.bibStrings = got.bibStrings; return got.format; }
      sink({ records: unpackRecords(got.packed, name, 'unknown'), issues: got.issues });
    }
  } finally {
    port1.close();
    void worker.terminate();
  }
}
