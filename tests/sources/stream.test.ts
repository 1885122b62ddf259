// Large inputs as byte streams: DBLP XML parsed chunk by chunk (never one string), gzip and UTF-8 split across chunk
// borders.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/pipeline';
import { parseBytes } from '../../src/sources/parseSource';
import { parseByteStream } from '../../src/sources/parseStream';
import type { ReadShare } from '../../src/sources/streamRecords';
import { noPapersFinding, streamRecords } from '../../src/sources/streamRecords';
import type { Issue } from '../../src/types';
import { countLines } from '../../src/sources/byteCuts';
import { FIXTURES } from '../helpers';

function* split(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** A DBLP-like dump produced block by block, as a reader of a multi-gigabyte file would see it. */
function* dblpDump(records: number): Generator<Uint8Array> {
  const enc = new TextEncoder();
  yield enc.encode('<?xml version="1.0" encoding="UTF-8"?>\n<dblp>\n');
  for (let start = 0; start < records; start += 1000) {
    let block = '';
    for (let i = start; i < Math.min(records, start + 1000); i++)
      block +=
        `<article key="journals/x/${i}"><author>Jörg M&uuml;ller ${i % 7 ? '' : '0001'}</author>` +
        `<author orcid="0000-0001-0000-${String(i % 10000).padStart(4, '0')}">Ann Lee${i}</author>` +
        `<title>Paper ${i}.</title><year>${2000 + (i % 20)}</year></article>\n`;
    yield enc.encode(block);
  }
  yield enc.encode('</dblp>\n');
}

describe('streamed input', () => {
  it('reads a DBLP XML dump chunk by chunk', () => {
    const r = parseByteStream('dump.xml', dblpDump(200_000));
    expect(r.format).toBe('dblp-xml');
    expect(r.records).toHaveLength(200_000);
    expect(r.records[0]).toMatchObject({ title: 'Paper 0', year: 2000, authors: ['Jörg Müller 0001', 'Ann Lee0'] });
    expect(r.records[199_999]!.title).toBe('Paper 199999');
  });
  it('gives the same records as reading whole, with gzip and multi-byte characters cut at any chunk border', () => {
    const plain = new Uint8Array(readFileSync(join(FIXTURES, 'dblp-excerpt.xml')));
    const whole = parseBytes('x.xml', plain).records;
    expect(parseByteStream('x.xml', split(gzipSync(plain), 7)).records).toEqual(whole);
    expect(parseByteStream('x.xml', split(plain, 3)).records).toEqual(whole);
    const ris = new Uint8Array(readFileSync(join(FIXTURES, 'scopus-excerpt.ris')));
    expect(parseByteStream('s.ris', split(ris, 5)).records).toEqual(parseBytes('s.ris', ris).records);
  });
  it('the pipeline accepts files given as chunk readers', () => {
    const [parsed] = parseInputs([{ name: 'dump.xml', chunks: () => dblpDump(3000) }]);
    expect(parsed!.records).toHaveLength(3000);
  });
});

/** Records and issues of one file read as a stream cut into pieces of about `pieceChars` characters. */
function piecewise(name: string, bytes: Uint8Array, pieceChars: number, blockBytes = 4096) {
  const records: unknown[] = []; const issues: unknown[] = [];
  const format = streamRecords(
    name,
    split(bytes, blockBytes),
    { bibStrings: {} },
    (b) => {
      records.push(...b.records);
      issues.push(...b.issues);
    },
    pieceChars,
  );
  return { format, records, issues };
}

describe('every cuttable format streams in pieces of whole records', () => {
  const cases: [string, Uint8Array][] = [
    ['dblp-excerpt.bib', readFileSync(join(FIXTURES, 'dblp-excerpt.bib'))],
    ['scopus-excerpt.ris', readFileSync(join(FIXTURES, 'scopus-excerpt.ris'))],
    ['acl-excerpt.csl.json', readFileSync(join(FIXTURES, 'acl-excerpt.csl.json'))],
    ['wos-export.txt', readFileSync(join(FIXTURES, 'wos-export.txt'))],
    ['pubmed.nbib', readFileSync(join(FIXTURES, 'pubmed.nbib'))],
    ['scopus-homonyms.csv', readFileSync(join(FIXTURES, 'scopus-homonyms.csv'))],
    ['openalex-works.jsonl', readFileSync(join(FIXTURES, 'openalex-works.jsonl'))],
    [
      'openalex-array.json',
      new TextEncoder().encode(
        `[${readFileSync(join(FIXTURES, 'openalex-works.jsonl'), 'utf8').split('\n').slice(0, 3).join(',\n')}]`,
      ),
    ],
    [
      'accents.bib',
      new TextEncoder().encode(
        `\uFEFF${Array.from(
          { length: 60 },
          (_, i) =>
            `@article{k${i},\r\n` +
            `  author = {J{\\"o}rg M\u00fcller and \u738b\u82b3 and Zo\u00eb Lef\u00e8vre ${i}},\r\n` +
            `  title = {\u00c9tudes ${i}},\r\n` +
            `  abstract = {Line one\r\n@ home, not an entry},\r\n  year = {${2000 + (i % 9)}}\r\n}\r\n`,
        ).join('')}`,
      ),
    ],
    [
      'table.csv',
      new TextEncoder().encode(
        'title,authors,year\n"A, quoted\ntitle",Ann Lee; Bo Chen,2020\n' +
          Array.from({ length: 300 }, (_, i) => `Paper ${i},Ann Lee; Cy Dee ${i},${2000 + (i % 20)}\n`).join(''),
      ),
    ],
  ];
  for (const [name, bytes] of cases) {
    it(`${name}: the same records, lines and issues as one whole read`, () => {
      const whole = parseBytes(name, bytes);
      for (const size of [200, 1500]) {
        const r = piecewise(name, bytes, size);
        expect(r.format).toBe(whole.format);
        expect(r.records).toEqual(whole.records);
        expect(r.issues).toEqual(whole.issues);
      }
    });
  }
});

/**
 * The same file read by `of` readers, each parsing its share of the pieces, their batches taken in turn as the
 * reading threads' caller takes them.
 */
function shared(name: string, bytes: Uint8Array, pieceChars: number, of: number) {
  const readers = Array.from({ length: of }, (_, index) => {
    const batches: { records: unknown[]; issues: unknown[] }[] = [];
    const share = { index, of, records: 0 };
    const format = streamRecords(name, split(bytes, 97), { bibStrings: {} }, (b) => batches.push(b), pieceChars, share);
    return { format, batches, share };
  });
  const records: unknown[] = []; const issues: unknown[] = [];
  // In turn, a reader with no batch left leaving the round (as readInThread takes them).
  const next = readers.map(() => 0);
  let pieces = 0;
  for (let turn = 0; readers.some((r, i) => next[i]! < r.batches.length); turn = (turn + 1) % of) {
    const batch = readers[turn]!.batches[next[turn]!];
    if (!batch) continue;
    next[turn]!++; pieces++;
    records.push(...batch.records); issues.push(...batch.issues);
  }
  return { format: readers[0]!.format, records, issues, counts: readers.map((r) => r.share.records), pieces };
}

/** A file's text `n` times over, one after the other (more records of a format than its fixture has). */
function times(bytes: Uint8Array, n: number): Uint8Array {
  const text = new TextDecoder().decode(bytes);
  return new TextEncoder().encode(Array.from({ length: n }, () => text.endsWith('\n') ? text : `${text}\n`).join(''));
}

describe('several readers share the pieces of one file', () => {
  const macros = new TextEncoder().encode([
    '@article{a1, author = {Ann Lee and Bo Chen}, title = {First}, journal = {J}, year = 2001}',
    '@string{jm = "Journal of Macros"}',
    ...Array.from({ length: 40 }, (_, i) => `@article{m${i}, author = {Ann Lee and Cy Dee ${i}}, title = {Paper ${i}}, `
      + `journal = jm # " " # {${i}}, year = ${2000 + (i % 9)}}`),
    '@STRING{late = "Late Venue"}',
    ...Array.from({ length: 40 }, (_, i) =>
      `@article{l${i}, author = {Bo Chen and Di Eng}, title = {Later ${i}}, journal = late}`),
  ].join('\n'));
  const cases: [string, Uint8Array][] = [
    ['dblp-excerpt.bib', readFileSync(join(FIXTURES, 'dblp-excerpt.bib'))],
    ['strings-excerpt.bib', new TextEncoder().encode(`${readFileSync(join(FIXTURES, 'strings-excerpt.bib'), 'utf8')}\n${
      Array.from({ length: 30 }, (_, i) => `@book{s${i}, author = {Ann Lee}, title = {Book ${i}}, journal = CUP # AMS}`)
        .join('\n')}`)],
    ['macros.bib', macros],
    ['scopus-excerpt.ris', times(readFileSync(join(FIXTURES, 'scopus-excerpt.ris')), 4)],
    ['wos-export.txt', times(readFileSync(join(FIXTURES, 'wos-export.txt')), 4)],
    ['pubmed.nbib', times(readFileSync(join(FIXTURES, 'pubmed.nbib')), 4)],
    ['scopus-homonyms.csv', readFileSync(join(FIXTURES, 'scopus-homonyms.csv'))],
  ];
  for (const [name, bytes] of cases) {
    it(`${name}: the same records, lines and issues as one reader, for two and three readers`, () => {
      const one = piecewise(name, bytes, 150, 97);
      expect(one.records.length).toBeGreaterThan(3);
      for (const of of [2, 3]) {
        const r = shared(name, bytes, 150, of);
        expect(r.pieces).toBeGreaterThan(of);
        expect(r.format).toBe(one.format);
        expect(r.records).toEqual(one.records);
        expect(r.issues).toEqual(one.issues);
        expect(r.counts.reduce((a, b) => a + b, 0)).toBe(one.records.length);
      }
    });
  }
  it('macros defined in one reader\'s piece apply in every later piece', () => {
    const r = shared('macros.bib', macros, 150, 2);
    const venues = (r.records as { venue?: string }[]).map((x) => x.venue);
    expect(venues.filter((v) => v?.startsWith('Journal of Macros '))).toHaveLength(40);
    expect(venues.filter((v) => v === 'Late Venue')).toHaveLength(40);
  });
  it('a format read whole is read by the first reader alone, and a file-wide finding is told once', () => {
    const json = readFileSync(join(FIXTURES, 'openalex-works.jsonl'));
    const r = shared('w.jsonl', json, 600, 2);
    expect(r.records).toEqual(parseBytes('w.jsonl', json).records);
    const unknown = shared('x.bin', new TextEncoder().encode('\u0000\u0001 nothing known here\n'.repeat(50)), 600, 2);
    expect(unknown.issues).toHaveLength(1);
  });
});

describe('countLines', () => {
  it('counts the line breaks before the end given, as splitting the text does', () => {
    const text = 'a\nb\r\n\nZoë Ünal\n\n€ x\nlast';
    const bytes = new TextEncoder().encode(text);
    expect(countLines(bytes)).toBe(text.split('\n').length - 1);
    for (let end = 0; end <= bytes.length; end++) {
      const before = new TextDecoder().decode(bytes.subarray(0, end));
      expect(countLines(bytes, end)).toBe((before.match(/\n/g) ?? []).length);
    }
  });
  it('counts every newline of random bytes, at every alignment and length (the word-at-a-time path)', () => {
    let seed = 7;
    const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
    // Newlines, their neighbours in value and bytes with the high bit set: the cases a word test could get wrong.
    const alphabet = [0x0a, 0x0b, 0x09, 0x8a, 0x0a, 0xff, 0x00, 0x61];
    const bytes = Uint8Array.from({ length: 300 }, () => alphabet[next() % alphabet.length]!);
    for (let from = 0; from < 8; from++) {
      for (let end = 0; end <= 300 - from; end += 1 + (next() % 5)) {
        const view = bytes.subarray(from);
        let expected = 0;
        for (let i = 0; i < end; i++) if (view[i] === 0x0a) expected++;
        expect(countLines(view, end), `from ${from}, end ${end}`).toBe(expected);
      }
    }
  });
});

describe('a BibTeX file read in pieces is told it holds only macros once, for the whole file', () => {
  const define = (i: number) => `@string{venue${i} = "Venue number ${i} of the macros file"}`;
  const definitions = Array.from({ length: 30 }, (_, i) => define(i));
  const macrosAlone = new TextEncoder().encode(`${definitions.join('\n')}\n`);
  const macrosFirst = new TextEncoder().encode(`${definitions.join('\n')}\n${Array.from({ length: 10 }, (_, i) =>
    `@article{a${i}, author = {Ann Lee and Bo Chen}, title = {Paper ${i}}, journal = venue${i}}`).join('\n')}\n`);
  const codes = (issues: unknown[]) => (issues as Issue[]).map((i) => i.code);

  it('one reader: one note with the count of every piece, and no "no papers" error', () => {
    const r = piecewise('macros.bib', macrosAlone, 150, 97);
    expect(r.records).toHaveLength(0);
    expect(codes(r.issues)).toEqual(['macros-only']);
    expect((r.issues[0] as Issue).message).toMatch(/^defines 30 @string macros and no entries/);
  });

  it('pieces of macros before the entries say nothing, and the entries use them', () => {
    const r = piecewise('macros.bib', macrosFirst, 150, 97);
    expect(codes(r.issues)).toEqual([]);
    expect((r.records as { venue?: string }[]).map((x) => x.venue)).toContain('Venue number 7 of the macros file');
  });

  it('several readers: no piece says it, each reader counts every macro, and the file\'s finding is the note', () => {
    for (const of of [2, 3]) {
      const readers = Array.from({ length: of }, (_, index) => {
        const share: ReadShare = { index, of, records: 0 };
        const issues: Issue[] = [];
        streamRecords('macros.bib', split(macrosAlone, 97), { bibStrings: {} }, (b) => issues.push(...b.issues), 150,
          share);
        return { share, issues };
      });
      expect(readers.flatMap((r) => r.issues)).toEqual([]);
      expect(readers.map((r) => [r.share.records, r.share.macros])).toEqual(readers.map(() => [0, 30]));
    }
    expect(noPapersFinding('macros.bib', 'BibTeX', 30).code).toBe('macros-only');
    expect(noPapersFinding('empty.bib', 'BibTeX', 0)).toMatchObject({ code: 'no-records', severity: 'error' });
  });
});
