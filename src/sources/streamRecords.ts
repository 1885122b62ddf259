// Reads one file of any size as a stream: bytes → pieces of whole records → records handed over in batches.
// No whole-file string is ever made for the formats that can be cut at record boundaries; the others stop at a size.

import type { FormatId, Issue, PaperRecord } from '../types';
import { decodeBytes } from './decode';
import { noRecords, parseText } from './parseSource';
import type { BatchSink, ReadShare } from './pieceStreams';
import { cuttingFor, joinBytes, MAX_TEXT_CHARS, streamBytePieces, streamPieces } from './pieceStreams';
import { issue } from './record';
import type { ParseContext, SourceFormat } from './registry';
import { describeUnknown, detectFormat } from './registry';
import { byteCutFor } from './byteCuts';
import { byteChunks, decodeChunks } from './textChunks';
import { parseDblpXml } from './xmlRecords';
import { macrosOnly } from './bibtex';

export type { BatchSink, ReadShare, RecordBatch } from './pieceStreams';
export { MAX_TEXT_CHARS } from './pieceStreams';

/** Pieces are cut once this much text has gathered. */
const PIECE_CHARS = 4_000_000;
const SNIFF_CHARS = 262_144;

/**
 * Reads one file. `bytes` for a file already in memory, or `chunks` for one read block by block.
 * Records reach `sink` in batches with absolute line numbers; returns the detected format.
 */
export function streamRecords(
  file: string, input: Uint8Array | Iterable<Uint8Array>, context: ParseContext, sink: BatchSink,
  pieceChars = PIECE_CHARS, share?: ReadShare,
): FormatId {
  if (input instanceof Uint8Array) {
    const decoded = decodeBytes(file, input);
    if (decoded.binary) { sink({ records: [], issues: decoded.issues }); return 'unknown'; }
    const result = parseText(file, decoded.text, { context });
    sink({ records: result.records, issues: [...decoded.issues, ...result.issues] });
    return result.format;
  }
  const fail = (format: FormatId, message: string, code = 'unreadable'): FormatId => {
    sink({ records: [], issues: [issue(code, 'error', message, file, 1)] });
    return format;
  };
  // Findings about the whole file come from one reader only.
  const failFile = share && share.index > 0 ? (format: FormatId) => format : fail;
  let format: FormatId = 'unknown';
  const macrosBefore = context.macrosDefined ?? 0;
  try {
    const { head, blocks } = readHead(input);
    if (!head.trim()) return failFile(format, 'the file is empty', 'empty-file');
    const all = decodeChunks(blocks);
    const detected = detectFormat(head)?.format;
    if (!detected) {
      return failFile(format, `unknown format: this looks like ${describeUnknown(head)}; nothing was read from it`);
    }
    format = detected.id;
    const byteCut = byteCutFor(format);
    if (share && !byteCut && share.index > 0) return format;
    let records = 0;
    if (format === 'dblp-xml') {
      let batch: PaperRecord[] = [];
      const result = parseDblpXml(file, all, context, (r) => {
        batch.push(r); records++;
        if (batch.length >= 5000) { sink({ records: batch, issues: [] }); batch = []; }
      });
      sink({ records: batch, issues: result.issues });
    } else if (byteCut) {
      records = streamBytePieces(file, detected, byteCut, blocks, context, sink, pieceChars, share);
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
    const macros = (context.macrosDefined ?? 0) - macrosBefore;
    if (share) { share.records = records; share.macros = macros; }
    else if (records === 0) sink({ records: [], issues: [noPapersFinding(file, detected.label, macros)] });
    return format;
  } catch (e) {
    return fail(format, `could not read the data: ${(e as Error).message}`);
  }
}

/** The first blocks of a file decoded on their own (a character cut at their end left out), and all its blocks. */
function readHead(input: Iterable<Uint8Array>): { head: string; blocks: Iterable<Uint8Array>; close: () => void } {
  const plain = byteChunks(input);
  const first: Uint8Array[] = []; let firstBytes = 0;
  for (let r = plain.next(); !r.done; r = plain.next()) {
    first.push(r.value); firstBytes += r.value.length;
    if (firstBytes >= SNIFF_CHARS) break;
  }
  const blocks = (function* () { yield* first; yield* plain; })();
  const head = new TextDecoder('utf-8').decode(joinBytes(first, firstBytes), { stream: true }).replace(/^\uFEFF/, '');
  // A reader that wants only the head ends the source here, which closes its file.
  return { head, blocks, close: () => void plain.return(undefined) };
}

/** The format a file is read as, from its first blocks (undefined: not one we read). */
export function formatOfBlocks(input: Iterable<Uint8Array>): SourceFormat | undefined {
  const { head, close } = readHead(input);
  close();
  return head.trim() ? detectFormat(head)?.format : undefined;
}

/** What a file read in pieces that gave no papers is told: it only defines macros (a note), or nothing was found. */
export function noPapersFinding(file: string, label: string, macros: number): Issue {
  return macros > 0 ? macrosOnly(file, macros) : issue('no-records', 'error', noRecords(label), file, 1);
}

function tooLarge(label: string): string {
  const size = `${MAX_TEXT_CHARS / 1e6} million characters`;
  return `this ${label} file is larger than ${size}, more than a file of this layout can be read at once; split it`;
}

