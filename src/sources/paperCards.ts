// Paper-card pages: a "CategoryMon D[, YYYY][Code]" header, a title run into a truncated author list, an abstract.

import type { PaperRecord, ParseResult } from '../types';
import { issue, newRecord, yearOf } from './record';
import { isNamePart, isProse, readNameList, splitLines, stripTruncation, tidy } from './textShape';

const MONTHS = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';
const HEADER_RE = new RegExp(`^([A-Za-z][A-Za-z.-]{0,11}?)?((?:${MONTHS})[a-z]*\\.? \\d{1,2}(?:, \\d{4})?)(Code)?$`);

export function sniffPaperCards(text: string): number {
  const lines = splitLines(text).map((l) => l.trim()).filter(Boolean);
  if (lines.length < 3) return 0;
  const headers = lines.filter((l) => HEADER_RE.test(l)).length;
  return Math.min(1, (headers * 3) / lines.length);
}

/** Positions where an author list may start inside "TitleFirst Last, …": a capital glued to the previous character. */
function joinPoints(body: string): number[] {
  const points: number[] = [];
  for (let i = 1; i < body.length; i++) {
    const c = body[i]!; const prev = body[i - 1]!; const next = body[i + 1] ?? '';
    if (!/\p{Lu}/u.test(c) || /\s|-|\//.test(prev)) continue;
    if (/\p{Lu}/u.test(prev) && !/\p{Ll}/u.test(next)) continue;
    points.push(i);
  }
  return points;
}

/**
 * Splits "Some TitleAilin Huang, Chengyuan Yao et al. · org" into title and author list.
 * The author list is the suffix that reads as names from a glued capital to the end; of the valid
 * split points the rightmost one whose first name has two or more words wins (so "LeCun" stays whole),
 * else the leftmost single-word one (a team such as "StepFun").
 */
export function splitTitleAuthors(line: string): { title: string; authors: ReturnType<typeof readNameList> } | null {
  const [body0 = ''] = line.split(/\s+·\s+/);
  const { rest: body } = stripTruncation(body0);
  let multi = -1; let single = -1;
  for (const at of joinPoints(body)) {
    const parts = body.slice(at).split(/\s*,\s*/);
    if (!parts.every((p) => isNamePart(p))) continue;
    if (parts[0]!.includes(' ')) multi = at;
    else if (single < 0) single = at;
  }
  const at = multi >= 0 ? multi : single;
  if (at < 0) return null;
  const authorText = line.slice(at);
  return { title: tidy(body.slice(0, at)), authors: readNameList(authorText, 0.5) };
}

export function parsePaperCards(file: string, text: string): ParseResult {
  const out: ParseResult = { file, format: 'paper-cards', records: [], issues: [] };
  let current: PaperRecord | undefined;
  let step = 0; // 0: expect header, 1: expect title+authors, 2: expect abstract
  splitLines(text).forEach((raw, i) => {
    const line = tidy(raw);
    const n = i + 1;
    if (!line) return;
    const header = HEADER_RE.exec(line);
    if (header) {
      if (current && step === 1) {
        out.issues.push(issue('empty-card', 'warning', 'card header without a title line', file, current.line));
      }
      current = newRecord(file, n, 'paper-cards');
      if (header[1]) current.categories.push(header[1]);
      current.created = header[2];
      current.year = yearOf(header[2]);
      if (header[3]) current.comment = 'code available';
      out.records.push(current);
      step = 1;
      return;
    }
    if (current && step === 1) {
      const split = splitTitleAuthors(line);
      if (split && split.title && split.authors) {
        current.title = split.title;
        current.authors = split.authors.names;
        current.truncated = split.authors.truncated;
        current.organisations.push(...split.authors.organisations);
      } else {
        current.title = line;
        const message = 'could not find an author list after the title; kept the line as the title';
        out.issues.push(issue('no-authors', 'warning', message, file, n));
      }
      step = 2;
      return;
    }
    if (current && step === 2 && isProse(line)) { current.abstract = line; step = 0; return; }
    if (current && step === 2) { current.abstract = line; step = 0; return; }
    out.issues.push(issue('stray-text', 'info', `line outside any card was skipped: "${line.slice(0, 60)}"`, file, n));
  });
  for (const r of out.records) {
    if (r.title === undefined) out.issues.push(issue('empty-card', 'warning', 'card without a title', file, r.line));
  }

  return { ...out, records: out.records.filter((r) => r.title !== undefined || r.abstract !== undefined) };
}
