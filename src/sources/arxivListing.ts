// arXiv listing pages: per paper a title and author line, an abstract, comments, "arXiv:ID", "Created: date".

import type { PaperRecord, ParseResult } from '../types';
import { issue, newRecord, yearOf } from './record';
import { isProse, normalizeArxivId, readNameList, splitLines, tidy } from './textShape';

const ID_RE = /^arXiv:\s*\S+$/i;
const CREATED_RE = /^Created:\s*(\d{4}-\d{2}-\d{2})(?:\s+Updated:\s*(\d{4}-\d{2}-\d{2}))?\s*$/i;

export function sniffArxivListing(text: string): number {
  const lines = splitLines(text).map((l) => l.trim());
  const ids = lines.filter((l) => ID_RE.test(l)).length;
  const created = lines.filter((l) => CREATED_RE.test(l)).length;
  if (ids === 0) return 0;
  return Math.min(1, 0.5 + (0.5 * Math.min(ids, created)) / ids);
}

interface Pending { line: number; text: string }

/** Splits the lines gathered before an id line into title, authors, abstract and comments. */
function fillEntry(rec: PaperRecord, pending: Pending[], out: ParseResult): void {
  const abstractAt = pending.findIndex((p) => isProse(p.text));
  const before = abstractAt >= 0 ? pending.slice(0, abstractAt) : pending;
  const after = abstractAt >= 0 ? pending.slice(abstractAt + 1) : [];
  if (abstractAt >= 0) rec.abstract = pending[abstractAt]!.text;
  for (const p of before) {
    const warn = (code: string, message: string) => out.issues.push(issue(code, 'warning', message, out.file, p.line));
    const shape = rec.title !== undefined || before.length > 1 ? readNameList(p.text) : readNameList(p.text, 0.95);
    if (shape && rec.authors.length === 0 && (rec.title !== undefined || before.length === 1)) {
      rec.authors = shape.names;
      rec.truncated = shape.truncated;
      rec.organisations.push(...shape.organisations);
      for (const part of shape.oddParts) warn('odd-name-part', `"${part}" does not look like part of a name`);
      if (shape.unpaired) warn('unpaired-name', `"${shape.unpaired}" has no partner and was left out`);
    } else if (rec.title === undefined) rec.title = p.text;
    else {
      const message = `unexpected line before the abstract was skipped: "${p.text.slice(0, 60)}"`;
      out.issues.push(issue('stray-text', 'info', message, out.file, p.line));
    }
  }
  if (after.length) rec.comment = after.map((p) => p.text).join('; ');
  if (rec.abstract === undefined && rec.title === undefined) {
    const message = `arXiv:${rec.arxivId ?? '?'} has neither title nor abstract`;
    out.issues.push(issue('empty-entry', 'warning', message, out.file, rec.line));
  }
}

/** Index where the last entry in `pending` starts when it holds more than one abstract, else 0. */
function startOfLastEntry(pending: Pending[]): number {
  const prose = pending.map((p, k) => (isProse(p.text) ? k : -1)).filter((k) => k >= 0);
  if (prose.length < 2) return 0;
  let cut = prose[prose.length - 1]!;
  const floor = prose[prose.length - 2]! + 1;
  if (cut - 1 >= floor && readNameList(pending[cut - 1]!.text)) cut--;
  if (cut - 1 >= floor && cut < prose[prose.length - 1]!) cut--;
  return cut;
}

export function parseArxivListing(file: string, text: string): ParseResult {
  const out: ParseResult = { file, format: 'arxiv-listing', records: [], issues: [] };
  let pending: Pending[] = [];
  let current: PaperRecord | undefined;
  splitLines(text).forEach((raw, i) => {
    const line = tidy(raw);
    const n = i + 1;
    if (!line) return;
    if (ID_RE.test(line)) {
      const rec = newRecord(file, pending[0]?.line ?? n, 'arxiv-listing');
      const id = normalizeArxivId(line);
      if (id) rec.arxivId = id;
      else out.issues.push(issue('bad-arxiv-id', 'warning', `"${line}" is not an arXiv identifier`, file, n));
      // Two abstracts before one id: the earlier entry lost its id line; split before the last abstract's title and
      // authors.
      const cut = startOfLastEntry(pending);
      if (cut > 0) {
        const orphan = newRecord(file, pending[0]!.line, 'arxiv-listing');
        fillEntry(orphan, pending.slice(0, cut), out);
        const message = 'entry without an arXiv id line; kept without an id';
        out.issues.push(issue('missing-id', 'warning', message, file, orphan.line));
        out.records.push(orphan);
        pending = pending.slice(cut);
        rec.line = pending[0]!.line;
      }
      fillEntry(rec, pending, out);
      out.records.push(rec);
      current = rec;
      pending = [];
      return;
    }
    const created = CREATED_RE.exec(line);
    if (created && current && pending.length === 0) {
      current.created = created[1];
      if (created[2]) current.updated = created[2];
      current.year = yearOf(created[1]);
      return;
    }
    pending.push({ line: n, text: line });
  });
  if (pending.length) {
    const rec = newRecord(file, pending[0]!.line, 'arxiv-listing');
    fillEntry(rec, pending, out);
    if (rec.abstract !== undefined || rec.title !== undefined) {
      const message = 'last entry has no arXiv id line; kept without an id';
      out.issues.push(issue('missing-id', 'warning', message, file, rec.line));

      out.records.push(rec);
    }
  }
  return out;
}
