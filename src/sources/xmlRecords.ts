// arXiv API Atom and DBLP XML, read with a streaming SAX parser (sax): HTML entities, orcid attributes, title markup.

import { orcidId } from './identifiers';
import sax from 'sax';
import type { FormatId, PaperRecord, ParseResult } from '../types';
import { issue, newRecord, yearOf } from './record';
import { normalizeArxivId, tidy } from './textShape';

/** The elements whose text a record keeps. */
const ATOM_FIELDS = new Set(['id', 'title', 'summary', 'name', 'published', 'doi', 'comment', 'journal_ref']);
const DBLP_FIELDS = new Set(['author', 'title', 'year', 'ee', 'journal', 'booktitle']);
const DBLP_RECORDS = new Set([

  'article', 'inproceedings', 'proceedings', 'book', 'incollection', 'phdthesis', 'mastersthesis', 'www', 'data',
]);

export function sniffAtom(text: string): number {
  const head = text.slice(0, 3000);
  return /<feed[\s>]/.test(head) && /http:\/\/www\.w3\.org\/2005\/Atom/.test(head) ? 0.97 : 0;
}

export function sniffDblpXml(text: string): number {
  const head = text.slice(0, 5000);
  if (/<dblp[\s>]/.test(head)) return 0.97;
  return /<(article|inproceedings|incollection)\s[^>]*key=/.test(head) && /<author[\s>]/.test(head) ? 0.9 : 0;
}

interface Ctx {
  rec?: PaperRecord; field?: string; text: string; depth: number; skipped: number; homepages: number;
  /** ORCID of the author element being read ('' when it has none). */
  orcid?: string;
}

/** Runs sax over the text; `onOpen`/`onClose` see element names without namespace prefixes. */
interface SaxHandlers {
  open: (name: string, attrs: Record<string, string>, line: number) => void;
  close: (name: string) => void;
  text: (t: string) => void;
}

function runSax(file: string, text: string | Iterable<string>, out: ParseResult, handlers: SaxHandlers): void {
  const parser = sax.parser(true, { trim: false, normalize: false, position: true });
  let errors = 0;
  const xmlIssue = (severity: 'warning' | 'error', message: string) =>
    out.issues.push(issue('malformed-xml', severity, message, file, parser.line + 1));
  parser.onopentag = (node) =>
    handlers.open(node.name.replace(/^.*:/, ''), node.attributes as Record<string, string>, parser.line + 1);
  parser.onclosetag = (name) => handlers.close(name.replace(/^.*:/, ''));
  parser.ontext = (t) => handlers.text(t);
  parser.oncdata = (t) => handlers.text(t);
  parser.onerror = (e) => {
    errors++;
    if (errors <= 50) xmlIssue('warning', `XML error: ${e.message.split('\n')[0]}; reading on`);
    parser.error = null as unknown as Error;
    if (errors > 10000) throw new Error('too many XML errors');
    parser.resume();
  };
  try {
    if (typeof text === 'string') parser.write(text);
    else for (const chunk of text) parser.write(chunk);
    parser.close();
  }
  catch (e) { xmlIssue('error', `XML reading stopped: ${(e as Error).message.split('\n')[0]}`); }
  if (errors > 50) xmlIssue('warning', `${errors - 50} more XML errors not listed`);

}

