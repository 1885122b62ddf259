// Groups records that are the same paper: shared ids, the same abstract, or close titles with agreeing authors.
// Records are read through a view, one at a time; only records that share a key are ever compared.

import type { Csr } from '../compact/columns';
import type { PaperMerge } from '../types';
import { hash32 } from './hash';
import { abstractPrint, jaccard, sharedCount, titleKey } from './similarity';
import { UnionFind } from './unionFind';
import { copyOf, int32s } from '../compact/uncounted';
import { StringIndex } from '../compact/stringIndex';

export interface DedupeOptions {
  /** Least word-set similarity of two titles to count as the same title. */
  titleSimilarity: number;
  /** Least share of the shorter author list found in the other. */
  authorAgreement: number;
  /** Years further apart than this mean different works. */
  maxYearGap: number;
  /** Buckets larger than this are compared on exact titles only (keeps the work near-linear). */
  maxBucket: number;
}

export const dedupeDefaults: DedupeOptions = {
  titleSimilarity: 0.8, authorAgreement: 0.5, maxYearGap: 1, maxBucket: 400,
};

/** What deduplication reads of record i. */
export interface DedupeView {
  count: number;
  /** Index of the record's file: title evidence only joins records of different files. */
  file: (i: number) => number;
  source: (i: number) => string;
  title: (i: number) => string | undefined;
  abstract: (i: number) => string | undefined;
  arxivId: (i: number) => string | undefined;
  doi: (i: number) => string | undefined;
  year: (i: number) => number | undefined;
  /** Person name keys in byline order. */
  keys: (i: number) => string[];
  /** The first of them (asked of every record: no list built). */
  firstKey: (i: number) => string | undefined;
}

export interface DedupeResult {
  /** Groups of records, ordered by their first record; members ascending. */
  groups: Csr;
  merges: PaperMerge[];
  /** Group index of each merge. */
  mergeGroups: number[];
}

interface Root {
  arxiv?: string | undefined; doi?: string | undefined; minYear?: number | undefined; maxYear?: number | undefined;
}

/** A map from key to the records having it, without an array for the (usual) single record. */
type Buckets<K> = Map<K, number | number[]>;
function addTo<K>(map: Buckets<K>, key: K, i: number): number[] | undefined {
  const have = map.get(key);
  if (have === undefined) { map.set(key, i); return undefined; }
  const list = typeof have === 'number' ? [have] : have;
  if (typeof have === 'number') map.set(key, list);
  const before = list.slice();
  list.push(i);
  return before;
}

/** A 52-bit text hash (two 32-bit FNV-1a variants), the low bit left for the bucket kind. */
function textHash(text: string): number {
  return (parseInt(hash32(text), 16) % 0x3ffffff) * 0x4000000 + (parseInt(hash32(`~${text}`), 16) % 0x2000000) * 2;
}

export function dedupeRecords(view: DedupeView, options: DedupeOptions = dedupeDefaults): DedupeResult {
  const n = view.count;
  const uf = new UnionFind(n);
  const joined = new Map<number, Root>();
  const rootOf = (r: number): Root => joined.get(r)
    ?? { arxiv: view.arxivId(r), doi: view.doi(r)?.toLowerCase(), minYear: view.year(r), maxYear: view.year(r) };
  const evidence = new Map<number, string[]>();
  let multiFile = false;
  for (let i = 1; i < n && !multiFile; i++) if (view.file(i) !== view.file(0)) multiFile = true;
  const prints: (string | undefined)[] = multiFile
    ? Array.from({ length: n }, (_, i) => abstractPrint(view.abstract(i))) : [];

  const conflict = (a: Root, b: Root): boolean =>
    (!!a.arxiv && !!b.arxiv && a.arxiv !== b.arxiv) || (!!a.doi && !!b.doi && a.doi !== b.doi) ||
    (a.minYear !== undefined && b.maxYear !== undefined && Math.abs(b.maxYear - a.minYear) > options.maxYearGap) ||
    (a.maxYear !== undefined && b.minYear !== undefined && Math.abs(a.maxYear - b.minYear) > options.maxYearGap);

  const join = (i: number, j: number, why: string): boolean => {
    const ri = uf.find(i); const rj = uf.find(j);
    if (ri === rj) return false;
    const a = rootOf(ri); const b = rootOf(rj);
    if (conflict(a, b)) return false;
    const root = uf.union(ri, rj);
    const other = root === ri ? rj : ri;
    const lo = Math.min(a.minYear ?? Infinity, b.minYear ?? Infinity);
    const hi = Math.max(a.maxYear ?? -Infinity, b.maxYear ?? -Infinity);
    const years = { minYear: lo === Infinity ? undefined : lo, maxYear: hi === -Infinity ? undefined : hi };
    joined.set(root, { arxiv: a.arxiv ?? b.arxiv, doi: a.doi ?? b.doi, ...years });
    joined.delete(other);
    const ev = [...(evidence.get(root) ?? []), ...(evidence.get(other) ?? [])];
    ev.push(`${view.source(i)} = ${view.source(j)}: ${why}`);
    evidence.set(root, ev); evidence.delete(other);
    return true;
  };

  const byKey = (key: (i: number) => string | undefined, why: (i: number) => string, crossFileOnly: boolean) => {
    // Keys numbered by a string index, each number's first record in an array and any later ones in a map: most keys
    // (DOIs) are unique, and a Map of millions of fresh strings took 2.7 s on 2.9M records.
    const seen = new StringIndex();
    const first: number[] = [];
    const later = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const k = key(i);
      if (!k) continue;
      const id = seen.idOf(k);
      if (id === first.length) { first.push(i); continue; }
      const others = later.get(id);
      const earlier = others ? [first[id]!, ...others] : [first[id]!];
      if (others) others.push(i); else later.set(id, [i]);
      for (const j of earlier) if (!crossFileOnly || view.file(j) !== view.file(i)) { if (join(j, i, why(i))) break; }
    }
  };
  byKey((i) => view.arxivId(i), (i) => `same arXiv id ${view.arxivId(i)}`, false);
  byKey((i) => view.doi(i)?.toLowerCase(), (i) => `same DOI ${view.doi(i)}`, false);
  if (multiFile) byKey((i) => prints[i], () => 'same abstract', true);
  if (multiFile) titleEvidence(view, options, uf, prints, join);
  const { groups } = groupsOf(uf, n);
  return { groups, ...mergesOf(view, groups, evidence) };
}

