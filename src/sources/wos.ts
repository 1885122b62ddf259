// Web of Science exports: plain text ("FN …", two-letter tags, continuation lines indented by three spaces, "ER"
// ends a record, "EF" the file) and tab-delimited (a header row of the same tags). AF full names are preferred to
// AU short names; OI (ORCID) and RI (ResearcherID) are matched to the authors by name; CA group authors are teams.

import Papa from 'papaparse';
import type { PaperRecord, ParseResult } from '../types';
import { foldCompact } from '../corpus/fold';
import { joinIds, orcidId, researcherId } from './identifiers';
import { issue, newRecord, yearOf } from './record';
import { splitLines, tidy } from './textShape';

const TAG = /^([A-Z][A-Z0-9]) (.*)$/;

export function sniffWos(text: string): number {
  const head = text.slice(0, 20000).replace(/^\uFEFF/, '');
  if (/^FN (Clarivate|Thomson Reuters)?.*\r?\nVR /.test(head)) return 1;
  if (/^PT\tAU\t/.test(head) || /^(PT|AU)\t.*\bTI\b.*\bUT\b/.test(head.split(/\r?\n/)[0] ?? '')) return 0.99;
  const lines = head.split(/\r?\n/);
  const tagged = lines.filter((l) => TAG.test(l)).length;
  return /^PT [JBSP]\s*$/m.test(head) && /^ER\s*$/m.test(head) && tagged >= 5 ? 0.98 : 0;
}

/** Values of one record by tag: each value a list of lines (AU, AF, CR… hold one item a line). */
type Fields = Map<string, string[]>;

/** "Smith, John/0000-0002-1825-0097; Doe, J/…" → folded name → id. */
function idsByName(text: string | undefined, make: (v: string) => string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (text ?? '').split(';')) {
    const at = part.lastIndexOf('/');
    if (at < 0) continue;
    const id = make(part.slice(at + 1));
    if (id) out.set(foldCompact(part.slice(0, at)), id);
  }
  return out;
}

function toRecord(file: string, line: number, f: Fields, out: ParseResult): PaperRecord {
  const rec = newRecord(file, line, 'wos');
  const one = (tag: string) => (f.get(tag) ?? []).join(' ').trim();
  const full = f.get('AF') ?? []; const short = f.get('AU') ?? [];
  const names = full.length && (!short.length || full.length === short.length) ? full : short;
  if (full.length && short.length && full.length !== short.length) {
    const message = `AF lists ${full.length} authors and AU ${short.length}; AU used`;
    out.issues.push(issue('wos-author-count', 'warning', message, file, line));
  }
  const orcids = idsByName(one('OI'), orcidId); const rids = idsByName(one('RI'), researcherId);
  rec.authors = names.map((n) => n.trim()).filter(Boolean);
  const ids = rec.authors.map((n, i) => {
    const keys = [foldCompact(n), foldCompact(short[i] ?? '')];
    return joinIds(keys.flatMap((k) => [orcids.get(k), rids.get(k)]));
  });
  if (ids.some(Boolean)) rec.authorIds = ids;
  rec.organisations = (f.get('CA') ?? []).map((x) => x.trim()).filter(Boolean);
  rec.title = tidy(one('TI')) || undefined;
  rec.year = yearOf(one('PY')) ?? yearOf(one('EY'));
  const doi = one('DI');
  if (doi) rec.doi = doi;
  rec.abstract = tidy(one('AB')) || undefined;
  rec.venue = tidy(one('SO')) || undefined;
  rec.sourceKey = one('UT') || undefined;
  if (!rec.title) out.issues.push(issue('no-title', 'warning', 'record has no TI (title)', file, line));
  return rec;
}

export function parseWos(file: string, input: string): ParseResult {
  const text = input.replace(/^\uFEFF/, '');
  return /^(PT|AU)\t/.test(text) ? parseWosTabs(file, text) : parseWosText(file, text);
}

function parseWosText(file: string, input: string): ParseResult {
  const out: ParseResult = { file, format: 'wos', records: [], issues: [] };
  let fields: Fields | undefined; let start = 0; let last = '';
  const finish = (n: number, closed: boolean) => {
    if (!fields) return;
    if (!closed) {
      const message = `record started at line ${start} has no "ER" line; kept`;
      out.issues.push(issue('missing-er', 'warning', message, file, n));

    }
    out.records.push(toRecord(file, start, fields, out));
    fields = undefined;
  };
  const lines = splitLines(input);
  lines.forEach((line, i) => {
    const n = i + 1;
    if (!line.trim()) return;
    if (line.startsWith('   ')) {
      // A continuation: another item of a list field (AU, AF, CR, C1) or the next line of a text field.
      if (fields && last) fields.get(last)!.push(line.trim());
      return;
    }
    const m = TAG.exec(line.trimEnd()) ?? (/^(ER|EF)$/.exec(line.trim()) ? [line, line.trim(), ''] : null);
    if (!m) {
      out.issues.push(issue('not-wos', 'warning', `line is not "XX value"; skipped: "${line.slice(0, 60)}"`, file, n));
      return;
    }

    const tag = m[1]!; const value = m[2] ?? '';
    if (tag === 'FN' || tag === 'VR') return;
    if (tag === 'EF') { finish(n, false); return; }
    if (tag === 'ER') { if (fields) finish(n, true); return; }
    if (tag === 'PT' || !fields) { if (fields) finish(n, false); fields = new Map(); start = n; }
    const list = fields.get(tag);
    if (list) list.push(value); else fields.set(tag, [value]);
    last = tag;
  });
  finish(lines.length, false);
  return out;
}

/** Tab-delimited export: one record a row; list fields separated by "; ". */
function parseWosTabs(file: string, input: string): ParseResult {
  const out: ParseResult = { file, format: 'wos', records: [], issues: [] };
  const rows = Papa.parse<string[]>(input, { delimiter: '\t', quoteChar: '\u0000', skipEmptyLines: true }).data;
  const head = rows[0]!.map((c) => c.trim());
  const lists = new Set(['AU', 'AF', 'CA', 'CR', 'C1']);
  for (let r = 1; r < rows.length; r++) {
    const f: Fields = new Map();
    head.forEach((tag, i) => {
      const v = (rows[r]![i] ?? '').trim();
      if (v) f.set(tag, lists.has(tag) ? v.split(/;\s*/) : [v]);
    });
    out.records.push(toRecord(file, r + 1, f, out));
  }
  return out;
}
