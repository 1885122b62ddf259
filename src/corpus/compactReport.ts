// The data-quality report of a compact corpus (whole-corpus builds), the same as an in-memory build's.

import { titleOf } from './papers';
import type { Report, ReportExtras } from './report';
import { assembleReport } from './report';
import type { CompactCorpus } from './resolveTable';

export function compactReport(c: CompactCorpus, extras: ReportExtras): Report {
  const pa = c.paperAuthors;
  let withAuthors = 0;
  for (let p = 0; p < c.papers.count; p++) if (pa.starts[p + 1]! > pa.starts[p]!) withAuthors++;
  let multiSpelled = 0;
  const spellings = c.authors.aliases.starts;
  for (let a = 0; a < c.authors.count; a++) if (spellings[a + 1]! - spellings[a]! > 1) multiSpelled++;

  const skippedPapers = extras.skippedPapers.map((p) => ({
    id: c.papers.ids[p]!, title: titleOf(c.table, c.papers, p), authors: pa.starts[p + 1]! - pa.starts[p]!,
  }));
  const counts = {
    papers: c.papers.count, papersWithAuthors: withAuthors, authors: c.authors.count, multiSpelled, skippedPapers,
  };
  return assembleReport({ ...c, ...c.lookAlikes() }, counts, extras);
}
