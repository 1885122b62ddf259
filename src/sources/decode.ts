// Turns file bytes into text: gzip, byte-order marks, UTF-16, and Latin-1/Windows-1252 fallback, reporting what it did.

import { gunzipSync } from 'fflate';
import type { Issue } from '../types';
import { issue } from './record';

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
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', issues, binary: false };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', issues, binary: false };
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  if (controlShare(body) > 0.02) {
    issues.push(issue('binary-file', 'error', 'this is not a text file (control bytes); nothing was read from it', file, 1));
    return { text: '', encoding: 'binary', issues, binary: true };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: start ? 'utf-8 (BOM)' : 'utf-8', issues, binary: false };
  } catch {
    const text = new TextDecoder('windows-1252').decode(body);
    const firstBad = findFirstInvalidUtf8(body);
    issues.push(issue('legacy-encoding', 'warning', 'not valid UTF-8; read as Windows-1252 (Latin-1). Check accented names', file, lineAt(body, firstBad)));
    return { text, encoding: 'windows-1252', issues, binary: false };
  }
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
