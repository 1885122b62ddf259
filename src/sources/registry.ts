// The formats the pipeline reads: each with a content sniffer (0–1) and a parser; detection never looks at file names.

import type { FormatId, ParseResult } from '../types';
import { parseArxivListing, sniffArxivListing } from './arxivListing';
import { parseAuthorPage, sniffAuthorPage } from './authorPage';
import { parsePaperCards, sniffPaperCards } from './paperCards';
import { parseRelatedPapers, sniffRelatedPapers } from './relatedPapers';

/** State shared by the files of one run, in order: BibTeX @string macros defined in one file serve the next ones. */
export interface ParseContext {
  bibStrings: Record<string, string>;
  /** How many @string macros the files read so far defined (a file read in pieces counts them over its pieces). */
  macrosDefined?: number;
}

export interface SourceFormat {
  id: FormatId;
  label: string;
  sniff: (text: string) => number;
  parse: (file: string, text: string, context?: ParseContext) => ParseResult;
}

export const formats: SourceFormat[] = [
  { id: 'arxiv-listing', label: 'arXiv listing page', sniff: sniffArxivListing, parse: parseArxivListing },
  { id: 'paper-cards', label: 'paper cards (category/date headers)', sniff: sniffPaperCards, parse: parsePaperCards },
  { id: 'author-page', label: 'author page ("Last, First" lists)', sniff: sniffAuthorPage, parse: parseAuthorPage },
  {
    id: 'related-papers', label: 'related papers (titles and abstracts)', sniff: sniffRelatedPapers,
    parse: parseRelatedPapers,
  },
];

/** Registers another format (structured formats add themselves here). */
export function registerFormat(format: SourceFormat): void {
  formats.unshift(format);
}

export const MIN_CONFIDENCE = 0.3;
/** A structured format's score from which no page layout is tried. */
const STRUCTURED_CONFIDENT = 0.9;

/** The plain-text page layouts: read only text that is not a tagged export. */
const PAGE_LAYOUTS = new Set<FormatId>(['arxiv-listing', 'paper-cards', 'author-page', 'related-papers']);

/** Share of the first non-empty lines that are "TAG value" lines (RIS, MEDLINE, Web of Science and the like). */
export function taggedShare(text: string): number {
  const lines = text.slice(0, 20000).split(/\r?\n/).filter((l) => l.trim()).slice(0, 200);
  if (!lines.length) return 0;
  const tagged = lines.filter((l) => /^[A-Z][A-Z0-9]{1,3} {0,3}- |^[A-Z][A-Z0-9] \S|^ {3,6}\S/.test(l)).length;
  return tagged / lines.length;
}

/** The best-scoring format for this text, or undefined when none is confident enough (a page layout never reads a
 * tagged export: it would take tags for names). */
export function detectFormat(text: string): { format: SourceFormat; score: number } | undefined {
  let best: { format: SourceFormat; score: number } | undefined;
  const sample = text.length > 262144 ? text.slice(0, 262144) : text;
  const tagged = taggedShare(sample) >= 0.5;
  for (const f of formats) {
    // A text a structured format reads with confidence is not sniffed as a page (the page sniffers read every line
    // of the sample: 60–80 ms on a table's first 256 KB).
    if (PAGE_LAYOUTS.has(f.id) && (tagged || (best?.score ?? 0) >= STRUCTURED_CONFIDENT)) continue;
    const score = f.sniff(sample);
    if (score > (best?.score ?? 0)) best = { format: f, score };
    if (score >= 1) break;
  }
  return best && best.score >= MIN_CONFIDENCE ? best : undefined;
}

export function formatLabel(id: FormatId): string {
  return formats.find((f) => f.id === id)?.label ?? id;
}

/** What an unreadable text looks like, for the "unknown format" message. */
export function describeUnknown(text: string): string {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (taggedShare(text) >= 0.5) {
    return 'a tagged export ("TAG value" lines) but not RIS, MEDLINE or Web of Science as this tool reads them';
  }
  if (start.startsWith('{') || start.startsWith('[')) {
    return 'JSON, but without the fields of CSL-JSON, OpenAlex or Crossref works';
  }

  if (start.startsWith('<')) return 'XML or HTML, but not DBLP XML or an arXiv Atom feed';
  const first = start.split(/\r?\n/)[0] ?? '';
  const cells = first.split(/\t|,|;/);
  if (cells.length >= 3) {
    const columns = `${cells.slice(0, 6).map((c) => c.trim()).join(', ')}${cells.length > 6 ? ', …' : ''}`;
    return `a table whose header has no author or title column (columns: ${columns})`;
  }
  return 'plain text without a known page layout (no author lists or paper entries found)';
}
