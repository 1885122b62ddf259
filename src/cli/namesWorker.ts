// Worker thread: scores parts of a store's name index against a query, while the main thread scores the others.
import { parentPort } from 'node:worker_threads';
import { nearestCandidates, scoreNames } from '../corpus/nearestNames';
import type { NamePart } from '../store/readStore';

parentPort!.on('message', ({ id, part }: { id: number; part: NamePart }) => {
  const counts = new DataView(part.counts.buffer, part.counts.byteOffset, part.counts.byteLength);
  const candidates = nearestCandidates(scoreNames(part.folds, part.query), (i) => counts.getInt32(i * 4, true),
    part.top, part.first);
  parentPort!.postMessage({ id, candidates });
});
