// Bytes read block by block → plain bytes (gzip unpacked on the fly) → decoded text chunks (UTF-8, BOM dropped).

import { Gunzip } from 'fflate';

function* gunzipChunks(chunks: Iterable<Uint8Array>): Generator<Uint8Array> {
  const ready: Uint8Array[] = [];
  const gz = new Gunzip((data) => { ready.push(data); });
  for (const c of chunks) { gz.push(c); while (ready.length) yield ready.shift()!; }
  gz.push(new Uint8Array(0), true);
  while (ready.length) yield ready.shift()!;
}

/** The file's own bytes: gzip (told by its magic bytes) unpacked, anything else as read. */
export function* byteChunks(chunks: Iterable<Uint8Array>): Generator<Uint8Array> {
  const it = chunks[Symbol.iterator]();
  const first = it.next();
  if (first.done) return;
  const gzip = first.value[0] === 0x1f && first.value[1] === 0x8b;
  // A reader that stops early (a format sniff) ends the source too, which closes its file.
  const rest = (function* () {
    try { yield first.value; for (let r = it.next(); !r.done; r = it.next()) yield r.value; } finally { it.return?.(); }
  })();
  yield* gzip ? gunzipChunks(rest) : rest;
}

/** Text chunks of plain bytes (see byteChunks), decoded as UTF-8 across chunk boundaries. */
export function* decodeChunks(bytes: Iterable<Uint8Array>): Generator<string> {
  const decoder = new TextDecoder('utf-8');
  let start = true;
  for (const b of bytes) {
    let text = decoder.decode(b, { stream: true });
    if (start) { text = text.replace(/^\uFEFF/, ''); start = false; }
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

export function textChunks(chunks: Iterable<Uint8Array>): Generator<string> {
  return decodeChunks(byteChunks(chunks));
}
