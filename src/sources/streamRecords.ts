// Reads one file of any size as a stream: bytes → text chunks → pieces of whole records → records handed over in batches.
// No whole-file string is ever made for the formats that can be cut at record boundaries; the others stop at a size.

import type { FormatId, Issue, PaperRecord } from '../types';
import type { CutFinder, CutState } from './pieces';
import { cutAfterLine, cutBibtex, cutCsv, cutJsonArray, cutJsonLines, cutMedline } from './pieces';
import { decodeBytes } from './decode';
import { parseText } from './parseSource';
import { issue } from './record';
import type { ParseContext, SourceFormat } from './registry';
import { describeUnknown, detectFormat } from './registry';
import { textChunks } from './textChunks';
import { parseDblpXml } from './xmlRecords';

/** V8 strings stop at 2^29 − 24 characters: formats read whole must stay well below. */
export const MAX_TEXT_CHARS = 400_000_000;
/** Pieces are cut once this much text has gathered. */
const PIECE_CHARS = 4_000_000;
const SNIFF_CHARS = 262_144;

export interface RecordBatch { records: PaperRecord[]; issues: Issue[] }
export type BatchSink = (batch: RecordBatch) => void;

interface Cutting { cut: CutFinder; jsonArray: boolean }

/** How a file of this format can be cut into pieces of whole records (undefined: it is read whole). */
function cuttingFor(format: FormatId, head: string): Cutting | undefined {
  const start = head.replace(/^\uFEFF/, '').trimStart();
  const tagged: Partial<Record<FormatId, CutFinder>> = {
    bibtex: cutBibtex, ris: cutAfterLine('ER  -'), csv: cutCsv, wos: cutAfterLine('ER'), medline: cutMedline,
  };
  if (tagged[format]) return { cut: tagged[format]!, jsonArray: false };
  // JSON arrays of works are cut between items; an API page object is read whole; JSON Lines line by line.
  if ((format === 'csl-json' || format === 'openalex' || format === 'crossref') && start.startsWith('[')) return { cut: cutJsonArray, jsonArray: true };
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

/** Parses a stream of text pieces cut at record boundaries; returns the records read. */
function streamPieces(
  file: string, format: SourceFormat, cutting: Cutting, texts: Iterable<string>, context: ParseContext, sink: BatchSink, pieceChars: number,
): number {
  const { cut, jsonArray } = cutting;
  const state: CutState = { insideArray: false };
  let buffer = ''; let line = 0; let records = 0; let header = '';
  const parsePiece = (piece: string, last: boolean) => {
    let text = piece; let offset = line;
    if (format.id === 'csv' && header) { text = header + piece; offset -= 1; }
    // A piece of a JSON array is made an array of its own: "[" in front after the first, "]" behind before the last.
    if (jsonArray) text = `${state.insideArray ? '[' : ''}${piece}${last ? '' : ']'}`;
    const result = format.parse(file, text, context);
    // Header-level findings (line 1) of later CSV pieces repeat the first piece's.
    if (format.id === 'csv' && header) result.issues = result.issues.filter((i) => i.line !== 1);
    records += result.records.length;
    sink(shift({ records: result.records, issues: result.issues }, offset));
    if (format.id === 'csv' && !header) header = piece.slice(0, piece.indexOf('\n') + 1);
    line += lineCount(piece);
  };
  for (const t of texts) {
    buffer += t;
    if (buffer.length < pieceChars) continue;
    const at = cut(buffer, state);
    if (at <= 0) {
      if (buffer.length > MAX_TEXT_CHARS) throw new Error(`no ${format.label} record boundary in ${MAX_TEXT_CHARS / 1e6} million characters`);
      continue;
    }
    const piece = jsonArray ? buffer.slice(0, at - 1) : buffer.slice(0, at);
    parsePiece(piece, false);
    if (jsonArray) { line += lineCount(buffer, at) - lineCount(piece); state.insideArray = true; }
    buffer = buffer.slice(at);
  }
  if (buffer.trim()) parsePiece(buffer, true);
  return records;
}

/**
 * Reads one file. `bytes` for a file already in memory, or `chunks` for one read block by block.
 * Records reach `sink` in batches with absolute line numbers; returns the detected format.
 */
export function streamRecords(
  file: string, input: Uint8Array | Iterable<Uint8Array>, context: ParseContext, sink: BatchSink, pieceChars = PIECE_CHARS,
): FormatId {
  if (input instanceof Uint8Array) {
    const decoded = decodeBytes(file, input);
    if (decoded.binary) { sink({ records: [], issues: decoded.issues }); return 'unknown'; }
    const result = parseText(file, decoded.text, { context });
    sink({ records: result.records, issues: [...decoded.issues, ...result.issues] });
    return result.format;
  }
  const fail = (format: FormatId, message: string): FormatId => {
    sink({ records: [], issues: [issue('unreadable', 'error', message, file, 1)] });
    return format;
  };
  let format: FormatId = 'unknown';
  try {
    const texts = textChunks(input);
    let head = '';
    for (let r = texts.next(); !r.done; r = texts.next()) { head += r.value; if (head.length >= SNIFF_CHARS) break; }
    if (!head.trim()) { sink({ records: [], issues: [issue('empty-file', 'error', 'the file is empty', file, 1)] }); return format; }
    const all = (function* () { yield head; yield* texts; })();
    const detected = detectFormat(head)?.format;
    if (!detected) return fail(format, `unknown format: this looks like ${describeUnknown(head)}; nothing was read from it`);
    format = detected.id;
    let records = 0;
    if (format === 'dblp-xml') {
      let batch: PaperRecord[] = [];
      const result = parseDblpXml(file, all, context, (r) => {
        batch.push(r); records++;
        if (batch.length >= 5000) { sink({ records: batch, issues: [] }); batch = []; }
      });
      sink({ records: batch, issues: result.issues });
    } else if (cuttingFor(format, head)) {
      records = streamPieces(file, detected, cuttingFor(format, head)!, all, context, sink, pieceChars);
    } else {
      let text = '';
      for (const t of all) {
        if (text.length + t.length > MAX_TEXT_CHARS) return fail(format, tooLarge(detected.label));
        text += t;
      }
      const result = detected.parse(file, text, context);
      records = result.records.length;
      sink({ records: result.records, issues: result.issues });
    }
    if (records === 0) sink({ records: [], issues: [issue('no-records', 'error', `read as ${detected.label} but found no papers`, file, 1)] });
    return format;
  } catch (e) {
    return fail(format, `could not read the data: ${(e as Error).message}`);
  }
}

function tooLarge(label: string): string {
  const size = `${MAX_TEXT_CHARS / 1e6} million characters`;
  return `this ${label} file is larger than ${size}, more than a file of this layout can be read at once; split it`;
}

