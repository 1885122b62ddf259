// CSV / TSV with a header row (papaparse): columns found by their common header names; authors split on ";" or " and ".

import Papa from 'papaparse';
import type { ParseResult } from '../types';
import { issue, newRecord, yearOf } from './record';
import { scopusId } from './identifiers';
import { normalizeArxivId, readNameList, tidy } from './textShape';

const COLUMNS: Record<string, RegExp> = {
  authors: /^(authors?|author\s*names?|author\s*full\s*names?|creators?|au|byline|contributors?)$/i,
  // Scopus: "Author full names" carries "Smith, John (57190000001)"; "Author(s) ID" the ids in byline order.
  fullNames: /^author\s*full\s*names$/i,
  authorIds: /^author\(s\)\s*id$/i,
  eid: /^eid$/i,
  title: /^(title|article\s*title|document\s*title|paper\s*title|ti|name)$/i,
  year: /^(year|publication\s*year|py|pub\s*year|date|published|publication\s*date|issued)$/i,
  doi: /^(doi|di)$/i,
  id: /^(id|arxiv|arxiv\s*id|eprint|identifier|key|paper\s*id)$/i,
  abstract: /^(abstract|ab|summary)$/i,
  venue: /^(journal|venue|source\s*title|booktitle|conference|container\s*title|so|publication)$/i,
};

function header(text: string): { cells: string[]; delimiter: string } | undefined {
  const first = text.slice(0, 4000).split(/\r\n|\r|\n/)[0]?.replace(/^\uFEFF/, '') ?? '';
  let best: { cells: string[]; delimiter: string } | undefined;
  for (const delimiter of ['\t', ',', ';', '|']) {
    const cells = first.split(delimiter).map((c) => c.trim().replace(/^"|"$/g, ''));
    if (cells.length > (best?.cells.length ?? 1)) best = { cells, delimiter };
  }
  return best;
}

export function sniffCsv(text: string): number {
  const h = header(text);
  if (!h) return 0;
  const hasAuthors = h.cells.some((c) => COLUMNS.authors!.test(c));
  const hasTitle = h.cells.some((c) => COLUMNS.title!.test(c));
  return hasAuthors && hasTitle ? 0.96 : hasAuthors || hasTitle ? 0.6 : 0;
}

/** Splits an authors cell: ";" first, then " and ", then commas when the parts read as a name list. */
export function splitAuthorCell(cell: string): string[] {
  const text = cell.trim();
  if (!text) return [];
  const parts = (by: string | RegExp) => text.split(by).map((s) => s.trim()).filter(Boolean);
  if (text.includes(';')) return parts(';');
  if (/\s(and|&)\s/i.test(text) && !text.includes(',')) return parts(/\s+(?:and|&)\s+/i);
  const list = readNameList(text, 0.6);
  if (list) return list.truncated ? [...list.names, 'et al.'] : list.names;
  return text.split(/\s*,\s*|\s+and\s+/i).filter(Boolean);
}

/**
 * Scopus authors: full names with their ids ("Smith, John (57190000001); …"), else the abbreviated names with the
 * "Author(s) ID" column in the same order. Undefined when the table has neither full names nor ids.
 */
function readScopusAuthors(
  full: string, short: string, idCell: string,
): { names: string[]; ids: string[] } | undefined {
  if (full) {
    const parts = full.split(';').map((s) => s.trim()).filter(Boolean);
    const names = parts.map((p) => p.replace(/\s*\((\d{6,14})\)\s*$/, ''));
    const ids = parts.map((p) => scopusId(/\((\d{6,14})\)\s*$/.exec(p)?.[1]) ?? '');
    return { names, ids };
  }
  if (!idCell) return undefined;
  // Scopus abbreviates as "Family I." ("Chen L.", "van der Berg A.B."): written "Family, I." so it is read that way.
  const names = splitAuthorCell(short).map((n) => n.replace(/^(.+?)\s+((?:\p{Lu}\.\s?-?)+)$/u, '$1, $2').trim());
  const ids = idCell.split(';').map((s) => s.trim()).filter(Boolean);
  if (ids.length !== names.length) return undefined;
  return { names, ids: ids.map((x) => scopusId(x) ?? '') };
}

