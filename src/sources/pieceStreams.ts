// Pieces of whole records, parsed one by one: a file cut as bytes (tagged formats; shared among reading threads) or
// as text (JSON arrays and JSON Lines), each piece's line numbers made the file's.

import type { FormatId, Issue, PaperRecord } from '../types';
import type { CutFinder, CutState } from './pieces';
import { cutJsonArray, cutJsonLines } from './pieces';
import type { ParseContext, SourceFormat } from './registry';
import type { ByteCut } from './byteCuts';
import { countLines } from './byteCuts';

/** V8 strings stop at 2^29 − 24 characters: formats read whole must stay well below. */
export const MAX_TEXT_CHARS = 400_000_000;

export interface RecordBatch { records: PaperRecord[]; issues: Issue[] }
export type BatchSink = (batch: RecordBatch) => void;

/**
 * One of several readers of the same file, each parsing every `of`-th piece from piece `index` (byte-cut formats;
 * any other format is read whole by reader 0 alone). Every reader cuts the whole file the same way, so the pieces and
 * their line numbers agree; the caller files the pieces in turn. Findings about the file as a whole come from reader
 * 0, and "no papers" is left to the caller, which learns each reader's count in `records` and the macros it met in
 * `macros` (see noPapersFinding).
 */
export interface ReadShare { index: number; of: number; records: number; macros?: number }

export interface Cutting { cut: CutFinder; jsonArray: boolean }

/**
 * How a JSON file can be cut into pieces of whole records (undefined: it is read whole). Tagged formats (BibTeX,
 * RIS, CSV…) are cut as bytes instead (byteCutFor).
 */
