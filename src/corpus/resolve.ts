// Entry point of the corpus stage: parse results → Corpus (authors merged on evidence, papers deduplicated, lists repaired, all reported).

import type { Author, Corpus, Issue, Paper, ParseResult, ParsedName, SourceSummary } from '../types';
import { displayName } from '../sources/names';
import type { AliasRules } from './aliases';
import { noAliases } from './aliases';
import { draftPaper } from './buildPapers';
import type { DedupeOptions } from './dedupePapers';
import { dedupeDefaults, dedupeRecords } from './dedupePapers';
import type { MergeOptions } from './mergeAuthors';
import { mergeDefaults, mergeKeys } from './mergeAuthors';
import { isInitialsOnly, keyToId } from './nameKey';
import { prepareRecords } from './prepareRecords';
import type { RepairOptions } from './repairLists';
import { repairDefaults } from './repairLists';

export interface ResolveOptions {
  aliases: AliasRules;
  repair: RepairOptions;
  dedupe: DedupeOptions;
  merge: MergeOptions;
}

export const resolveDefaults: ResolveOptions = { aliases: noAliases, repair: repairDefaults, dedupe: dedupeDefaults, merge: mergeDefaults };

// Accents, hyphens and apostrophes carry information a plain spelling lost, so they win ties.
interface Spelling { name: ParsedName; n: number }

function addSpelling(list: Spelling[], name: ParsedName, n: number): void {
  for (const s of list) if (s.name.raw === name.raw) { s.n += n; return; }
  list.push({ name, n });
}

const nonAscii = (s: string) => s.replace(/[\x00-\x7F]/g, '').length + s.replace(/[^-'’]/g, '').length;

/** The display spelling for a set of spellings: a full given name over initials, then the commonest, then accents, then the longest. */
function pickLabel(counts: Spelling[]): ParsedName {
  let best: { name: ParsedName; n: number; label: string; full: boolean } | undefined;
  if (counts.length === 1) return counts[0]!.name;
  for (const c of counts) {
    const label = displayName(c.name);
    const full = !isInitialsOnly(c.name.given);
    if (best && full !== best.full) { if (full) best = { ...c, label, full }; continue; }
    if (!best || c.n > best.n || (c.n === best.n && (nonAscii(label) > nonAscii(best.label) || (nonAscii(label) === nonAscii(best.label) && (label.length > best.label.length || (label.length === best.label.length && label < best.label)))))) best = { ...c, label, full };
  }
  return best!.name;
}

export function resolveCorpus(results: ParseResult[], options: Partial<ResolveOptions> = {}): Corpus {
  const opts: ResolveOptions = { ...resolveDefaults, ...options };
  const records = results.flatMap((r) => r.records);
  const { prepared, repairs, issues: prepIssues } = prepareRecords(records, opts.repair);
  const { groups, merges: paperMerges, mergeGroups } = dedupeRecords(prepared.map((p) => ({
    file: p.record.file, source: p.source, title: p.record.title, abstract: p.record.abstract,
    arxivId: p.record.arxivId, doi: p.record.doi, year: p.record.year, keys: p.keys,
  })), opts.dedupe);

  const usedIds = new Set<string>();
  const drafts = groups.map((g) => draftPaper(g, prepared, usedIds));
  paperMerges.forEach((m, k) => { const d = drafts[mergeGroups[k]!]!; m.paper = d.paper.id; m.title = d.paper.title; });

  // Distinct name keys over the chosen author lists, with every spelling seen for them anywhere.
  const keyIndex = new Map<string, number>();
  const keyInfos: { key: string; given: string; family: string; papers: number[] }[] = [];
  const spellings: Spelling[][] = [];
  const paperKeyIdx: number[][] = drafts.map((d, p) => d.keys.map((k) => {
    let i = keyIndex.get(k);
    if (i === undefined) { i = keyInfos.length; keyIndex.set(k, i); keyInfos.push({ key: k, given: '', family: '', papers: [] }); spellings.push([]); }
    keyInfos[i]!.papers.push(p);
    return i;
  }));
  for (const p of prepared) p.persons.forEach((name, j) => {
    const i = keyIndex.get(p.keys[j]!);
    if (i === undefined) return;
    addSpelling(spellings[i]!, name, 1);
  });
  keyInfos.forEach((k, i) => { const best = pickLabel(spellings[i]!); k.given = best.given; k.family = best.family; });
  const keyLabel = (i: number) => displayName(pickLabel(spellings[i]!));
  const { clusterOf, merges, mergeRoots, nearMisses, nearMissScan } = mergeKeys(keyInfos, paperKeyIdx, keyLabel, opts.aliases, opts.merge);

  // One author per cluster; its label is the commonest spelling across the cluster.
  const authorOfCluster = new Map<number, number>();
  const clusterSpellings: Spelling[][] = [];
  const clusterKeys: number[][] = [];
  clusterOf.forEach((c, i) => {
    let a = authorOfCluster.get(c);
    if (a === undefined) { a = clusterKeys.length; authorOfCluster.set(c, a); clusterKeys.push([]); clusterSpellings.push([]); }
    clusterKeys[a]!.push(i);
    for (const v of spellings[i]!) addSpelling(clusterSpellings[a]!, v.name, v.n);
  });
  const usedAuthorIds = new Set<string>();
  const authors: Author[] = clusterKeys.map((members, a) => {
    const best = pickLabel(clusterSpellings[a]!);
    const main = members.reduce((x, y) => (keyInfos[y]!.papers.length > keyInfos[x]!.papers.length ? y : x), members[0]!);
    let id = keyToId(keyInfos[main]!.key);
    if (usedAuthorIds.has(id)) { let k = 2; while (usedAuthorIds.has(`${id}-${k}`)) k++; id = `${id}-${k}`; }
    usedAuthorIds.add(id);
    return { id, label: displayName(best), given: best.given, family: best.family, aliases: clusterSpellings[a]!.map((x) => x.name.raw).sort(), papers: [] };
  });
  // Author of each key, and a per-author mark of the last paper it was added to (no Set per paper).
  const authorOfKey = Int32Array.from(clusterOf, (c) => authorOfCluster.get(c)!);
  const lastPaper = new Int32Array(authors.length).fill(-1);
  const papers = drafts.map((d, p) => {
    const list: number[] = [];
    for (const k of paperKeyIdx[p]!) { const a = authorOfKey[k]!; if (lastPaper[a] !== p) { lastPaper[a] = p; list.push(a); authors[a]!.papers.push(p); } }
    const paper = d.paper as Paper; // the draft is finished here: it becomes the paper, no copy
    paper.authors = list;
    return paper;
  });
  merges.forEach((m, k) => { const a = authors[authorOfCluster.get(mergeRoots[k]!)!]!; m.author = a.id; m.label = a.label; });

  const issues: Issue[] = [...results.flatMap((r) => r.issues), ...prepIssues, ...opts.aliases.issues];
  issues.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  const sources: SourceSummary[] = results.map((r) => {
    const own = prepared.filter((p) => p.record.file === r.file);
    return { file: r.file, format: r.format, records: r.records.length, withAuthors: own.filter((p) => p.keys.length > 0).length, truncated: own.filter((p) => p.incomplete).length, issues: issues.filter((i) => i.file === r.file).length };
  });
  return { authors, papers, sources, authorMerges: merges, paperMerges, nearMisses, nearMissScan, repairs, issues };
}
