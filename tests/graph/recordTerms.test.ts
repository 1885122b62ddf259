// Terms read once per record (on the build's second thread) make exactly the terms and words that reading each
// paper's text makes: same uses, same order within a paper, same group words.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { resolveTable } from '../../src/corpus/resolveTable';
import type { CompactCorpus } from '../../src/corpus/resolveTable';
import { titledPapers } from '../../src/graph/compactGraph';
import { groupWords, groupWordsOfTerms } from '../../src/graph/groupLabels';
import { paperTermTable } from '../../src/graph/paperTerms';
import type { PaperTerms } from '../../src/graph/paperTerms';
import { paperTermsOfRecords, recordTermTable } from '../../src/graph/recordTerms';
import { readTable } from '../../src/pipeline';
import { FIXTURES, SHARED_DATA, seedFiles } from '../helpers';

const file = (dir: string, name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) });

/** Seeds, fixtures with abstracts, and the seeds again under another name (every paper then has two records). */
function corpus(): CompactCorpus {
  const again = seedFiles().map((f) => ({ ...f, name: `copy-${f.name}` }));
  const fixtures = [
    'arxiv-2entries.atom.xml', 'openalex-works.jsonl', 'pubmed.nbib', 'crossref-works.json', 'hard-cases.bib',
  ];
  return resolveTable(readTable([...seedFiles(), ...fixtures.map((f) => file(FIXTURES, f)), ...again]));
}

function fromRecords(c: CompactCorpus) {
  const { table } = c;
  return recordTermTable(table.length, (r) => table.title.get(r), (r) => table.abstract.get(r));
}

/** Each paper's terms as text and uses, in the paper's order. */
function asText(t: PaperTerms, p: number): [string, number][] {
  const out: [string, number][] = [];
  for (let k = t.start[p]!; k < t.start[p + 1]!; k++) out.push([t.vocab.textOf(t.ids[k]!), t.uses[k]!]);
  return out;
}

describe('terms read per record', () => {
  const c = corpus();
  const records = fromRecords(c);

  it('give every paper the terms and uses its text gives', () => {
    const direct = paperTermTable(titledPapers(c));
    const assembled = paperTermsOfRecords(records, c.papers);
    // The corpus has what the record route must get right: abstracts, and papers of several records.
    expect(direct.ids.length).toBeGreaterThan(1000);
    expect([...c.papers.abstractRecord].some((r) => r >= 0)).toBe(true);
    expect(c.groups.items.length).toBeGreaterThan(c.papers.count);
    for (let p = 0; p < c.papers.count; p++) expect(asText(assembled, p)).toEqual(asText(direct, p));
  });

  it('read a made title, and skip the papers not asked for', () => {
    const madeTitles = new Map([[0, 'Quantum Graph Kernels']]);
    const papers = { ...c.papers, titleRecord: c.papers.titleRecord.slice(), madeTitles };
    papers.titleRecord[0] = -1;
    const t = paperTermsOfRecords(fromRecords(c), papers, (p) => p % 2 === 0);
    const titleTerms = asText(t, 0).filter(([, u]) => u & 1).map(([x]) => x);
    expect(titleTerms).toEqual(['quantum', 'graph', 'quantum graph', 'kernel', 'graph kernel']);
    expect(t.start[2]! - t.start[1]!).toBe(0);
  });

  it('pick the same group words as the papers\' text', () => {
    const group = new Int32Array(c.authors.count).map((_, a) => a % 7);
    const sizes = Array.from({ length: 7 }, (_, g) => group.filter((x) => x === g).length);
    const pa = c.paperAuthors;
    const viaRecords = groupWordsOfTerms({
      count: c.papers.count, authors: (p) => pa.items.subarray(pa.starts[p]!, pa.starts[p + 1]!),
      terms: (read) => paperTermsOfRecords(records, c.papers, read),
    }, group, sizes);
    expect(viaRecords).toEqual(groupWords(titledPapers(c), group, sizes));
    expect(viaRecords.flat().length).toBeGreaterThan(10);
  });

  it('pick the same words on a real corpus of thousands of papers', () => {
    const name = 'dblp-2016-18-venues.bib.gz';
    const bytes = new Uint8Array(gunzipSync(readFileSync(join(SHARED_DATA, name))));
    const big = resolveTable(readTable([{ name, bytes: bytes.subarray(0, 4_000_000) }]));
    const group = new Int32Array(big.authors.count).map((_, a) => a % 40);
    const sizes = Array.from({ length: 40 }, (_, g) => group.filter((x) => x === g).length);
    const pa = big.paperAuthors;
    const viaRecords = groupWordsOfTerms({
      count: big.papers.count, authors: (p) => pa.items.subarray(pa.starts[p]!, pa.starts[p + 1]!),
      terms: (read) => paperTermsOfRecords(fromRecords(big), big.papers, read),
    }, group, sizes);
    expect(big.papers.count).toBeGreaterThan(5000);
    expect(viaRecords).toEqual(groupWords(titledPapers(big), group, sizes));
  });
});
