// Packed batches come back as the records RecordTable files: every field it reads, missing and empty kept apart.

import { describe, expect, it } from 'vitest';
import { RecordTable } from '../../src/corpus/recordTable';
import { packRecords, unpackRecords } from '../../src/sources/packRecords';
import type { PaperRecord } from '../../src/types';

const base = (over: Partial<PaperRecord>): PaperRecord => ({
  file: 'x.bib', line: 1, format: 'bibtex', authors: [], truncated: false, categories: [], organisations: [], ...over,
});

const RECORDS: PaperRecord[] = [
  base({
    line: 3,
    title: 'Graphs',
    authors: ['Ada Lovelace', 'Charles Babbage'],
    year: 1843,
    doi: '10.1/x',
    venue: 'Notes',
  }),
  base({ line: 9, title: '', abstract: 'An "abstract"\twith\ntabs', authors: [], truncated: true }),
  base({
    line: 12,
    authors: ['José Müller', 'Anne\u0000Null', 'lone \ud800 surrogate'],
    authorIds: ['orcid:0000-0001', '', 'x'],
  }),
  base({
    line: 20,
    title: 'Tagged',
    authors: ['A B'],
    arxivId: '2401.00001',
    categories: ['cs.SI', ''],
    organisations: ['CERN'],
  }),
  base({ line: 2 ** 30, authors: ['Solo'], authorIds: ['dblp:solo'] }),
];

describe('packRecords', () => {
  it('round-trips the fields the table reads', () => {
    const back = unpackRecords(packRecords(RECORDS), 'x.bib', 'bibtex');
    const fields = (r: PaperRecord) => [r.line, r.year, r.truncated, r.title, r.abstract, r.arxivId, r.doi, r.venue,
      r.authors, r.authorIds, r.categories, r.organisations];
    expect(back.map(fields)).toEqual(RECORDS.map(fields));
    expect(unpackRecords(packRecords([]), 'x', 'bibtex')).toEqual([]);
  });

  it('fills a table exactly as the records themselves do', () => {
    const direct = new RecordTable(); const packed = new RecordTable();
    const s1 = direct.addSource('x.bib', 'bibtex'); const s2 = packed.addSource('x.bib', 'bibtex');
    for (const r of RECORDS) direct.append(s1, r);
    for (const r of unpackRecords(packRecords(RECORDS), 'x.bib', 'bibtex')) packed.append(s2, r);
    expect(packed.spellings).toEqual(direct.spellings);
    for (let r = 0; r < RECORDS.length; r++) {
      expect([
        packed.title.get(r),
        packed.abstract.get(r),
        packed.yearOf(r),
        packed.authors(r),
        packed.line.get(r),
      ]).toEqual([
        direct.title.get(r),
        direct.abstract.get(r),
        direct.yearOf(r),
        direct.authors(r),
        direct.line.get(r),
      ]);
    }
    expect([...packed.authorIds.view()]).toEqual([...direct.authorIds.view()]);
    expect([...packed.categories]).toEqual([...direct.categories]);
  });
});
