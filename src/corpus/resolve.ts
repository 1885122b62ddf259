// Entry point of the corpus stage for in-memory builds: parse results → Corpus objects (via the columnar core).

import type { Author, Corpus, Paper, ParseResult } from '../types';
import { RecordTable } from './recordTable';
import type { CompactCorpus, ResolveOptions } from './resolveTable';
import { resolveDefaults, resolveTable } from './resolveTable';
import { titleOf } from './papers';

export type { ResolveOptions };
export { resolveDefaults };

export function resolveCorpus(results: ParseResult[], options: Partial<ResolveOptions> = {}): Corpus {
  return toCorpus(resolveTable(RecordTable.fromResults(results), options));
}

const uniq = (xs: string[]) => [...new Set(xs)];

/** Paper p of a compact corpus as an object. */
export function paperObject(c: CompactCorpus, p: number): Paper {
  const { table, papers, groups, prepared } = c;
  const members = groups.items.subarray(groups.starts[p]!, groups.starts[p + 1]!);
  const categories: string[] = []; const organisations: string[] = [];
  for (const r of members) {
    categories.push(...(table.categories.get(r) ?? []));
    organisations.push(...(table.organisations.get(r) ?? []), ...(prepared.teams.get(r) ?? []));
  }
  const paper: Paper = {
    id: papers.ids[p]!, title: titleOf(table, papers, p),
    authors: Array.from(c.paperAuthors.items.subarray(c.paperAuthors.starts[p]!, c.paperAuthors.starts[p + 1]!)),
    complete: papers.complete[p] === 1, sources: Array.from(members, (r) => table.where(r)),
    categories: uniq(categories), organisations: uniq(organisations),
  };
  if (papers.suspect[p]) paper.suspect = true;
  if (papers.year[p]) paper.year = papers.year[p];
  if (papers.arxivRecord[p]! >= 0) paper.arxivId = table.arxivId.get(papers.arxivRecord[p]!);
  if (papers.doiRecord[p]! >= 0) paper.doi = table.doi.get(papers.doiRecord[p]!);
  if (papers.abstractRecord[p]! >= 0) paper.abstract = table.abstract.get(papers.abstractRecord[p]!);
  if (papers.venueRecord[p]! >= 0) paper.venue = table.venue.get(papers.venueRecord[p]!);
  return paper;
}

/** Author a of a compact corpus as an object. */
export function authorObject(c: CompactCorpus, a: number): Author {
  const { authors, prepared } = c;
  const aliases: string[] = [];
  for (let k = authors.aliases.starts[a]!; k < authors.aliases.starts[a + 1]!; k++) {
    aliases.push(prepared.names.get(authors.aliases.items[k]!).name.raw);
  }

  const author: Author = {
    id: authors.ids[a]!, label: authors.labels[a]!, given: authors.given[a]!, family: authors.family[a]!, aliases,
    papers: Array.from(authors.papers.items.subarray(authors.papers.starts[a]!, authors.papers.starts[a + 1]!)),
  };
  if (authors.identifiers[a]?.length) author.ids = authors.identifiers[a];
  return author;
}

/** Objects for every author and paper: for builds small enough to hold in graphology and the explorer. */
export function toCorpus(c: CompactCorpus): Corpus {
  return {
    authors: Array.from({ length: c.authors.count }, (_, a) => authorObject(c, a)),
    papers: Array.from({ length: c.papers.count }, (_, p) => paperObject(c, p)),
    sources: c.sources, authorMerges: c.authorMerges, paperMerges: c.paperMerges,
    ...c.lookAlikes(), repairs: c.repairs, suspectLists: c.suspectLists,
    identifierSplits: c.identifierSplits, issues: c.issues,
  };
}
