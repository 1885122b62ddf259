// Small helpers every parser uses to make records and issues the same way.

import type { FormatId, Issue, PaperRecord, Severity } from '../types';

export function newRecord(file: string, line: number, format: FormatId): PaperRecord {
  return { file, line, format, authors: [], truncated: false, categories: [], organisations: [] };
}

export function issue(code: string, severity: Severity, message: string, file: string, line: number): Issue {
  return { code, severity, message, file, line };
}

/** Parses a four-digit year out of a date-like string, within a plausible range. */
export function yearOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m = /(?:^|\D)(1[89]\d\d|20\d\d)(?!\d)/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** 1-based line number of a character offset in a text. */
export function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
