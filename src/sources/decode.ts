// Turns file bytes into text: gzip, byte-order marks, UTF-16, and Latin-1/Windows-1252 fallback, reporting what it did.

import { gunzipSync } from 'fflate';
import type { Issue } from '../types';
import { issue, lineAtOffset } from './record';

export interface DecodedText {
  text: string;
  encoding: string;
  issues: Issue[];
  /** True when the bytes are not text at all (binary junk). */
  binary: boolean;
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Share of bytes in the first 64 KiB that are control characters no text file has. */
function controlShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 65536);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0 || (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12)) bad++;
  }
  return n ? bad / n : 0;
}

/** Decodes bytes to text. Never throws: undecodable input comes back flagged binary with an issue. */
export function decodeBytes(file: string, input: Uint8Array): DecodedText {
  const issues: Issue[] = [];
  let bytes = input;
  if (isGzip(bytes)) {
    try { bytes = gunzipSync(bytes); }
    catch (e) {
      issues.push(issue('bad-gzip', 'error', `gzip data is damaged: ${(e as Error).message}`, file, 1));
      return { text: '', encoding: 'gzip', issues, binary: true };
    }
  }
  const utf16 = (encoding: 'utf-16le' | 'utf-16be') =>
    ({ text: new TextDecoder(encoding).decode(bytes.subarray(2)), encoding, issues, binary: false });
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return utf16('utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16('utf-16be');
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  if (controlShare(body) > 0.02) {
    const message = 'this is not a text file (control bytes); nothing was read from it';
    issues.push(issue('binary-file', 'error', message, file, 1));
    return { text: '', encoding: 'binary', issues, binary: true };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    const mojibake = MOJIBAKE.exec(text);
    if (mojibake) {
      const seen = `"${mojibake[0]}" is how UTF-8 "${repairPair(mojibake[0])}" reads as Latin-1`;
      const message = `text looks double-encoded (${seen}); names may be garbled — re-export the file as UTF-8`;
      issues.push(issue('mojibake', 'warning', message, file, lineAtOffset(text, mojibake.index)));
    }
    return { text, encoding: start ? 'utf-8 (BOM)' : 'utf-8', issues, binary: false };
  } catch {
    const text = decodeWindows1252(body);
    const firstBad = findFirstInvalidUtf8(body);
    const message = 'not valid UTF-8; read as Windows-1252 (Latin-1). Check accented names';
    issues.push(issue('legacy-encoding', 'warning', message, file, lineAt(body, firstBad)));
    return { text, encoding: 'windows-1252', issues, binary: false };
  }
}

// UTF-8 read as Latin-1/Windows-1252 and saved again: "Ã¼" for "ü", "â€™" for "’".
const MOJIBAKE = /[ÃÂ][\u0080-\u00BF]|â€[\u0080-\u00BF\u2018-\u201E\u2122\u0153\u02DC]/;

function repairPair(s: string): string {
  try {
    const byteOf = (c: string) => {
      const code = c.charCodeAt(0);
      return code < 256 ? code : CP1252_BACK[code] ?? 63;
    };
    const bytes = new Uint8Array([...s].map(byteOf));

    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch { return '?'; }
}

const CP1252_BACK: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88,
  0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93,
  0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b,
  0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

/**
 * Windows-1252 by hand: not every runtime's TextDecoder maps 0x80–0x9F (curly quotes, euro sign) as the code page does.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const forward: Record<number, number> = {};
  for (const [cp, b] of Object.entries(CP1252_BACK)) forward[b] = Number(cp);
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    parts.push(String.fromCharCode(...Array.from(chunk, (b) => forward[b] ?? b)));
  }
  return parts.join('');
}

function findFirstInvalidUtf8(bytes: Uint8Array): number {
  const dec = new TextDecoder('utf-8', { fatal: true });
  let lo = 0; let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try { dec.decode(bytes.subarray(0, mid)); lo = mid; } catch { hi = mid; }
  }
  return lo;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}
