// The data-quality report: what was read from each source, what was merged, repaired or skipped, and every issue.

import type { Corpus, Issue, MergeEvidence, PaperMerge, Repair, SourceSummary } from '../types';
import { formatLabel } from '../sources/registry';
import type { YearCounts } from './years';
import type { RosterMatches } from './roster';
import type { RosterNetwork } from '../graph/rosterNetwork';

export interface SkippedPaper { id: string; title: string; authors: number }

export interface Report {
  papers: number;
  papersWithAuthors: number;
  authors: number;
  edges: number;
  records: number;
  sources: (SourceSummary & { formatLabel: string })[];
  merges: MergeEvidence[];
  /** Authors whose only difference between spellings is "Last, First" vs "First Last" (not listed one by one). */
  formOnlyMerges: number;
  paperMerges: PaperMerge[];
  repairs: Repair[];
  /** Author lists that looked mis-paired but lacked the evidence to re-pair: read as written, flagged. */
  suspectLists: Repair[];
  /** Names carried by people the sources tell apart by identifier (ORCID, Scopus, OpenAlex…). */
  identifierSplits: Corpus['identifierSplits'];
  nearMisses: Corpus['nearMisses'];
  /** Present when the look-alike scan ran: candidate pairs examined and whether that was all of them. */
  nearMissScan?: Corpus['nearMissScan'];
  skippedPapers: SkippedPaper[];
  maxAuthors: number;
  droppedTies: number;
  issues: Issue[];
  issueCounts: { error: number; warning: number; info: number };
  /** With a year range: papers in it (the report's totals count only those), outside it, and without a year. */
  years?: YearCounts;
  /** With --roster: its names matched, unmatched and ambiguous, and its network. */
  roster?: RosterMatches & { file: string; network: RosterNetwork };
}

export interface ReportExtras { ties: number; skippedPapers: number[]; maxAuthors: number; droppedTies: number }

/** What a report needs of a corpus besides its lists: counts, and the papers that added no ties. */
export interface ReportCounts {
  papers: number; papersWithAuthors: number; authors: number; multiSpelled: number; skippedPapers: SkippedPaper[];
}

type ReportLists = Omit<Corpus, 'authors' | 'papers'>;

export function buildReport(corpus: Corpus, extras: ReportExtras): Report {
  return assembleReport(corpus, {
    papers: corpus.papers.length,
    papersWithAuthors: corpus.papers.filter((p) => p.authors.length > 0).length,
    authors: corpus.authors.length,
    multiSpelled: corpus.authors.filter((a) => a.aliases.length > 1).length,
    skippedPapers: extras.skippedPapers.map((p) => {
      const paper = corpus.papers[p]!;
      return { id: paper.id, title: paper.title, authors: paper.authors.length };
    }),
  }, extras);
}

/** The report from a corpus's lists and counts (in-memory builds and whole-corpus stores alike). */
export function assembleReport(
  corpus: ReportLists, c: ReportCounts, extras: Omit<ReportExtras, 'skippedPapers'>,
): Report {

  const counts = { error: 0, warning: 0, info: 0 };
  for (const i of corpus.issues) counts[i.severity]++;
  const formOnly = c.multiSpelled - corpus.authorMerges.length;
  return {
    papers: c.papers,
    papersWithAuthors: c.papersWithAuthors,
    authors: c.authors,
    edges: extras.ties,
    records: corpus.sources.reduce((s, x) => s + x.records, 0),
    sources: corpus.sources.map((s) => ({ ...s, formatLabel: formatLabel(s.format) })),
    merges: corpus.authorMerges,
    formOnlyMerges: Math.max(0, formOnly),
    paperMerges: corpus.paperMerges,
    repairs: corpus.repairs,
    suspectLists: corpus.suspectLists,
    identifierSplits: corpus.identifierSplits,
    nearMisses: corpus.nearMisses,
    ...(corpus.nearMissScan ? { nearMissScan: corpus.nearMissScan } : {}),
    skippedPapers: c.skippedPapers,
    maxAuthors: extras.maxAuthors,
    droppedTies: extras.droppedTies,
    issues: corpus.issues,
    issueCounts: counts,
  };
}
