// Worker thread: reads every record's title and abstract terms while the main thread resolves the corpus, then,
// once the groups are known, picks each group's words from them (the main thread writes the authors meanwhile).
import { parentPort, workerData } from 'node:worker_threads';
import type { SharedText } from '../compact/columns';
import { sharedTextAt } from '../compact/columns';
import { groupWordsOfTerms } from '../graph/groupLabels';
import { paperTermsOfRecords, recordTermTable } from '../graph/recordTerms';
import type { WordsRequest } from './termsThread';
import { countArrays } from '../compact/uncounted';

countArrays();
const { title, abstract } = workerData as { title: SharedText; abstract: SharedText };
const terms = recordTermTable(title.length, (r) => sharedTextAt(title, r), (r) => sharedTextAt(abstract, r));

parentPort!.once('message', (ask: WordsRequest) => {
  const { papers, paperAuthors: pa, group, sizes } = ask;
  const madeTitles = new Map(papers.madeTitles);
  const words = groupWordsOfTerms({
    count: papers.count, authors: (p) => pa.items.subarray(pa.starts[p]!, pa.starts[p + 1]!),
    terms: (read) => paperTermsOfRecords(terms, { ...papers, madeTitles }, read),
  }, group, sizes);
  parentPort!.postMessage(words);
});
