// Worker thread: reads and parses one large file (or its share of the pieces) while the main thread files the records.
import type { MessagePort } from 'node:worker_threads';
import { workerData } from 'node:worker_threads';
import { packRecords } from '../sources/packRecords';
import type { ReadShare } from '../sources/streamRecords';
import { streamRecords } from '../sources/streamRecords';
import type { ReadMessage, ReadJob } from './readThread';
import { readBlocks } from './readBlocks';
import { IN_FLIGHT, POSTED, TAKEN } from './readThread';
import { countArrays } from '../compact/uncounted';

countArrays();
const { path, name, bibStrings, signal, port, share } = workerData as ReadJob & { port: MessagePort };
let read = 0;

function post(message: ReadMessage): void {
  port.postMessage(message);
  Atomics.add(signal, POSTED, 1);
  Atomics.notify(signal, POSTED);
}

function* blocks(): Generator<Uint8Array> {
  for (const b of readBlocks(path)) { read += b.length; yield b; }
}

try {
  const context = { bibStrings };
  const shared: ReadShare | undefined = share ? { ...share, records: 0 } : undefined;
  const format = streamRecords(name, blocks(), context, (batch) => {
    // Back-pressure: no more than a few batches wait for the main thread.
    for (let posted = Atomics.load(signal, POSTED); posted - Atomics.load(signal, TAKEN) >= IN_FLIGHT;) {
      Atomics.wait(signal, TAKEN, Atomics.load(signal, TAKEN), 1000);
    }
    post({ kind: 'batch', packed: packRecords(batch.records), issues: batch.issues, read });
  }, undefined, shared);
  const counts = shared ? { records: shared.records, macros: shared.macros } : {};
  post({ kind: 'done', format, bibStrings: context.bibStrings, read, ...counts });
} catch (e) {
  post({ kind: 'error', message: (e as Error).message });
}
