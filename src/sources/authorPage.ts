// Author pages: an owner line "Last, First", then per paper a title, a "Last, First, Last, First" line, an abstract.

import type { ParseResult } from '../types';
import { issue, newRecord } from './record';
import { isProse, readNameList, splitLines, tidy } from './textShape';

/** Share of non-blank lines that are "Last, First" pair lists; near 1/3 on an author page. */
export function sniffAuthorPage(text: string): number {
  const lines = splitLines(text).filter((l) => l.trim());
  if (lines.length < 3) return 0;
  let pairLists = 0;
  for (const l of lines) {
    const shape = readNameList(l, 0.9);
    if (shape && shape.form === 'last-first' && shape.names.length >= 1) pairLists++;
  }
  return Math.min(1, (pairLists * 3) / lines.length);
}

export function parseAuthorPage(file: string, text: string): ParseResult {
  const out: ParseResult = { file, format: 'author-page', records: [], issues: [] };
  const lines = splitLines(text);
  let current: ReturnType<typeof newRecord> | undefined;
  let owner: string | undefined;
  let first = true;
  const flush = () => {
    if (!current) return;
    const at = current.line;
    const noted = (code: string, message: string) => out.issues.push(issue(code, 'warning', message, file, at));
    if (current.authors.length === 0) noted('no-authors', `"${current.title ?? '(untitled)'}" has no author line`);
    else if (owner && !current.authors.includes(owner)) {
      noted('owner-missing', `the page belongs to ${owner}, who is not in this paper's author list`);
    }
    out.records.push(current);
    current = undefined;
  };
  lines.forEach((raw, i) => {
    const line = tidy(raw);
    const n = i + 1;
    if (!line) return;
    const shape = isProse(line) ? null : readNameList(line);
    if (first) {
      first = false;
      if (shape && shape.form === 'last-first' && shape.names.length === 1) { owner = shape.names[0]; return; }
    }
    if (shape && shape.form === 'last-first') {
      if (!current || current.authors.length > 0) {
        flush();
        current = newRecord(file, n, 'author-page');
        out.issues.push(issue('no-title', 'warning', 'author line without a title line before it', file, n));
      }
      current.authors = shape.names;
      current.truncated = shape.truncated;
      current.organisations.push(...shape.organisations);
      if (shape.unpaired) {
        const message = `odd number of "Last, First" parts; "${shape.unpaired}" has no partner and was left out`;
        out.issues.push(issue('unpaired-name', 'warning', message, file, n));
      }
      for (const p of shape.oddParts) {
        out.issues.push(issue('odd-name-part', 'warning', `"${p}" does not look like part of a name`, file, n));
      }
      return;
    }
    if (isProse(line) && current && !current.abstract) { current.abstract = line; return; }
    if (isProse(line)) {
      out.issues.push(issue('stray-text', 'info', 'running text outside any paper entry was skipped', file, n));
      return;
    }

    flush();
    current = newRecord(file, n, 'author-page');
    current.title = line;
  });
  flush();
  return out;
}