/** Title evidence needs a second witness: agreeing authors, or the same abstract text. */
function titleEvidence(
  view: DedupeView, options: DedupeOptions, uf: UnionFind, prints: (string | undefined)[],
  join: (i: number, j: number, why: string) => boolean,
): void {
  const n = view.count;
  // Buckets by hashed exact title (kind 0) and first author (kind 1), in order of first appearance.
  const buckets: Buckets<number> = new Map();
  for (let i = 0; i < n; i++) {
    const t = titleKey(view.title(i));
    if (!t) continue;
    addTo(buckets, textHash(t), i);
    const first = view.firstKey(i);
    if (first) addTo(buckets, textHash(first) + 1, i);
  }
  const titles = new Map<number, { key: string; words: Set<string> }>();
  const titleOf = (i: number) => {
    let t = titles.get(i);
    if (!t) {
      const key = titleKey(view.title(i));
      t = { key, words: new Set(key ? key.split(' ') : []) };
      titles.set(i, t);
    }
    return t;
  };
  const titleMatch = (i: number, j: number): string | undefined => {
    if (view.file(i) === view.file(j)) return undefined;
    const ti = titleOf(i); const tj = titleOf(j);
    const exact = ti.key !== '' && ti.key === tj.key;
    const sim = exact ? 1 : jaccard(ti.words, tj.words);
    if (sim < options.titleSimilarity) return undefined;
    const a = view.keys(i); const b = view.keys(j);
    const shared = sharedCount(a, b);
    if (shared > 0 && shared >= options.authorAgreement * Math.min(new Set(a).size, new Set(b).size)) {
      const titles = exact ? 'same title' : `titles ${Math.round(sim * 100)}% alike`;
      return `${titles} and ${shared} of ${Math.min(a.length, b.length)} authors agree`;
    }
    if (prints[i] && prints[i] === prints[j]) return `${exact ? 'same title' : 'close titles'} and same abstract`;
    return undefined;
  };
  for (const [k, entry] of buckets) {
    if (typeof entry === 'number') continue;
    const list = entry;
    if (list.every((i) => view.file(i) === view.file(list[0]!))) continue;
    if (k % 2 === 1 && list.length > options.maxBucket) continue;
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) {
      const i = list[x]!; const j = list[y]!;
      if (uf.find(i) === uf.find(j)) continue;
      const why = titleMatch(i, j);
      if (why) join(i, j, why);
    }
    titles.clear();
  }
}

function groupsOf(uf: UnionFind, n: number): { groups: Csr } {
  // Roots are the smallest member, so numbering groups by first member keeps the order of first appearance.
  const groupOfRoot = int32s(n).fill(-1);
  const groupOf = int32s(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const r = uf.find(i);
    if (groupOfRoot[r] === -1) groupOfRoot[r] = count++;
    groupOf[i] = groupOfRoot[r]!;
  }
  const starts = int32s(count + 1);
  for (let i = 0; i < n; i++) starts[groupOf[i]! + 1]!++;
  for (let g = 0; g < count; g++) starts[g + 1]! += starts[g]!;
  const fill = copyOf(starts, 0, count);
  const items = int32s(n);
  for (let i = 0; i < n; i++) items[fill[groupOf[i]!]!++] = i;
  return { groups: { starts, items } };
}

function mergesOf(view: DedupeView, groups: Csr, evidence: Map<number, string[]>): Omit<DedupeResult, 'groups'> {
  const merges: PaperMerge[] = [];
  const mergeGroups: number[] = [];
  for (let g = 0; g + 1 < groups.starts.length; g++) {
    const start = groups.starts[g]!; const end = groups.starts[g + 1]!;
    if (end - start < 2) continue;
    // A group's union-find root is its first member, which holds the evidence.
    const members = Array.from(groups.items.subarray(start, end));
    const first = members[0]!;
    merges.push({
      paper: '', title: view.title(first) ?? '', sources: members.map(view.source), evidence: evidence.get(first) ?? [],
    });

    mergeGroups.push(g);
  }
  return { merges, mergeGroups };
}
