// Bad input becomes issues with file and line, and the other files are still read.
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import { parseBytes } from '../../src/sources/parseSource';
import { parseInputs, runFromParsed } from '../../src/pipeline';
import { seedFiles } from '../helpers';

const enc = (s: string) => new TextEncoder().encode(s);

describe('bad input', () => {
  it('reports an empty file', () => {
    const r = parseBytes('empty.txt', new Uint8Array());
    expect(r.records).toEqual([]);
    expect(r.issues).toEqual([
      expect.objectContaining({ code: 'empty-file', severity: 'error', file: 'empty.txt', line: 1 }),
    ]);
  });
  it('reports binary junk', () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const r = parseBytes('junk.bin', junk);
    expect(r.records).toEqual([]);
    expect(r.issues[0]).toMatchObject({ code: 'binary-file', file: 'junk.bin', line: 1 });
  });
  it('reports a layout it cannot recognise', () => {
    const r = parseBytes('poem.txt', enc('Roses are red\nviolets are blue\n'));
    expect(r.issues[0]).toMatchObject({ code: 'unknown-format', file: 'poem.txt', line: 1 });
  });
  it('reads gzip transparently and decodes a UTF-8 byte-order mark', () => {
    const seed = seedFiles()[0]!;
    const plain = parseBytes('a.txt', seed.bytes);
    const zipped = parseBytes('a.txt.gz', gzipSync(seed.bytes));
    const bom = parseBytes('b.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...seed.bytes]));
    expect(zipped.records.map((r) => r.title)).toEqual(plain.records.map((r) => r.title));
    expect(bom.records[0]!.authors).toEqual(plain.records[0]!.authors);
  });
  it('keeps reading the good files next to the bad ones', () => {
    const files = [
      ...seedFiles(),
      { name: 'empty.txt', bytes: new Uint8Array() },
      { name: 'junk.bin', bytes: new Uint8Array(64).fill(1) },
    ];
    const { report } = runFromParsed(parseInputs(files), { layout: false });
    expect(report.papers).toBe(114);
    expect(
      report.issues
        .filter((i) => i.severity === 'error')
        .map((i) => i.file)
        .sort(),
    ).toEqual(['empty.txt', 'junk.bin']);
  });
});
