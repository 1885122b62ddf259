// Bytes read block by block → decoded text chunks: gzip and UTF-8 (with or without BOM) decoded on the fly.

import { Gunzip } from 'fflate';

function* gunzipChunks(chunks: Iterable<Uint8Array>): Generator<Uint8Array> {
  const ready: Uint8Array[] = [];
  const gz = new Gunzip((data) => { ready.push(data); });
  for (const c of chunks) { gz.push(c); while (ready.length) yield ready.shift()!; }
  gz.push(new Uint8Array(0), true);
  while (ready.length) yield ready.shift()!;
}

export function* textChunks(chunks: Iterable<Uint8Array>): Generator<string> {
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
