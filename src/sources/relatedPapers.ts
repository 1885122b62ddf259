// Parser for related-paper pages: title and abstract pairs with no authors, after a few lines of page chrome.

import type { ParseResult } from '../types';
import { issue, newRecord } from './record';
import { isProse, splitLines, tidy } from './textShape';

interface Line { n: number; text: string }

function nonBlank(text: string): Line[] {
  return splitLines(text).map((t, i) => ({ n: i + 1, text: tidy(t) })).filter((l) => l.text);
}

/**
 * Share of lines in strict title → abstract alternation: a short line followed by prose and preceded by prose
 * (or by nothing but page chrome). Author pages and cards put a name or header line in between, so they score low.
 */
export function sniffRelatedPapers(text: string): number {
  const lines = nonBlank(text);
  if (lines.length < 2) return 0;
  const prose = lines.map((l) => isProse(l.text));
  const firstProse = prose.indexOf(true);
  let pairs = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (prose[i] || !prose[i + 1]) continue;
    if (i + 1 === firstProse || prose[i - 1]) pairs++;
  }
  return Math.min(1, (pairs * 2) / lines.length) * 0.9;
}

export function parseRelatedPapers(file: string, text: string): ParseResult {
  const out: ParseResult = { file, format: 'related-papers', records: [], issues: [] };
  const lines = nonBlank(text);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const next = lines[i + 1];
    if (!isProse(l.text) && next && isProse(next.text)) {
      const rec = newRecord(file, l.n, 'related-papers');
      rec.title = l.text;
      rec.abstract = next.text;
      out.records.push(rec);
      i++;
    } else if (isProse(l.text)) {
      const rec = newRecord(file, l.n, 'related-papers');
      rec.abstract = l.text;
      out.records.push(rec);
      const message = 'abstract without a title line; kept as an untitled paper';
      out.issues.push(issue('no-title', 'warning', message, file, l.n));
    } else {
      const message = `line that is not part of a paper was skipped: "${l.text.slice(0, 60)}"`;
      out.issues.push(issue('page-chrome', 'info', message, file, l.n));

    }
  }
  return out;
}
