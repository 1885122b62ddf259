// Encodings: UTF-8 with or without BOM, UTF-16 with BOM, Latin-1/Windows-1252 decoded and reported, double encoding
// flagged.
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/sources/decode';
import { parseBytes } from '../../src/sources/parseSource';

const ris = 'TY  - JOUR\nAU  - Müller, Jörg\nAU  - Ødegaard, Lars\nTI  - Über Graphen\nER  - \n';

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = littleEndian ? c & 0xff : c >> 8;
    out[3 + 2 * i] = littleEndian ? c >> 8 : c & 0xff;
  }
  return out;
}

const authors = (bytes: Uint8Array) => parseBytes('x.ris', bytes).records[0]!.authors;

describe('encodings', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    const plain = new TextEncoder().encode(ris);
    expect(authors(plain)).toEqual(['Müller, Jörg', 'Ødegaard, Lars']);
    expect(authors(new Uint8Array([0xef, 0xbb, 0xbf, ...plain]))).toEqual(['Müller, Jörg', 'Ødegaard, Lars']);
  });
  it('reads UTF-16 little and big endian with a byte-order mark', () => {
    expect(decodeBytes('a', utf16(ris, true))).toMatchObject({ encoding: 'utf-16le', text: ris });
    expect(authors(utf16(ris, false))).toEqual(['Müller, Jörg', 'Ødegaard, Lars']);
  });
  it('decodes Latin-1 / Windows-1252 and says so, with the line of the first non-UTF-8 byte', () => {
    const latin1 = Uint8Array.from([...ris].map((c) => c.charCodeAt(0)));
    const r = parseBytes('latin1.ris', latin1);
    expect(r.records[0]!.authors).toEqual(['Müller, Jörg', 'Ødegaard, Lars']);
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'legacy-encoding', file: 'latin1.ris', line: 2 }));
    const smartQuote = decodeBytes('q', Uint8Array.from([0x4f, 0x92, 0x4e, 0x65, 0x69, 0x6c]));
    expect(smartQuote.text).toBe('O’Neil');
  });
  it('flags double-encoded text instead of passing mojibake silently', () => {
    const doubled = new TextEncoder().encode('TY  - JOUR\nAU  - MÃ¼ller, JÃ¶rg\nER  - \n');
    const r = parseBytes('doubled.ris', doubled);
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'mojibake', line: 2 }));
    expect(r.issues[0]!.message).toContain('"ü"');
  });
});