export function parseAtom(file: string, input: string): ParseResult {
  const out: ParseResult = { file, format: 'arxiv-atom' as FormatId, records: [], issues: [] };
  const c: Ctx = { text: '', depth: 0, skipped: 0, homepages: 0 };
  let inAuthor = false;
  runSax(file, input, out, {
    open: (name, attrs, line) => {
      if (name === 'entry') { c.rec = newRecord(file, line, 'arxiv-atom'); return; }
      if (!c.rec) return;
      if (name === 'author') inAuthor = true;
      else if (name === 'category' && attrs.term) c.rec.categories.push(attrs.term);
      else if (name === 'link' && attrs.title === 'doi' && attrs.href) {
        c.rec.doi = attrs.href.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
      }
      if (ATOM_FIELDS.has(name)) { c.field = name; c.text = ''; }
    },
    text: (t) => { if (c.field) c.text += t; },
    close: (name) => {
      const rec = c.rec;
      if (!rec) return;
      if (name === 'entry') {
        if (!rec.title) out.issues.push(issue('no-title', 'warning', 'entry has no title', file, rec.line));
        out.records.push(rec); c.rec = undefined; return;
      }
      if (name === 'author') { inAuthor = false; return; }
      if (name !== c.field) return;
      const v = tidy(c.text);
      c.field = undefined;
      if (name === 'id') {
        const id = normalizeArxivId(v.replace(/^https?:\/\/arxiv\.org\/abs\//i, ''));
        if (id) rec.arxivId = id;
      } else if (name === 'title') rec.title = v;
      else if (name === 'summary') rec.abstract = v;
      else if (name === 'name' && inAuthor && v) rec.authors.push(v);
      else if (name === 'published') { rec.created = v.slice(0, 10); rec.year = yearOf(v); }
      else if (name === 'doi' && v) rec.doi = v;
      else if (name === 'comment') rec.comment = v;
      else if (name === 'journal_ref') rec.venue = v;
    },
  });
  return out;
}

/**
 * DBLP XML; `input` may be an iterable of text chunks, so full dumps (gigabytes) stream through without one big string.
 * With `onRecord`, records are handed over as they close instead of being collected.
 */
export function parseDblpXml(
  file: string, input: string | Iterable<string>, _context?: unknown, onRecord?: (r: PaperRecord) => void,
): ParseResult {
  const out: ParseResult = { file, format: 'dblp-xml', records: [], issues: [] };
  const c: Ctx = { text: '', depth: 0, skipped: 0, homepages: 0 };
  let recordName = '';
  runSax(file, input, out, {
    open: (name, attrs, line) => {
      if (!c.rec && DBLP_RECORDS.has(name)) {
        recordName = name;
        c.rec = newRecord(file, line, 'dblp-xml');
        if (attrs.key) c.rec.sourceKey = attrs.key;
        return;
      }
      if (!c.rec) return;
      if (c.field) { c.depth++; return; } // markup inside a title (<sub>, <i>) keeps its text
      if (DBLP_FIELDS.has(name)) { c.field = name; c.text = ''; c.depth = 0; }
      if (name === 'author') c.orcid = orcidId(attrs.orcid) ?? '';
    },
    // Line breaks around nested title markup (<sub>, <i>) are layout, not text.
    text: (t) => { if (c.field) c.text += t.includes('\n') ? t.trim() : t; },
    close: (name) => {
      const rec = c.rec;
      if (!rec) return;
      if (c.field && c.depth > 0) { c.depth--; return; }
      if (name === recordName) {
        if (recordName === 'www') c.homepages++; // person pages, not papers
        else if (recordName === 'proceedings' && !rec.authors.length) c.skipped++; // a volume: editors, no authors
        else if (onRecord) onRecord(rec); else out.records.push(rec);
        c.rec = undefined; c.field = undefined; return;
      }
      if (name !== c.field) return;
      const v = tidy(c.text);
      c.field = undefined;
      if (name === 'author' && v) {
        // A DBLP name (with its homonym number) names one DBLP person: it is an identifier of its own ("dblp:…",
        // kept internal), so the records that give the person's ORCID and the ones that do not stay one person.
        rec.authors.push(v);
        (rec.authorIds ??= []).push([`dblp:${v.replace(/\s+/g, '_')}`, c.orcid].filter(Boolean).join(' '));
      } else if (name === 'title') rec.title = v.replace(/\.$/, '');
      else if (name === 'year') rec.year = yearOf(v);
      else if (name === 'ee') {
        const doi = /doi\.org\/(10\.\S+)/i.exec(v)?.[1];
        if (doi && !rec.doi) rec.doi = doi;
        const arxiv = /arxiv\.org\/abs\/(\S+)/i.exec(v)?.[1];
        if (arxiv && !rec.arxivId) rec.arxivId = normalizeArxivId(arxiv);
      } else if ((name === 'journal' || name === 'booktitle') && !rec.venue) rec.venue = v;
    },
  });
  const note = (code: string, message: string) => out.issues.push(issue(code, 'info', message, file, 1));
  if (c.homepages) note('skipped-homepages', `${c.homepages} person records (<www>) are not papers; skipped`);
  if (c.skipped) note('skipped-proceedings', `${c.skipped} proceedings volumes without authors skipped`);

  return out;
}
