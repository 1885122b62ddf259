// Parses a file given as a stream of byte chunks: gzip and UTF-8 decoded on the fly; DBLP XML streams end to end,
// other formats are gathered into one text up to a size no single JavaScript string can pass.

import { Gunzip } from 'fflate';
import type { ParseResult } from '../types';
import type { ParseOptions } from './parseSource';
import { parseText } from './parseSource';
import { issue } from './record';
import { detectFormat } from './registry';
import { parseDblpXml } from './xmlRecords';

/** V8 strings stop at 2^29 − 24 characters; stay well below. */
export const MAX_TEXT_CHARS = 400_000_000;
const SNIFF_CHARS = 262_144;

function* gunzipChunks(chunks: Iterable<Uint8Array>): Generator<Uint8Array> {
  const ready: Uint8Array[] = [];
  const gz = new Gunzip((data) => { ready.push(data); });
  for (const c of chunks) { gz.push(c); while (ready.length) yield ready.shift()!; }
  gz.push(new Uint8Array(0), true);
  while (ready.length) yield ready.shift()!;
}

function* textChunks(chunks: Iterable<Uint8Array>): Generator<string> {
  const it = chunks[Symbol.iterator]();
  const first = it.next();
  if (first.done) return;
  const gzip = first.value[0] === 0x1f && first.value[1] === 0x8b;
  const rest = (function* () { yield first.value; for (let r = it.next(); !r.done; r = it.next()) yield r.value; })();
  const decoder = new TextDecoder('utf-8');
  let start = true;
  for (const bytes of gzip ? gunzipChunks(rest) : rest) {
    let text = decoder.decode(bytes, { stream: true });
    if (start) { text = text.replace(/^\uFEFF/, ''); start = false; }
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

export function parseByteStream(file: string, chunks: Iterable<Uint8Array>, options: ParseOptions = {}): ParseResult {
  try {
    const texts = textChunks(chunks);
    let head = '';
    for (let r = texts.next(); !r.done; r = texts.next()) { head += r.value; if (head.length >= SNIFF_CHARS) break; }
    const detected = detectFormat(head);
    if (detected?.format.id === 'dblp-xml') return parseDblpXml(file, (function* () { yield head; yield* texts; })());
    let text = head;
    for (const t of texts) {
      if (text.length + t.length > MAX_TEXT_CHARS) {
        return { file, format: detected?.format.id ?? 'unknown', records: [], issues: [issue('too-large', 'error', `file is larger than ${MAX_TEXT_CHARS / 1e6} million characters; only DBLP XML is read as a stream — split the file`, file, 1)] };
      }
      text += t;
    }
    return parseText(file, text, options);
  } catch (e) {
    return { file, format: 'unknown', records: [], issues: [issue('unreadable', 'error', `could not read the data: ${(e as Error).message}`, file, 1)] };
  }
}
