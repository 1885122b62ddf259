// The formats the pipeline reads: each with a content sniffer (0–1) and a parser; detection never looks at file names.

import type { FormatId, ParseResult } from '../types';
import { parseArxivListing, sniffArxivListing } from './arxivListing';
import { parseAuthorPage, sniffAuthorPage } from './authorPage';
import { parsePaperCards, sniffPaperCards } from './paperCards';
import { parseRelatedPapers, sniffRelatedPapers } from './relatedPapers';

/** State shared by the files of one run, in order: BibTeX @string macros defined in one file serve the next ones. */
export interface ParseContext {
  bibStrings: Record<string, string>;
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
  { id: 'related-papers', label: 'related papers (titles and abstracts)', sniff: sniffRelatedPapers, parse: parseRelatedPapers },
];

/** Registers another format (structured formats add themselves here). */
export function registerFormat(format: SourceFormat): void {
  formats.unshift(format);
}

export const MIN_CONFIDENCE = 0.3;

/** The best-scoring format for this text, or undefined when none is confident enough. */
export function detectFormat(text: string): { format: SourceFormat; score: number } | undefined {
  let best: { format: SourceFormat; score: number } | undefined;
  const sample = text.length > 262144 ? text.slice(0, 262144) : text;
  for (const f of formats) {
    const score = f.sniff(sample);
    if (score > (best?.score ?? 0)) best = { format: f, score };
    if (score >= 1) break;
  }
  return best && best.score >= MIN_CONFIDENCE ? best : undefined;
}

export function formatLabel(id: FormatId): string {
  return formats.find((f) => f.id === id)?.label ?? id;
}
