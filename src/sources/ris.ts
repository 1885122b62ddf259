// RIS (Scopus, Zotero, PubMed, EndNote exports): "TY  - " starts a record, "ER  - " ends it; AU/A1 are authors.

import type { PaperRecord, ParseResult } from '../types';
import { issue, newRecord, yearOf } from './record';
import { normalizeArxivId, splitLines, tidy } from './textShape';

const TAG_RE = /^([A-Z][A-Z0-9])  -(?: (.*))?$/;

export function sniffRis(text: string): number {
  const head = text.slice(0, 20000);
  if (!/^\s*TY  - /m.test(head)) return 0;
  const tags = head.split(/\r\n|\r|\n/).filter((l) => TAG_RE.test(l)).length;
  return tags >= 2 ? 0.97 : 0.5;
}

export function parseRis(file: string, input: string): ParseResult {
  const out: ParseResult = { file, format: 'ris', records: [], issues: [] };
  let rec: PaperRecord | undefined;
  let lastTag = '';
  const finish = (line: number, closed: boolean) => {
    if (!rec) return;
    if (!closed) {
      const message = `record started at line ${rec.line} has no "ER  -" line; kept`;
      out.issues.push(issue('missing-er', 'warning', message, file, line));
    }
    if (!rec.title) out.issues.push(issue('no-title', 'warning', 'record has no title', file, rec.line));
    out.records.push(rec);
    rec = undefined;
  };
  splitLines(input).forEach((raw, i) => {
    const n = i + 1;
    const line = raw.replace(/^\uFEFF/, '');
    const m = TAG_RE.exec(line.trimEnd());
    if (!m) {
      // Continuation lines (long abstracts wrapped by some exporters) belong to the previous tag.
      // Others (Scopus puts one cited reference per line under N1) are not needed for the network.
      if (rec && line.trim() && (lastTag === 'AB' || lastTag === 'N2' || lastTag === 'TI')) {
        if (lastTag === 'TI') rec.title = tidy(`${rec.title ?? ''} ${line}`);
        else rec.abstract = tidy(`${rec.abstract ?? ''} ${line}`);
      } else if (!rec && line.trim()) {
        const message = `line outside any record is not "XX  - value"; skipped: "${line.slice(0, 60)}"`;
        out.issues.push(issue('not-ris', 'warning', message, file, n));
      }
      return;
    }
    const [, tag, value0 = ''] = m;
    const value = value0.trim();
    lastTag = tag!;
    if (tag === 'TY') { if (rec) finish(n, false); rec = newRecord(file, n, 'ris'); rec.sourceKey = value; return; }
    if (tag === 'ER') {
      if (rec) finish(n, true); else out.issues.push(issue('stray-er', 'info', '"ER" without a record', file, n));
      return;
    }
    if (!rec) {
      out.issues.push(issue('outside-record', 'warning', `"${tag}" line before any "TY" line; skipped`, file, n));
      return;
    }

    switch (tag) {
      case 'AU': case 'A1': if (value) rec.authors.push(value); break;
      case 'TI': case 'T1': if (!rec.title) rec.title = tidy(value); break;
      case 'PY': case 'Y1': case 'DA': if (rec.year === undefined) rec.year = yearOf(value); break;
      case 'DO': rec.doi = value.replace(/^https?:\/\/(dx\.)?doi\.org\//i, ''); break;
      case 'AB': case 'N2': rec.abstract = tidy(rec.abstract ? `${rec.abstract} ${value}` : value); break;
      case 'T2': case 'JO': case 'JF': case 'JA': case 'BT': if (!rec.venue && value) rec.venue = value; break;
      case 'UR': case 'L1': case 'LK': {
        const arxiv = /arxiv\.org\/abs\/(\S+)/i.exec(value)?.[1];
        if (arxiv && !rec.arxivId) rec.arxivId = normalizeArxivId(arxiv);
        const doi = /doi\.org\/(10\.\S+)/i.exec(value)?.[1];
        if (doi && !rec.doi) rec.doi = doi;
        break;
      }
      case 'KW': if (value) rec.categories.push(value); break;
      default: break;
    }
  });
  finish(splitLines(input).length, false);
  return out;
}
