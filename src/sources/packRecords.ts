// Record batches packed for a trip between threads: numbers in one typed array, every string in one joined text.
// Copying one long string and two arrays costs little; cloning ten thousand record objects costs as much as parsing.

import type { FormatId, PaperRecord } from '../types';

export interface PackedRecords {
  count: number;
  /**
   * INTS_PER_RECORD numbers a record: line, year (0: none), truncated, authors, identifiers given, categories,
   * organisations.
   */
  ints: Int32Array;
  /** Length of each string in `text`, in record order; -1 stands for a missing value. */
  lengths: Int32Array;
  text: string;
}

const INTS_PER_RECORD = 7;

/** The fields RecordTable.append reads; the rest (source keys, dates, comments) stay behind. */
export function packRecords(records: readonly PaperRecord[]): PackedRecords {
  const ints = new Int32Array(records.length * INTS_PER_RECORD);
  const lengths: number[] = [];
  const parts: string[] = [];
  const add = (s: string | undefined) => {
    if (s === undefined) { lengths.push(-1); return; }
    lengths.push(s.length); parts.push(s);
  };
  records.forEach((r, i) => {
    const at = i * INTS_PER_RECORD;
    // Identifiers stay aligned with the names ('' for a name without).
    const ids = r.authorIds ? r.authors.map((_, k) => r.authorIds![k] ?? '') : undefined;
    ints[at] = r.line; ints[at + 1] = r.year ?? 0; ints[at + 2] = r.truncated ? 1 : 0; ints[at + 3] = r.authors.length;
    ints[at + 4] = ids ? 1 : 0; ints[at + 5] = r.categories.length; ints[at + 6] = r.organisations.length;
    add(r.title); add(r.abstract); add(r.arxivId); add(r.doi); add(r.venue);
    for (const a of r.authors) add(a);
    if (ids) for (const id of ids) add(id);
    for (const c of r.categories) add(c);
    for (const o of r.organisations) add(o);
  });
  return { count: records.length, ints, lengths: Int32Array.from(lengths), text: parts.join('') };
}

/** Records again, with the fields packRecords keeps. */
export function unpackRecords(packed: PackedRecords, file: string, format: FormatId): PaperRecord[] {
  const { ints, lengths, text } = packed;
  let s = 0; let pos = 0;
  const next = (): string | undefined => {
    const n = lengths[s++]!;
    if (n < 0) return undefined;
    const out = text.slice(pos, pos + n);
    pos += n;
    return out;
  };
  const list = (n: number): string[] => {
    const out: string[] = [];
    for (let k = 0; k < n; k++) out.push(next()!);
    return out;
  };
  const out: PaperRecord[] = [];
  for (let i = 0; i < packed.count; i++) {
    const at = i * INTS_PER_RECORD;
    const title = next(); const abstract = next(); const arxivId = next(); const doi = next(); const venue = next();
    const authors = list(ints[at + 3]!);
    const authorIds = ints[at + 4] ? list(authors.length) : undefined;
    const rec: PaperRecord = {
      file, line: ints[at]!, format, title, abstract, arxivId, doi, venue, authors, truncated: ints[at + 2] === 1,
      categories: list(ints[at + 5]!), organisations: list(ints[at + 6]!),
    };
    if (ints[at + 1]) rec.year = ints[at + 1];
    if (authorIds) rec.authorIds = authorIds;
    out.push(rec);
  }
  return out;
}
