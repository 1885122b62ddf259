// Groups records that are the same paper: shared ids, the same abstract, or close titles with agreeing authors.

import type { PaperMerge } from '../types';
import { abstractPrint, jaccard, sharedCount, titleKey } from './similarity';
import { UnionFind } from './unionFind';

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

export const dedupeDefaults: DedupeOptions = { titleSimilarity: 0.8, authorAgreement: 0.5, maxYearGap: 1, maxBucket: 400 };

export interface DedupeInput {
  file: string;
  source: string;
  title?: string;
  abstract?: string;
  arxivId?: string;
  doi?: string;
  year?: number;
  /** Person name keys in byline order. */
  keys: string[];
}

interface Root { arxiv?: string; doi?: string; minYear?: number; maxYear?: number }

export function dedupeRecords(records: DedupeInput[], options: DedupeOptions = dedupeDefaults): { groups: number[][]; merges: PaperMerge[]; mergeGroups: number[] } {
  const n = records.length;
  const uf = new UnionFind(n);
  const roots: Root[] = records.map((r) => ({ arxiv: r.arxivId, doi: r.doi?.toLowerCase(), minYear: r.year, maxYear: r.year }));
  const evidence = new Map<number, string[]>();
  // Title and abstract evidence only ever joins records of different files: with one file, skip it all.
  const multiFile = records.some((r) => r.file !== records[0]?.file);
  const titles = multiFile ? records.map((r) => titleKey(r.title)) : [];
  const titleSets = titles.map((t) => new Set(t ? t.split(' ') : []));
  const prints = multiFile ? records.map((r) => abstractPrint(r.abstract)) : [];

  const conflict = (a: Root, b: Root): boolean =>
    (!!a.arxiv && !!b.arxiv && a.arxiv !== b.arxiv) || (!!a.doi && !!b.doi && a.doi !== b.doi) ||
    (a.minYear !== undefined && b.maxYear !== undefined && Math.abs(b.maxYear - a.minYear) > options.maxYearGap) ||
    (a.maxYear !== undefined && b.minYear !== undefined && Math.abs(a.maxYear - b.minYear) > options.maxYearGap);

  const join = (i: number, j: number, why: string): boolean => {
    const ri = uf.find(i); const rj = uf.find(j);
    if (ri === rj) return false;
    const a = roots[ri]!; const b = roots[rj]!;
    if (conflict(a, b)) return false;
    const root = uf.union(ri, rj);
    const other = root === ri ? rj : ri;
    const merged: Root = {
      arxiv: a.arxiv ?? b.arxiv, doi: a.doi ?? b.doi,
      minYear: Math.min(a.minYear ?? Infinity, b.minYear ?? Infinity), maxYear: Math.max(a.maxYear ?? -Infinity, b.maxYear ?? -Infinity),
    };
    if (merged.minYear === Infinity) merged.minYear = undefined;
    if (merged.maxYear === -Infinity) merged.maxYear = undefined;
    roots[root] = merged;
    const ev = [...(evidence.get(root) ?? []), ...(evidence.get(other) ?? []), `${records[i]!.source} = ${records[j]!.source}: ${why}`];
    evidence.set(root, ev); evidence.delete(other);
    return true;
  };

  const byKey = (key: (i: number) => string | undefined, why: (i: number) => string, crossFileOnly: boolean) => {
    const seen = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const k = key(i);
      if (!k) continue;
      const list = seen.get(k);
      if (!list) { seen.set(k, [i]); continue; }
      for (const j of list) if (!crossFileOnly || records[j]!.file !== records[i]!.file) { if (join(j, i, why(i))) break; }
      list.push(i);
    }
  };
  byKey((i) => records[i]!.arxivId, (i) => `same arXiv id ${records[i]!.arxivId}`, false);
  byKey((i) => records[i]!.doi?.toLowerCase(), (i) => `same DOI ${records[i]!.doi}`, false);
  byKey((i) => prints[i], () => 'same abstract', true);

  // Title evidence needs a second witness: agreeing authors, or the same abstract text.
  const titleMatch = (i: number, j: number): string | undefined => {
    if (records[i]!.file === records[j]!.file) return undefined;
    const exact = titles[i] !== '' && titles[i] === titles[j];
    const sim = exact ? 1 : jaccard(titleSets[i]!, titleSets[j]!);
    if (sim < options.titleSimilarity) return undefined;
    const a = records[i]!.keys; const b = records[j]!.keys;
    const shared = sharedCount(a, b);
    if (shared > 0 && shared >= options.authorAgreement * Math.min(new Set(a).size, new Set(b).size)) {
      return `${exact ? 'same title' : `titles ${Math.round(sim * 100)}% alike`} and ${shared} of ${Math.min(a.length, b.length)} authors agree`;
    }
    if (prints[i] && prints[i] === prints[j]) return `${exact ? 'same title' : 'close titles'} and same abstract`;
    return undefined;
  };
  const buckets = new Map<string, number[]>();
  const add = (k: string, i: number) => { const l = buckets.get(k); if (l) l.push(i); else buckets.set(k, [i]); };
  for (let i = 0; i < (multiFile ? n : 0); i++) {
    if (!titles[i]) continue;
    add(`t:${titles[i]}`, i);
    if (records[i]!.keys[0]) add(`a:${records[i]!.keys[0]}`, i);
  }
  for (const [k, list] of buckets) {
    if (list.length < 2) continue;
    if (!new Set(list.map((i) => records[i]!.file)).size || list.every((i) => records[i]!.file === records[list[0]!]!.file)) continue;
    if (k.startsWith('a:') && list.length > options.maxBucket) continue;
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) {
      const i = list[x]!; const j = list[y]!;
      if (uf.find(i) === uf.find(j)) continue;
      const why = titleMatch(i, j);
      if (why) join(i, j, why);
    }
  }

  const groupOf = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = uf.find(i);
    const g = groupOf.get(r); if (g) g.push(i); else groupOf.set(r, [i]);
  }
  const groups = [...groupOf.values()];
  const merges: PaperMerge[] = [];
  const mergeGroups: number[] = [];
  groups.forEach((g, gi) => {
    if (g.length < 2) return;
    merges.push({ paper: '', title: records[g[0]!]!.title ?? '', sources: g.map((i) => records[i]!.source), evidence: evidence.get(g[0]!) ?? [] });
    mergeGroups.push(gi);
  });
  return { groups, merges, mergeGroups };
}
