// The graph stage for whole corpora: ties and groups from a compact corpus, in typed arrays, without graphology.
// Same ties, weights and groups as the in-memory build of the same corpus (same order, same louvain, same seed).

import type { Csr } from '../compact/columns';
import type { CompactCorpus } from '../corpus/resolveTable';
import { titleOf } from '../corpus/papers';
import type { Weighting } from '../types';
import { groupLabel } from './communities';
import type { TieArrays } from './groups';
import type { TitledPapers } from './paperTerms';
import type { ColoredGroups } from './groupNumbers';
import { groupCenters } from './groups';
import type { TieTable } from './ties';
import { collectTiesOf, tieWeights } from './ties';

export interface CompactGraphOptions { weighting: Weighting; maxAuthors: number; resolution: number; seed: number }

export interface CompactGroup { id: number; size: number; label: string; color: string; center: number }

export interface CompactGraph {
  ties: TieTable;
  /** Weight of each tie under the chosen weighting (rounded as graph exports write it). */
  weight: Float64Array;
  /** Group of each author. */
  group: Int32Array;
  groups: CompactGroup[];
  modularity: number;
}

/** A corpus's ties, and the arrays louvain reads from them. */
export type CompactTies = { ties: TieTable; arrays: TieArrays };

/** Every tie of the corpus with its weight (nothing here is bounded by graphology's edge limit). */
export function compactTies(c: CompactCorpus, opts: CompactGraphOptions): CompactTies {
  return tiesOfLists(c.paperAuthors, c.authors.count, opts);
}

/** compactTies from the papers' author lists alone (`order` authors): what a worker thread is given. */
export function tiesOfLists(
  paperAuthors: Csr, order: number, opts: Pick<CompactGraphOptions, 'weighting' | 'maxAuthors'>,
): CompactTies {
  const { weighting, maxAuthors } = opts;
  const ties = collectTiesOf(paperAuthors, { weighting, maxAuthors, maxTies: Infinity });
  return { ties, arrays: tieArrays(ties, order, weighting) };
}

/** The ties as louvain reads them: endpoints and the weight under the chosen weighting. */
export function tieArrays(ties: TieTable, order: number, weighting: Weighting): TieArrays {
  return { order, count: ties.count, source: ties.source, target: ties.target, weight: tieWeights(ties, weighting) };
}

/** The corpus's papers as the group labeller reads them. */
export function titledPapers(c: CompactCorpus): TitledPapers {
  const pa = c.paperAuthors;
  return {
    count: c.papers.count, title: (p) => titleOf(c.table, c.papers, p),
    abstract: (p) => (c.papers.abstractRecord[p]! >= 0 ? c.table.abstract.get(c.papers.abstractRecord[p]!) : ''),
    authors: (p) => pa.items.subarray(pa.starts[p]!, pa.starts[p + 1]!),
  };
}

/** Louvain's groups, already numbered by size and coloured, centred and named with groupWords' `words`. */
export function describeGroups(
  c: CompactCorpus, ties: TieTable, arrays: TieArrays, numbered: ColoredGroups, modularity: number,
  words: string[][],
): CompactGraph {
  const { group, sizes, colors } = numbered;
  const centers = groupCenters(arrays, group, sizes.length);
  const groups = sizes.map((size, id) => ({
    id, size, color: colors[id]!, center: centers[id]!, label: groupLabel(c.authors.labels[centers[id]!]!, words[id]!),
  }));
  return { ties, weight: arrays.weight, group, groups, modularity };
}
