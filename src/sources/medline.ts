// PubMed/MEDLINE exports (.nbib, .txt): "PMID- " starts a record, tags are four characters padded and followed by
// "- ", continuation lines are indented by six spaces. FAU full names are preferred to AU; an AUID line ("ORCID: …")
// belongs to the author just before it; CN collective names are teams.

import type { PaperRecord, ParseResult } from '../types';
import { joinIds, orcidId } from './identifiers';
import { issue, newRecord, yearOf } from './record';
import { splitLines, tidy } from './textShape';

const TAG = /^([A-Z]{2,4}) {0,2}- (.*)$/;

export function sniffMedline(text: string): number {
  const head = text.slice(0, 20000).replace(/^\uFEFF/, '');
  if (!/^PMID- \d+/m.test(head)) return 0;
  return /^(TI|FAU|AU)  ?- /m.test(head) ? 1 : 0.6;
}

interface Draft {
  rec: PaperRecord; authors: { name: string; short?: string; ids: string[] }[]; lastTag: string;
  /** The last author line was FAU: the AU line that follows is its short form. */
  fauOpen: boolean;
}

export function parseMedline(file: string, input: string): ParseResult {
  const out: ParseResult = { file, format: 'medline', records: [], issues: [] };
  let d: Draft | undefined;
  const finish = () => {
    if (!d) return;
    const { rec } = d;
    rec.authors = d.authors.map((a) => a.name);
    const ids = d.authors.map((a) => joinIds(a.ids));
    if (ids.some(Boolean)) rec.authorIds = ids;
    if (!rec.title) out.issues.push(issue('no-title', 'warning', 'record has no TI (title)', rec.file, rec.line));
    out.records.push(rec);
    d = undefined;
  };
  splitLines(input.replace(/^\uFEFF/, '')).forEach((line, i) => {
    const n = i + 1;
    if (!line.trim()) return;
    if (/^ {6}/.test(line) && d) {
      const t = d.lastTag; const more = line.trim();
      if (t === 'TI') d.rec.title = `${d.rec.title ?? ''} ${more}`;
      else if (t === 'AB') d.rec.abstract = `${d.rec.abstract ?? ''} ${more}`;
      else if (t === 'JT') d.rec.venue = `${d.rec.venue ?? ''} ${more}`;
      return;
    }
    const m = TAG.exec(line.trimEnd());
    if (!m) {
      const message = `line is not "TAG - value"; skipped: "${line.slice(0, 60)}"`;
      out.issues.push(issue('not-medline', 'warning', message, file, n));
      return;
    }
    const tag = m[1]!; const value = m[2]!.trim();
    if (tag === 'PMID') {
      finish();
      d = { rec: newRecord(file, n, 'medline'), authors: [], lastTag: tag, fauOpen: false };
      d.rec.sourceKey = `PMID:${value}`;
      return;
    }
    if (!d) {
      out.issues.push(issue('outside-record', 'warning', `"${tag}" line before any "PMID-" line; skipped`, file, n));
      return;
    }
    d.lastTag = tag;
    const last = d.authors[d.authors.length - 1];
    switch (tag) {
      case 'TI': d.rec.title = value; break;
      case 'AB': d.rec.abstract = value; break;
      case 'FAU': d.authors.push({ name: value, ids: [] }); d.fauOpen = true; break;
      // AU follows its FAU; alone (older records), it is the only form of the name.
      case 'AU':
        if (last && d.fauOpen) last.short = value; else d.authors.push({ name: value, short: value, ids: [] });
        d.fauOpen = false;
        break;
      case 'AUID': if (last) last.ids.push(...[orcidId(value)].filter((x): x is string => !!x)); break;
      case 'CN': d.rec.organisations.push(value); break;
      case 'DP': d.rec.year = yearOf(value); break;
      case 'LID': case 'AID': {
        const doi = /^(10\.\S+) \[doi\]$/.exec(value)?.[1];
        if (doi && !d.rec.doi) d.rec.doi = doi;
        break;
      }

      case 'JT': d.rec.venue = value; break;
      case 'TA': if (!d.rec.venue) d.rec.venue = value; break;
      default: break;
    }
  });
  finish();
  for (const r of out.records) {
    if (r.title) r.title = tidy(r.title);
    if (r.abstract) r.abstract = tidy(r.abstract);
    if (r.venue) r.venue = tidy(r.venue);
  }
  return out;
}