export function cuttingFor(format: FormatId, head: string): Cutting | undefined {
  const start = head.replace(/^\uFEFF/, '').trimStart();
  // JSON arrays of works are cut between items; an API page object is read whole; JSON Lines line by line.
  const json = format === 'csl-json' || format === 'openalex' || format === 'crossref';
  if (json && start.startsWith('[')) return { cut: cutJsonArray, jsonArray: true };
  if (format === 'openalex' && /^\{[^\n]*\}\s*\n\s*\{/.test(start)) return { cut: cutJsonLines, jsonArray: false };
  return undefined;
}

const lineCount = (text: string, end = text.length): number => {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

function shift(batch: RecordBatch, lines: number): RecordBatch {
  if (lines) { for (const r of batch.records) r.line += lines; for (const i of batch.issues) i.line += lines; }
  return batch;
}

/** A CSV piece after the first gets the header line in front (one line up), and loses the header's own findings. */
interface Piecewise {
  parse: (piece: string, line: number) => RecordBatch;
  /** Another reader's piece: only what later pieces need of it is kept (a CSV's header). */
  passOver: (piece: string) => void;
  records: () => number;
}

function piecewise(file: string, format: SourceFormat, context: ParseContext): Piecewise {
  let header = ''; let records = 0;
  return {
    records: () => records,
    passOver: (piece) => {
      if (format.id === 'csv' && !header) header = piece.slice(0, piece.indexOf('\n') + 1);
    },
    parse: (piece, line) => {
      const csvHeader = format.id === 'csv' && header !== '';
      const result = format.parse(file, csvHeader ? header + piece : piece, context);
      if (csvHeader) result.issues = result.issues.filter((i) => i.line !== 1);
      // A piece of macros alone says nothing of the file: whether it holds only macros is told at its end.
      if (format.id === 'bibtex') result.issues = result.issues.filter((i) => i.code !== 'macros-only');
      if (format.id === 'csv' && !header) header = piece.slice(0, piece.indexOf('\n') + 1);
      records += result.records.length;
      return shift({ records: result.records, issues: result.issues }, csvHeader ? line - 1 : line);
    },
  };
}

/**
 * Parses a stream of bytes cut at record boundaries before decoding (see byteCuts): each piece is decoded into one
 * flat string. `pieceBytes` gather before a cut; returns the records read.
 */
export function streamBytePieces(
  file: string, format: SourceFormat, cut: ByteCut, blocks: Iterable<Uint8Array>, context: ParseContext,
  sink: BatchSink, pieceBytes: number, share: ReadShare = { index: 0, of: 1, records: 0 },
): number {
  const pieces = piecewise(file, format, context);
  // Each piece is decoded on its own: only the file's first may start with a byte order mark, dropped here.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let pending: Uint8Array[] = []; let pendingBytes = 0; let line = 0; let piece = 0;
  const decode = (bytes: Uint8Array, at: number) => {
    const text = decoder.decode(bytes);
    return at === 0 ? text.replace(/^\uFEFF/, '') : text;
  };
  /** Parses the piece when it is this reader's; another's is only passed over (see passOver). */
  const take = (bytes: Uint8Array, text?: string) => {
    const at = piece++;
    if (at % share.of === share.index) sink(pieces.parse(text ?? decode(bytes, at), line));
    else passOver(bytes, text, at, pieces, decode, context, format);
  };
  for (const block of blocks) {
    pending.push(block); pendingBytes += block.length;
    if (pendingBytes < pieceBytes) continue;
    const bytes = joinBytes(pending, pendingBytes);
    // Pieces of at most twice `pieceBytes` however large the block: a gzip block inflates to tens of megabytes, and
    // the readers sharing a file need pieces to share. (Cut to `pieceBytes`, a 1.15 GB BibTeX file read 2 s slower.)
    let start = 0;
    while (bytes.length - start >= pieceBytes) {
      let at = cut(bytes.subarray(start, start + 2 * pieceBytes));
      if (at <= 0) at = cut(bytes.subarray(start)); // a record longer than a piece
      if (at <= 0) break;
      take(bytes.subarray(start, start + at));
      line += countLines(bytes.subarray(start), at);
      start += at;
    }
    if (start === 0) {
      if (bytes.length > MAX_TEXT_CHARS) throw new Error(noBoundary(format.label, 'bytes'));
      pending = [bytes];
      continue;
    }
    // A copy of the rest, so the block it was cut from can go.
    const rest = bytes.slice(start);
    pending = [rest]; pendingBytes = rest.length;
  }
  const last = joinBytes(pending, pendingBytes);
  const text = decode(last, piece);
  if (text.trim()) take(last, text);
  return pieces.records();
}

/**
 * Another reader's piece, passed over: a CSV header still comes from the first piece, and BibTeX macros (@string)
 * defined in it still apply to the pieces after, so a piece that may define any is parsed for them and its records
 * are dropped.
 */
function passOver(
  bytes: Uint8Array, text: string | undefined, at: number, pieces: Piecewise,
  decode: (bytes: Uint8Array, at: number) => string, context: ParseContext, format: SourceFormat,
): void {
  if (format.id === 'csv' && at === 0) pieces.passOver(text ?? decode(bytes, at));
  else if (format.id === 'bibtex' && mayDefineMacros(bytes)) format.parse('', text ?? decode(bytes, at), context);
}

/** "@string" in any case, anywhere in the bytes: a cheap first look for macro definitions. */
function mayDefineMacros(bytes: Uint8Array): boolean {
  for (let at = bytes.indexOf(64); at >= 0; at = bytes.indexOf(64, at + 1)) {
    if ((bytes[at + 1]! | 32) === 115 && (bytes[at + 2]! | 32) === 116 && (bytes[at + 3]! | 32) === 114) return true;
  }
  return false;
}

export function joinBytes(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** Parses a stream of text pieces cut at record boundaries; returns the records read. */
export function streamPieces(
  file: string, format: SourceFormat, cutting: Cutting, texts: Iterable<string>, context: ParseContext, sink: BatchSink,
  pieceChars: number,
): number {
  const { cut, jsonArray } = cutting;
  const state: CutState = { insideArray: false };
  const pieces = piecewise(file, format, context);
  let buffer = ''; let line = 0;
  const parsePiece = (piece: string, last: boolean) => {
    // A piece of a JSON array is made an array of its own: "[" in front after the first, "]" behind before the last.
    sink(pieces.parse(jsonArray ? `${state.insideArray ? '[' : ''}${piece}${last ? '' : ']'}` : piece, line));
    line += lineCount(piece);
  };
  for (const t of texts) {
    buffer += t;
    if (buffer.length < pieceChars) continue;
    const at = cut(buffer, state);
    if (at <= 0) {
      if (buffer.length > MAX_TEXT_CHARS) throw new Error(noBoundary(format.label, 'characters'));
      continue;
    }
    const piece = jsonArray ? buffer.slice(0, at - 1) : buffer.slice(0, at);
    parsePiece(piece, false);
    if (jsonArray) { line += lineCount(buffer, at) - lineCount(piece); state.insideArray = true; }
    buffer = buffer.slice(at);
  }
  if (buffer.trim()) parsePiece(buffer, true);
  return pieces.records();
}

const noBoundary = (label: string, unit: string) =>
  `no ${label} record boundary in ${MAX_TEXT_CHARS / 1e6} million ${unit}`;