/**
 * Parses rows; a quote left open (which would swallow the rest of the file) loses only its own line, and reading goes
 * on after it.
 */
function readRows(
  input: string, delimiter: string, out: ParseResult, file: string,
): { rows: string[][]; lines: number[] } {
  const parsed = Papa.parse<string[]>(input, { delimiter, skipEmptyLines: false });
  const rows = parsed.data;
  const lines: number[] = [];
  let line = 1;
  for (const row of rows) {
    lines.push(line);
    line += 1 + row.reduce((s, c) => s + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  }
  const open = parsed.errors.find((e) => e.code === 'MissingQuotes');
  for (const e of parsed.errors) {
    if (e !== open) out.issues.push(issue('csv-error', 'warning', e.message, file, lines[e.row ?? 0] ?? 1));
  }
  if (!open || open.row === undefined) return { rows, lines };
  const brokenLine = lines[open.row] ?? 1;
  const message = 'a quoted cell is never closed; this line was skipped and reading goes on at the next one';
  out.issues.push(issue('csv-open-quote', 'error', message, file, brokenLine));
  const textLines = input.split(/\r\n|\r|\n/);
  const rest = readRows(textLines.slice(brokenLine).join('\n'), delimiter, out, file);
  return {
    rows: [...rows.slice(0, open.row), ...rest.rows],
    lines: [...lines.slice(0, open.row), ...rest.lines.map((l) => l + brokenLine)],
  };
}

export function parseCsvTable(file: string, input: string): ParseResult {
  const out: ParseResult = { file, format: 'csv', records: [], issues: [] };
  const h = header(input);
  const { rows, lines } = readRows(input.replace(/^\uFEFF/, ''), h?.delimiter ?? '', out, file);
  if (rows.length === 0) { out.issues.push(issue('empty-table', 'error', 'no rows', file, 1)); return out; }
  const head = rows[0]!.map((c) => c.trim());
  const col: Record<string, number> = {};
  for (const [name, re] of Object.entries(COLUMNS)) {
    const i = head.findIndex((c) => re.test(c));
    if (i >= 0) col[name] = i;
  }
  if (col.authors === undefined) {
    out.issues.push(issue('no-author-column', 'warning', `no authors column among: ${head.join(', ')}`, file, 1));
  }
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const cell = (k: string) => (col[k] !== undefined ? (row[col[k]!] ?? '').trim() : '');
    const rec = newRecord(file, lines[r] ?? r + 1, 'csv');
    const note = (code: string, severity: 'info' | 'warning', message: string) =>
      out.issues.push(issue(code, severity, message, file, rec.line));
    if (row.every((c) => !c.trim())) {
      if (row.length > 1) note('empty-row', 'info', 'row has only empty cells; skipped');
      continue;
    }
    if (row.length !== head.length) {
      note('csv-row-length', 'warning', `row has ${row.length} cells, the header ${head.length}`);
    }

    const withIds = readScopusAuthors(cell('fullNames'), cell('authors'), cell('authorIds'));
    if (withIds) { rec.authors = withIds.names; if (withIds.ids.some(Boolean)) rec.authorIds = withIds.ids; }
    else rec.authors = splitAuthorCell(cell('authors'));
    if (cell('eid')) rec.sourceKey = cell('eid');
    rec.title = tidy(cell('title')) || undefined;
    rec.year = yearOf(cell('year'));
    const doi = cell('doi').replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
    if (doi) rec.doi = doi;
    const id = cell('id');
    if (id) { rec.sourceKey = id; const a = normalizeArxivId(id.replace(/^arxiv:/i, '')); if (a) rec.arxivId = a; }
    rec.abstract = tidy(cell('abstract')) || undefined;
    rec.venue = tidy(cell('venue')) || undefined;
    if (!rec.title && !rec.authors.length) {
      note('empty-row', 'info', 'row has neither title nor authors; skipped');
      continue;
    }

    out.records.push(rec);
  }
  return out;
}
