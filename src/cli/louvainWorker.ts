// Worker thread: louvain on tie arrays, so a whole-corpus build writes its store on the main thread meanwhile; the
// groups are numbered and coloured here too, while the main thread is still writing.
import { parentPort, workerData } from 'node:worker_threads';
import type { GroupOptions, TieArrays } from '../graph/groups';
import { countArrays } from '../compact/uncounted';
import { foundGroups } from './louvainThread';

countArrays();
const { ties, options } = workerData as { ties: TieArrays; options: GroupOptions };
const found = foundGroups(ties, options);
parentPort!.postMessage(found, [found.group.buffer as ArrayBuffer]);
