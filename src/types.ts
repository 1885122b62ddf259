// Shared data types of the pipeline: records from parsers, the resolved corpus, issues, graph attributes.

export type Severity = 'error' | 'warning' | 'info';

/** A data problem found in an input; stages return these instead of throwing. */
export interface Issue {
  code: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
}

/** Formats a parser can detect from content. */
export type FormatId =
  | 'author-page'
  | 'arxiv-listing'
  | 'paper-cards'
  | 'related-papers'
  | 'bibtex'
  | 'ris'
  | 'csl-json'
  | 'arxiv-atom'
  | 'dblp-xml'
  | 'csv'
  | 'wos'
  | 'medline'
  | 'openalex'
  | 'crossref'
  | 'unknown';

/** One entry as a source file states it, before any identity work. */
export interface PaperRecord {
  file: string;
  line: number;
  format: FormatId;
  title?: string;
  /** Author names as written, in order (markers such as "et al." removed). */
  authors: string[];
  /** Identifiers of each author, parallel to `authors`: space-separated ("orcid:… scopus:…"), '' for none. */
  authorIds?: string[];
  /** The source cut the author list short ("et al.", "and others"). */
  truncated: boolean;
  abstract?: string;
  arxivId?: string;
  doi?: string;
  year?: number;
  /** Dates as the source gives them (ISO when it gives a full date). */
  created?: string;
  updated?: string;
  categories: string[];
  organisations: string[];
  comment?: string;
  venue?: string;
  /** Entry key or type in the source (BibTeX key, RIS type…), for messages. */
  sourceKey?: string;
}

/** What a parser returns for one file. */
export interface ParseResult {
  file: string;
  format: FormatId;
  records: PaperRecord[];
  issues: Issue[];
}

export type NameKind = 'person' | 'team' | 'marker' | 'placeholder' | 'invalid';

/** A personal name split into parts. */
export interface ParsedName {
  raw: string;
  kind: NameKind;
  given: string;
  family: string;
  /** DBLP homonym number ("0001"), kept in the identity, hidden in labels. */
  homonym?: string;
  /** "Jr.", "III" and the like. */
  suffix?: string;
}

export interface Author {
  /** Stable id (node key): a slug of the canonical normalized name. */
  id: string;
  /** Display name, "Given Family". */
  label: string;
  given: string;
  family: string;
  /** Every raw spelling seen, sorted. */
  aliases: string[];
  /** Indices into Corpus.papers, ascending. */
  papers: number[];
  /** Identifiers the sources gave ("orcid:…", "scopus:…", "openalex:…"), sorted; absent when none. */
  ids?: string[];
}

export interface Paper {
  id: string;
  title: string;
  year?: number;
  arxivId?: string;
  doi?: string;
  abstract?: string;
  /** Indices into Corpus.authors, in byline order, no duplicates. */
  authors: number[];
  /** False when every source truncated the author list. */
  complete: boolean;
  /** True when the list looked mis-paired and could not be re-paired (absent otherwise). */
  suspect?: boolean;
  /** `file:line` of every record merged into this paper. */
  sources: string[];
  categories: string[];
  organisations: string[];
  venue?: string;
}

export interface MergeEvidence {
  /** The author id the spellings resolved to. */
  author: string;
  label: string;
  /** The distinct spellings merged. */
  spellings: string[];
  rule: 'normalized-key' | 'reversed-order' | 'initials' | 'alias-file' | 'identifier';
  evidence: string;
}

export interface PaperMerge {
  paper: string;
  title: string;
  sources: string[];
  evidence: string[];
}

export interface Repair {
  code: string;
  file: string;
  line: number;
  title: string;
  message: string;
  before: string[];
  after: string[];
  evidence: string;
}

export interface SourceSummary {
  file: string;
  format: FormatId;
  records: number;
  withAuthors: number;
  truncated: number;
  issues: number;
}

export interface Corpus {
  authors: Author[];
  papers: Paper[];
  sources: SourceSummary[];
  authorMerges: MergeEvidence[];
  paperMerges: PaperMerge[];
  /** Spellings that look alike but were kept apart, for a human to check. */
  nearMisses: { spellings: string[]; reason: string }[];
  /** How far the look-alike scan went (absent: not run). */
  nearMissScan?: NearMissScan;
  repairs: Repair[];
  /** Lists that looked mis-paired without the evidence to re-pair them: read as written, flagged. */
  suspectLists: Repair[];
  /** Names carried by people the sources tell apart by identifier. */
  identifierSplits: { name: string; people: { id: string; ids: string[] }[] }[];
  issues: Issue[];
}

/** Node attributes of the graph (graph JSON contract). */
export interface NodeAttributes {
  label: string;
  papers: number;
  community: number;
  x: number;
  y: number;
  size: number;
  color: string;
  aliases: string[];
  /** True when every paper of the author has a suspect author list (absent otherwise). */
  suspect?: boolean;
  /** Betweenness centrality, 0…1: the share of shortest chains between others that pass through this author. */
  betweenness?: number;
  /** Share of the author's co-authors who are in another group. */
  outside?: number;
  /** Identifiers the sources gave (absent when none). */
  ids?: string[];
  /** In a roster's graph (--roster): a member, or an outside collaborator members share; and the member's sub-group. */
  roster?: 'member' | 'shared';
  rosterGroup?: number;
}

/** Edge attributes of the graph (graph JSON contract). */
export interface EdgeAttributes {
  weight: number;
  papers: number;
  paperIds: string[];
}

export type Weighting = 'count' | 'fractional';

/** The look-alike scan's budget use: candidate pairs examined, and whether it saw them all. */
export interface NearMissScan { pairs: number; complete: boolean }
