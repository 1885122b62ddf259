// Worker thread: louvain on tie arrays, so a whole-corpus build writes its store on the main thread meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import type { GroupOptions, TieArrays } from '../graph/groups';
import { typedLouvain } from '../graph/typedLouvain';
import { countArrays } from '../compact/uncounted';

countArrays();
const { ties, options } = workerData as { ties: TieArrays; options: GroupOptions };
const found = typedLouvain(ties, options);
parentPort!.postMessage(found, [found.membership.buffer as ArrayBuffer]);
