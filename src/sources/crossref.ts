// Crossref works JSON: an API list ({"message": {"items": […]}}), one work ({"message": {…}}) or an array of works.
// Authors have given/family (or `name` for organisations) and may carry an ORCID.

import type { ParseResult } from '../types';
import { orcidId } from './identifiers';
import { arr, obj, readJsonWorks, str, stripDoi } from './jsonWorks';
import { newRecord, issue } from './record';
import { tidy } from './textShape';

export function sniffCrossref(text: string): number {
  const head = text.slice(0, 60000);
  if (/"message-type"\s*:\s*"work(-list)?"/.test(head)) return 1;
  // A bare array of Crossref items: fields CSL-JSON does not have (or has as plain strings).
  const crossrefOnly = /"(reference-count|is-referenced-by-count|member|indexed)"\s*:|"title"\s*:\s*\[/.test(head);
  return /"DOI"\s*:/.test(head) && crossrefOnly ? 0.98 : 0;
}

const unwrap = (top: unknown): unknown[] | undefined => {
  if (Array.isArray(top)) return top;
  const message = obj(top, 'message');
  if (message) return Array.isArray(message.items) ? message.items : [message];
  return top && typeof top === 'object' && 'DOI' in top ? [top] : undefined;
};

function yearOfWork(w: Record<string, unknown>): number | undefined {
  for (const key of ['issued', 'published', 'published-print', 'published-online', 'created']) {
    const parts = arr(obj(w, key), 'date-parts')[0];
    const y = Array.isArray(parts) ? parts[0] : undefined;
    if (typeof y === 'number' && Number.isInteger(y)) return y;
  }
  return undefined;
}

export function parseCrossref(file: string, input: string): ParseResult {
  const out: ParseResult = { file, format: 'crossref', records: [], issues: [] };
  const { works, issues } = readJsonWorks(file, input, unwrap, (w) => str(w, 'DOI') || undefined);
  out.issues.push(...issues);
  for (const { value: w, line } of works) {
    const rec = newRecord(file, line, 'crossref');
    const first = (key: string) => { const v = arr(w, key)[0]; return typeof v === 'string' ? v : str(w, key); };
    rec.title = tidy(first('title')) || undefined;
    rec.year = yearOfWork(w);
    const doi = stripDoi(str(w, 'DOI'));
    if (doi) { rec.doi = doi; rec.sourceKey = doi; }
    rec.venue = tidy(first('container-title')) || undefined;
    const abstract = str(w, 'abstract').replace(/<[^>]+>/g, ' ');
    rec.abstract = tidy(abstract) || undefined;
    const ids: string[] = [];
    for (const a of arr(w, 'author')) {
      const family = str(a, 'family').trim(); const given = str(a, 'given').trim();
      if (!family && str(a, 'name')) { rec.organisations.push(str(a, 'name').trim()); continue; }
      if (!family) continue;
      rec.authors.push(given ? `${family}, ${given}` : family);
      ids.push(orcidId(str(a, 'ORCID')) ?? '');
    }
    if (ids.some(Boolean)) rec.authorIds = ids;
    if (!rec.title) out.issues.push(issue('no-title', 'warning', 'work has no title', file, line));
    out.records.push(rec);
  }
  return out;
}
