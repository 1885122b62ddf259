// A file given as a stream of byte chunks, parsed into one ParseResult (for tests and small callers; the pipeline
// streams records straight into its tables instead).

import type { ParseResult, PaperRecord } from '../types';
import type { ParseOptions } from './parseSource';
import { streamRecords } from './streamRecords';

export { MAX_TEXT_CHARS } from './streamRecords';

export function parseByteStream(file: string, chunks: Iterable<Uint8Array>, options: ParseOptions = {}): ParseResult {
  const records: PaperRecord[] = [];
  const out: ParseResult = { file, format: 'unknown', records, issues: [] };
  out.format = streamRecords(file, chunks, options.context ?? { bibStrings: {} }, (batch) => {
    for (const r of batch.records) records.push(r);
    out.issues.push(...batch.issues);
  });
  return out;
}
