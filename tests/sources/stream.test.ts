// Large inputs as byte streams: DBLP XML parsed chunk by chunk (never one string), gzip and UTF-8 split across chunk borders.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/pipeline';
import { parseBytes } from '../../src/sources/parseSource';
import { parseByteStream } from '../../src/sources/parseStream';
import { streamRecords } from '../../src/sources/streamRecords';
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
    for (let i = start; i < Math.min(records, start + 1000); i++) block += `<article key="journals/x/${i}"><author>Jörg M&uuml;ller ${i % 7 ? '' : '0001'}</author><author orcid="0000-0001-0000-${String(i % 10000).padStart(4, '0')}">Ann Lee${i}</author><title>Paper ${i}.</title><year>${2000 + (i % 20)}</year></article>\n`;
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
function piecewise(name: string, bytes: Uint8Array, pieceChars: number) {
  const records: unknown[] = []; const issues: unknown[] = [];
  const format = streamRecords(name, split(bytes, 4096), { bibStrings: {} }, (b) => { records.push(...b.records); issues.push(...b.issues); }, pieceChars);
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
    ['openalex-array.json', new TextEncoder().encode(`[${readFileSync(join(FIXTURES, 'openalex-works.jsonl'), 'utf8').split('\n').slice(0, 3).join(',\n')}]`)],
    ['accents.bib', new TextEncoder().encode(`\uFEFF${Array.from({ length: 60 }, (_, i) => `@article{k${i},\r\n`
      + `  author = {J{\\"o}rg M\u00fcller and \u738b\u82b3 and Zo\u00eb Lef\u00e8vre ${i}},\r\n  title = {\u00c9tudes ${i}},\r\n`
      + `  abstract = {Line one\r\n@ home, not an entry},\r\n  year = {${2000 + (i % 9)}}\r\n}\r\n`).join('')}`)],
    ['table.csv', new TextEncoder().encode('title,authors,year\n"A, quoted\ntitle",Ann Lee; Bo Chen,2020\n' + Array.from({ length: 300 }, (_, i) => `Paper ${i},Ann Lee; Cy Dee ${i},${2000 + (i % 20)}\n`).join(''))],
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
