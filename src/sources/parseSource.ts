// Entry point of the sources stage: bytes or text of one file → records and issues, format detected by content.

import type { FormatId, ParseResult } from '../types';
import { decodeBytes } from './decode';
import { issue } from './record';
import type { ParseContext } from './registry';
import { describeUnknown, detectFormat, formats } from './registry';
import './structured';

export const noRecords = (label: string) => `read as ${label} but found no papers`;

export interface ParseOptions {
  /** Force a format instead of detecting it. */
  format?: FormatId;
  /** Shared across the files of one run (BibTeX macros). */
  context?: ParseContext;
}


/** Parses one file's text. Never throws on bad data. */
export function parseText(file: string, text: string, options: ParseOptions = {}): ParseResult {
  if (!text.trim()) {
    const empty = issue('empty-file', 'error', 'the file is empty', file, 1);
    return { file, format: 'unknown', records: [], issues: [empty] };

  }
  const forced = options.format ? formats.find((f) => f.id === options.format) : undefined;
  const chosen = forced ?? detectFormat(text)?.format;
  if (!chosen) {
    const message = `unknown format: this looks like ${describeUnknown(text)}; nothing was read from it`;
    return { file, format: 'unknown', records: [], issues: [issue('unknown-format', 'error', message, file, 1)] };
  }
  try {
    const result = chosen.parse(file, text, options.context);
    if (result.records.length === 0 && !result.issues.some((i) => i.code === 'macros-only')) {
      result.issues.push(issue('no-records', 'error', noRecords(chosen.label), file, 1));
    }
    return result;
  } catch (e) {
    // A parser bug must not take the other files down with it.
    const message = `the ${chosen.label} parser failed: ${(e as Error).message}`;
    const failed = issue('parser-failure', 'error', message, file, 1);

    return { file, format: chosen.id, records: [], issues: [failed] };
  }
}

/** Parses one file's bytes (gzip, BOM, UTF-16 and legacy encodings handled). */
export function parseBytes(file: string, bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
  const decoded = decodeBytes(file, bytes);
  if (decoded.binary) return { file, format: 'unknown', records: [], issues: decoded.issues };
  const result = parseText(file, decoded.text, options);
  result.issues.unshift(...decoded.issues);
  return result;
}
