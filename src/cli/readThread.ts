// Reads one large file on worker threads: each parses its share of the file's pieces, this thread files the records
// in the file's order as they come. Synchronous to its caller (it waits on shared memory), so reading stays one loop.

import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { byteCutFor } from '../sources/byteCuts';
import type { BatchSink } from '../sources/streamRecords';
import { formatOfBlocks, noPapersFinding } from '../sources/streamRecords';
import type { PackedRecords } from '../sources/packRecords';
import { unpackRecords } from '../sources/packRecords';
import type { ParseContext } from '../sources/registry';
import type { FormatId, Issue } from '../types';
import { bundledWorker } from './bundledWorker';
import { readBlocks } from './readBlocks';

const WORKER = bundledWorker('readWorker.mjs');
/** Batches a worker may send ahead of this thread (each a piece of about 4 million characters). */
export const IN_FLIGHT = 4;
/** Slots of the shared counters: batches posted by the worker, batches taken here. */
export const POSTED = 0;
export const TAKEN = 1;
/** Without a message for this long a worker is taken to be gone (a piece takes well under a second). */
const STALL_MS = 120_000;
/**
 * Readers of one file that can be cut into pieces (BibTeX, RIS, CSV…). On two cores, two readers took the reading of
 * a 1.15 GB BibTeX file from 54 s to 42 s: parsing is most of reading, and this thread files the records meanwhile.
 * The variable lets tests try other counts.
 */
const READERS = Number(process.env.COAUTHOR_GRAPH_READERS) || Math.max(1, Math.min(2, availableParallelism()));

export interface ReadJob {
  path: string; name: string; bibStrings: Record<string, string>; signal: Int32Array;
  /** This reader's share of the pieces (see ReadShare); one reader alone has none. */
  share?: { index: number; of: number };
}

export type ReadMessage =
  | { kind: 'batch'; packed: PackedRecords; issues: Issue[]; read: number }
  | {
    kind: 'done'; format: FormatId; bibStrings: Record<string, string>; read: number; records?: number;
    macros?: number;
  }
  | { kind: 'error'; message: string };

/** The worker is there in the installed command's bundle (sources run through tsx read on one thread). */
export const canReadInThread = (): boolean => WORKER !== undefined;

interface Reader {
  worker: Worker; port: MessagePort; signal: Int32Array; taken: number;
  done?: ReadMessage & { kind: 'done' };
}

function startReader(job: Omit<ReadJob, 'signal'>): Reader {
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER!, { workerData: { ...job, signal, port: port2 }, transferList: [port2] });
  return { worker, port: port1, signal, taken: 0 };
}

/**
 * Reads `path` like streamRecords does, in workers; `onRead` hears the bytes read so far, and `idle` is work to do
 * while no batch is waiting (it returns false when it had none).
 */
export function readInThread(
  path: string, name: string, context: ParseContext, sink: BatchSink, onRead?: (bytes: number) => void,
  idle?: () => boolean,
): FormatId {
  const format = formatOfBlocks(readBlocks(path));
  const of = format && byteCutFor(format.id) ? READERS : 1;
  const readers = Array.from({ length: of }, (_, index) =>
    startReader({ path, name, bibStrings: context.bibStrings, ...(of > 1 ? { share: { index, of } } : {}) }));
  try {
    // Pieces go round the readers in turn; a reader that is done leaves the round.
    for (let turn = 0; readers.some((r) => !r.done); turn = (turn + 1) % of) {
      const reader = readers[turn]!;
      if (reader.done) continue;
      const got = nextMessage(reader, idle);
      if (got.kind === 'error') throw new Error(got.message);
      if (turn === 0) onRead?.(got.read);
      if (got.kind === 'done') { reader.done = got; continue; }
      sink({ records: unpackRecords(got.packed, name, 'unknown'), issues: got.issues });
    }
    const first = readers[0]!.done!;
    context.bibStrings = first.bibStrings;
    const records = readers.reduce((n, r) => n + (r.done!.records ?? 0), 0);
    // Every reader parses each piece that defines macros (its own, or another's for them): one's count is the file's.
    if (of > 1 && records === 0) {
      sink({ records: [], issues: [noPapersFinding(name, format!.label, first.macros ?? 0)] });
    }
    return first.format;
  } finally {
    for (const r of readers) { r.port.close(); void r.worker.terminate(); }
  }
}

/** The reader's next message, waiting for it (doing `idle` work meanwhile); tells the reader it was taken. */
function nextMessage(reader: Reader, idle?: () => boolean): ReadMessage {
  for (let waited = 0; ;) {
    const got = receiveMessageOnPort(reader.port)?.message as ReadMessage | undefined;
    if (got) {
      reader.taken++;
      Atomics.store(reader.signal, TAKEN, reader.taken);
      Atomics.notify(reader.signal, TAKEN);
      return got;
    }
    if (idle?.()) continue;
    if (waited >= STALL_MS) throw new Error('a reading thread stopped answering');
    const t = Date.now();
    Atomics.wait(reader.signal, POSTED, reader.taken, 1000);
    waited += Date.now() - t;
  }
}
