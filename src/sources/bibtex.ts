// BibTeX / BibLaTeX: the fast scanner finds entries; LaTeX-heavy entries go through @retorquere/bibtex-parser.

import { parse as parseWithLibrary } from '@retorquere/bibtex-parser';
import type { Creator } from '@retorquere/bibtex-parser';
import type { Issue, PaperRecord, ParseResult } from '../types';
import type { ParseContext } from './registry';
import type { BibEntry } from './bibtexScan';
import { scanBibtex } from './bibtexScan';
import { decodeLatex } from './latex';
import { issue, newRecord, yearOf } from './record';
import { normalizeArxivId, tidy } from './textShape';

const ENTRY_RE = /^[ \t]*@[A-Za-z]+[ \t]*[{(]/m;

export function sniffBibtex(text: string): number {
  if (!ENTRY_RE.test(text)) return 0;
  const entries = text.match(/^[ \t]*@[A-Za-z]+[ \t]*[{(]/gm)?.length ?? 0;
  return entries >= 1 ? 0.95 : 0;
}

/** Splits an author field on " and " outside braces. */
export function splitAuthors(value: string): string[] {
  // Without braces no "and" is protected: the native split does it in one pass.
  if (!value.includes('{')) return value.split(/\s+and\s+/i).map(tidy).filter(Boolean);
  const out: string[] = [];
  let depth = 0; let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0 && (c === ' ' || c === '\t' || c === '\n') && /^\s+and\s/i.test(value.slice(i, i + 6))) {
      out.push(value.slice(start, i));
      i += value.slice(i).match(/^\s+and\s+/i)![0].length - 1;
      start = i + 1;
    }
  }
  out.push(value.slice(start));
  return out.map(tidy).filter(Boolean);
}

/** The fields a record is made of; LaTeX elsewhere (notes, keywords) does not matter. */
const USED_FIELDS = [
  'author', 'title', 'abstract', 'journal', 'journaltitle', 'booktitle', 'year', 'date', 'doi', 'url', 'eprint',
  'archiveprefix', 'eprinttype',
];

/** True when decoding needs the full LaTeX parser (commands beyond accents and special letters). */
function needsLibrary(value: string): boolean {
  return value.includes('\\') && decodeLatex(value).includes('\\');
}

function creatorText(c: Creator): string {
  if (c.name) return `{${c.name}}`;
  const family = [c.prefix, c.lastName].filter(Boolean).join(' ');
  return [family, c.suffix, c.firstName].filter(Boolean).join(', ');
}

function text(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const t = tidy(decodeLatex(value));
  return t || undefined;
}

export function toRecord(file: string, e: BibEntry, out: ParseResult, strings: Record<string, string>): PaperRecord {
  const rec = newRecord(file, e.line, 'bibtex');
  rec.sourceKey = e.key;
  let f = e.fields;
  const author = f.get('author');
  let authors = author !== undefined ? splitAuthors(author).map((a) => (/^\{.*\}$/.test(a) ? a : decodeLatex(a))) : [];
  if (e.latex && USED_FIELDS.some((k) => { const v = f.get(k); return v !== undefined && needsLibrary(v); })) {
    try {
      const lib = parseWithLibrary(e.raw, {
        english: false, sentenceCase: false, caseProtection: false, unsupported: 'ignore', strings,
      });
      const parsed = lib.entries[0];
      if (parsed) {
        f = new Map(e.fields);
        for (const [k, v] of Object.entries(parsed.fields)) if (typeof v === 'string') f.set(k, v);
        if (parsed.fields.author) authors = parsed.fields.author.map(creatorText);
      }
    } catch (err) {
      const why = (err as Error).message.split('\n')[0];
      const message = `entry "${e.key}": LaTeX could not be fully decoded (${why}); kept as written`;
      out.issues.push(issue('latex', 'info', message, file, e.line));
    }
  }
  rec.authors = authors;
  const s = (k: string) => f.get(k);
  rec.title = text(s('title'));
  rec.abstract = text(s('abstract'));
  rec.venue = text(s('journal') ?? s('journaltitle') ?? s('booktitle'));
  rec.year = yearOf(s('year') ?? s('date'));
  const doi = s('doi')?.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '').trim();
  if (doi) rec.doi = doi;
  const url = s('url') ?? '';
  const doiFromUrl = /doi\.org\/(10\.\S+)/i.exec(url)?.[1];
  if (!rec.doi && doiFromUrl) rec.doi = doiFromUrl;
  const eprint = s('eprint');
  const isArxiv = /arxiv/i.test(s('archiveprefix') ?? s('eprinttype') ?? '') || /arxiv\.org\/abs\//i.test(url);
  const arxiv = normalizeArxivId(isArxiv ? (eprint ?? url.replace(/^.*arxiv\.org\/abs\//i, '')) : undefined);
  if (arxiv) rec.arxivId = arxiv;
  if (!rec.title) out.issues.push(issue('no-title', 'warning', `entry "${e.key}" has no title`, file, e.line));
  if (!authors.length) {
    out.issues.push(issue('no-authors', 'info', `entry "${e.key}" (@${e.type}) has no authors`, file, e.line));
  }
  return rec;
}

export function parseBibtex(file: string, input: string, context?: ParseContext): ParseResult {
  const out: ParseResult = { file, format: 'bibtex', records: [], issues: [] };
  // Each entry becomes a record as soon as it is scanned, so entries die young (cheap for the garbage collector).
  let entries = 0;
  const onEntry = (e: BibEntry, macros: Record<string, string>) => {
    entries++;
    out.records.push(toRecord(file, e, out, macros));
  };
  const scan = scanBibtex(input, onEntry, context?.bibStrings);

  if (context) {
    context.bibStrings = scan.strings;
    context.macrosDefined = (context.macrosDefined ?? 0) + scan.defined;
  }
  for (const err of scan.errors) out.issues.push(issue('malformed-entry', 'error', err.message, file, err.line));
  out.issues.sort((a, b) => a.line - b.line);
  if (!entries && scan.defined > 0) out.issues.push(macrosOnly(file, scan.defined));
  return out;
}

/** The note for a BibTeX file that only defines macros: not an error, the files after it use them. */
export function macrosOnly(file: string, defined: number): Issue {
  const message = `defines ${defined} @string macros and no entries; they apply to the BibTeX files read after it`;
  return issue('macros-only', 'info', message, file, 1);
}
