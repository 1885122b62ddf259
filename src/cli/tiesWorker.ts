// Worker thread: a whole corpus's ties and weights from the papers' author lists (in shared memory), found while the
// main thread writes the corpus tables. The large arrays it makes are shared: they go back without a copy.
import { parentPort, workerData } from 'node:worker_threads';
import { tiesOfLists } from '../graph/compactGraph';
import type { TiesJob } from './tiesThread';

const { paperAuthors, order, options } = workerData as TiesJob;
parentPort!.postMessage(tiesOfLists(paperAuthors, order, options));
