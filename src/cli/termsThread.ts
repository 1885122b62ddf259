// Group words for a whole-corpus build: the titles' and abstracts' terms are read on a second thread while this one
// resolves the corpus (that core is idle then), and the words are picked there while this one writes the authors.
// From the sources (tsx) there is no worker: the same words are made on this thread when asked for.

import { Worker } from 'node:worker_threads';
import type { Csr } from '../compact/columns';
import type { RecordTable } from '../corpus/recordTable';
import type { CompactCorpus } from '../corpus/resolveTable';
import { titledPapers } from '../graph/compactGraph';
import { groupWords } from '../graph/groupLabels';
import type { TermSources } from '../graph/recordTerms';
import { bundledWorker } from './bundledWorker';
import { stageNote } from './progress';

const WORKER = bundledWorker('termsWorker.mjs');

/** What the worker needs, once the groups are known, to pick their words. */
export interface WordsRequest {
  papers: Omit<TermSources, 'madeTitles'> & { madeTitles: [number, string][] };
  paperAuthors: Csr;
  group: Int32Array;
  sizes: number[];
}

export interface GroupWordsReader {
  /** The words of each group (groupWords' answer), for groups numbered by size. */
  words(corpus: CompactCorpus, group: Int32Array, sizes: number[]): Promise<string[][]>;
  /** Lets the worker go without asking (a build that failed before its groups). */
  close(): void;
}

/** Starts reading the terms of `table` (read and sealed) on a worker thread where there is one. */
export function readTermsInThread(table: RecordTable): GroupWordsReader {
  const here = (c: CompactCorpus, group: Int32Array, sizes: number[]) => groupWords(titledPapers(c), group, sizes);
  if (!WORKER) return { words: async (c, group, sizes) => here(c, group, sizes), close: () => undefined };
  const worker = new Worker(WORKER, { workerData: { title: table.title.share(), abstract: table.abstract.share() } });
  let failure: Error | undefined;
  const failed = new Promise<void>((resolve) => {
    worker.once('error', (e: Error) => { failure = e; resolve(); });
    worker.once('exit', (code) => {
      failure ??= new Error(`the group words worker stopped (exit ${code})`);
      resolve();
    });
  });
  void worker.unref();
  return {
    words: async (c, group, sizes) => {
      const { papers } = c;
      const ask: WordsRequest = {
        papers: {
          count: papers.count, titleRecord: papers.titleRecord, abstractRecord: papers.abstractRecord,
          madeTitles: [...papers.madeTitles],
        },
        paperAuthors: c.paperAuthors, group, sizes,
      };
      const answer = new Promise<string[][]>((resolve) => worker.once('message', resolve));
      if (!failure) worker.postMessage(ask);
      const words = await Promise.race([answer, failed.then(() => undefined)]);
      void worker.terminate();
      if (words) return words;
      // Whatever stopped the worker (its memory, most likely), the same words are made here.
      stageNote(`the group words worker failed (${failure?.message ?? 'no answer'}): naming the groups on this thread`);
      return here(c, group, sizes);
    },
    close: () => { void worker.terminate(); },
  };
}
