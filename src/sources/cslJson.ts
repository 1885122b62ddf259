// CSL-JSON (Zotero, citeproc, DBLP): items with author [{family, given, literal}]; a broken item loses no others.

import type { ParseResult } from '../types';
import { issue, lineAtOffset, newRecord, yearOf } from './record';
import { normalizeArxivId, tidy } from './textShape';

interface CslName {
  family?: string; given?: string; literal?: string; suffix?: string;
  'non-dropping-particle'?: string; 'dropping-particle'?: string;
}
interface CslItem {
  id?: unknown; type?: string; title?: unknown; author?: CslName[]; issued?: unknown; DOI?: unknown; URL?: unknown;
  abstract?: unknown; 'container-title'?: unknown; number?: unknown; note?: unknown;
}

export function sniffCslJson(text: string): number {
  const head = text.slice(0, 4000).trimStart();
  if (!head.startsWith('[') && !head.startsWith('{')) return 0;
  return /"(author|title|issued|container-title|DOI)"\s*:/.test(head) ? 0.96 : 0.1;
}

/** Offsets of the top-level elements of a JSON array, found without parsing, so each can be parsed (and fail) alone. */
export function arrayElements(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let i = text.indexOf('[');
  if (i < 0) return out;
  let depth = 0; let start = -1; let inString = false;
  for (i = i + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) { if (c === 92) i++; else if (c === 34) inString = false; continue; }
    if (c === 34) { inString = true; if (depth === 0 && start < 0) start = i; continue; }
    if (c === 123 || c === 91) { if (depth === 0) start = i; depth++; }
    else if (c === 125 || c === 93) {
      if (depth === 0) { if (start >= 0) out.push({ start, end: i }); break; }
      depth--;
      if (depth === 0) { out.push({ start, end: i + 1 }); start = -1; }
    } else if (c === 44 && depth === 0) {
      // A string element ends at the comma (objects and arrays were taken where they closed).

      if (start >= 0 && start < i && text.charCodeAt(start) !== 123) out.push({ start, end: i });
      start = -1;
    }
  }
  // An element still open at the end (a broken one) is returned too, so that it is reported and what follows it
  // recovered.
  if (i >= text.length && start >= 0 && depth > 0) out.push({ start, end: text.length });
  return out;
}

function nameText(a: CslName): string {
  if (a.literal) return `{${a.literal}}`;
  let given = [a.given, a['dropping-particle']].filter(Boolean).join(' ');
  let family = [a['non-dropping-particle'], a.family].filter(Boolean).join(' ');
  // DBLP's CSL export sometimes splits "Wei Wang 0001" into given "Wei Wang", family "0001".
  if (/^\d{4}$/.test(family) && given.includes(' ')) {
    const at = given.lastIndexOf(' ');
    family = `${given.slice(at + 1)} ${family}`; given = given.slice(0, at);
    return `${given} ${family}`;
  }
  return [family, a.suffix, given].filter(Boolean).join(', ');
}

function yearOfIssued(issued: unknown): number | undefined {
  if (!issued) return undefined;
  if (typeof issued === 'string' || typeof issued === 'number') return yearOf(String(issued));
  const o = issued as { 'date-parts'?: unknown[][]; year?: unknown; raw?: string; literal?: string };
  if (Array.isArray(issued)) return yearOfIssued(issued[0]);
  if (o['date-parts']?.[0]?.[0] !== undefined) return yearOf(String(o['date-parts'][0][0]));
  return yearOf(String(o.year ?? o.raw ?? o.literal ?? ''));
}

export function parseCslJson(file: string, input: string): ParseResult {
  const out: ParseResult = { file, format: 'csl-json', records: [], issues: [] };
  const report = (code: string, severity: 'error' | 'warning', message: string, line: number) =>
    out.issues.push(issue(code, severity, message, file, line));
  let items: { item: CslItem; line: number }[] = [];
  const trimmed = input.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      const obj = JSON.parse(input) as CslItem & { items?: CslItem[] };
      items = (Array.isArray(obj.items) ? obj.items : [obj]).map((item) => ({ item, line: 1 }));
    } catch (e) { report('bad-json', 'error', `not valid JSON: ${(e as Error).message}`, 1); }
  } else {
    let line = 1; let counted = 0;
    for (const { start, end } of arrayElements(input)) {
      for (let i = input.indexOf('\n', counted); i !== -1 && i < start; i = input.indexOf('\n', i + 1)) line++;
      counted = start;
      try { items.push({ item: JSON.parse(input.slice(start, end)) as CslItem, line }); }
      catch (e) {
        report('bad-json', 'error', `item is not valid JSON (${(e as Error).message}); skipped`, line);
        // A broken item can swallow the items after it: re-read the rest of its span item by item, from lines that open
        // an item.
        const span = input.slice(start, end);
        const starts = [...span.matchAll(/\n[ \t]*\{/g)].map((m) => m.index! + 1);
        starts.forEach((at, k) => {
          const piece = span.slice(at, starts[k + 1] ?? span.length).trim().replace(/[,\]\s]+$/, '');
          const pieceLine = line + (span.slice(0, at).match(/\n/g)?.length ?? 0);
          try {
            items.push({ item: JSON.parse(piece) as CslItem, line: pieceLine });
          } catch { /* reported with the broken item */ }
        });
      }
    }
    if (!items.length && !out.issues.length) {
      report('bad-json', 'error', 'no JSON array of items found', lineAtOffset(input, 0));
    }
  }
  for (const { item, line } of items) {
    if (!item || typeof item !== 'object') {
      report('bad-item', 'warning', 'array element is not an object; skipped', line);
      continue;
    }
    const rec = newRecord(file, line, 'csl-json');
    if (item.id !== undefined) rec.sourceKey = String(item.id);
    if (Array.isArray(item.author)) {
      rec.authors = item.author.filter((a) => a && typeof a === 'object').map(nameText).filter(Boolean);
    }
    if (typeof item.title === 'string') rec.title = tidy(item.title);
    rec.year = yearOfIssued(item.issued);
    if (typeof item.DOI === 'string') rec.doi = item.DOI.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
    const arxiv = typeof item.URL === 'string' ? /arxiv\.org\/abs\/(\S+)/i.exec(item.URL)?.[1] : undefined;
    if (arxiv) rec.arxivId = normalizeArxivId(arxiv);
    if (typeof item.abstract === 'string') rec.abstract = tidy(item.abstract);
    if (typeof item['container-title'] === 'string') rec.venue = item['container-title'];
    if (!rec.title) report('no-title', 'warning', `item ${rec.sourceKey ?? ''} has no title`, line);

    out.records.push(rec);
  }
  return out;
}
