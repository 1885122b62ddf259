// The corpus stage on columns: records → people merged on evidence, papers deduplicated, lists repaired, all
// reported.
// Memory grows with authorships and distinct names, not with objects per record, so whole corpora fit.

import type { Csr } from '../compact/columns';
import { csrFromPairs, IntColumn } from '../compact/columns';
import type { Issue, MergeEvidence, PaperMerge, Repair, SourceSummary } from '../types';
import { displayName } from '../sources/names';
import type { AliasRules } from './aliases';
import { noAliases } from './aliases';
import type { DedupeOptions } from './dedupePapers';
import { dedupeDefaults, dedupeRecords } from './dedupePapers';
import type { MergeOptions } from './mergeAuthors';
import { mergeDefaults, mergeKeys } from './mergeAuthors';
import type { LookAlikes } from './lookAlikes';
import { lookAlikeCandidates, lookAlikesLater } from './lookAlikes';
import { keyToId } from './nameKey';
import type { PaperColumns } from './papers';
import { buildPapers, titleOf } from './papers';
import type { PreparedTable } from './prepareRecords';
import type { IdentifierSplit } from './identifierPeople';
import { identifierMerges, identifierSplits, identifiersOfAuthors } from './identifierPeople';
import { prepareRecords } from './prepareRecords';
import type { NameTable } from './nameTable';
import type { RecordTable } from './recordTable';
import type { RepairOptions } from './repairLists';
import { repairDefaults } from './repairLists';
import type { Spelling } from './spellings';
import { pickLabel } from './spellings';
import { int32s } from '../compact/uncounted';
import { StringIndex } from '../compact/stringIndex';

export interface ResolveOptions {
  aliases: AliasRules;
  repair: RepairOptions;
  dedupe: DedupeOptions;
  merge: MergeOptions;
}

export const resolveDefaults: ResolveOptions = {
  aliases: noAliases, repair: repairDefaults, dedupe: dedupeDefaults, merge: mergeDefaults,
};

export interface AuthorColumns {
  count: number;
  ids: string[];
  labels: string[];
  given: string[];
  family: string[];
  /** Every raw spelling of author a: names ids in aliases.items[starts[a] .. starts[a+1]), sorted by text. */
  aliases: Csr;
  /** Papers of each author, ascending. */
  papers: Csr;
  /** Identifiers of each author (from every spelling), sorted; empty for most. */
  identifiers: string[][];
}


/** A resolved corpus as columns; `toCorpus` turns it into objects for small builds and the explorer. */
export interface CompactCorpus {
  table: RecordTable;
  prepared: PreparedTable;
  /** Records of each paper. */
  groups: Csr;
  papers: PaperColumns;
  /** Authors of each paper, in byline order. */
  paperAuthors: Csr;
  authors: AuthorColumns;
  sources: SourceSummary[];
  authorMerges: MergeEvidence[];
  paperMerges: PaperMerge[];
  /** Look-alike names, counted on the first ask (a report aid: a whole-corpus build asks while groups are found). */
  lookAlikes: () => LookAlikes;
  repairs: Repair[];
  suspectLists: Repair[];
  identifierSplits: IdentifierSplit[];
  issues: Issue[];
}

/** Distinct spellings (name ids) of each key with their counts, in order of first appearance. */
interface KeySpellings { spell: Csr; counts: Int32Array }

function keySpellings(prepared: PreparedTable, keyOfName: (id: number) => number, keyCount: number): KeySpellings {
  const occKey = new IntColumn(prepared.personName.length); const occName = new IntColumn(prepared.personName.length);
  for (const id of prepared.personName) { const k = keyOfName(id); if (k >= 0) { occKey.push(k); occName.push(id); } }
  const all = csrFromPairs(keyCount, occKey.view(), occName.view());
  const starts = int32s(keyCount + 1);
  const items = new IntColumn(keyCount); const counts = new IntColumn(keyCount);
  const raw = (id: number) => prepared.names.get(id).name.raw;
  for (let k = 0; k < keyCount; k++) {
    const from = items.length;
    for (let o = all.starts[k]!; o < all.starts[k + 1]!; o++) {
      const id = all.items[o]!;
      let found = -1;
      for (let s = from; s < items.length; s++) {
        if (items.get(s) === id || raw(items.get(s)) === raw(id)) { found = s; break; }
      }
      if (found >= 0) counts.set(found, counts.get(found) + 1); else { items.push(id); counts.push(1); }
    }
    starts[k + 1] = items.length;
  }
  return { spell: { starts, items: items.view() }, counts: counts.view() };
}

export function resolveTable(table: RecordTable, options: Partial<ResolveOptions> = {}): CompactCorpus {
  const opts: ResolveOptions = { ...resolveDefaults, ...options };
  const prepared = prepareRecords(table, opts.repair);
  const names = prepared.names;
  const keyText = (id: number) => names.keys[prepared.keyIdOf(id)]!;
  const personKeys = (r: number): string[] => {
    const out: string[] = [];
    const { personStart, personName } = prepared;
    for (let k = personStart[r]!; k < personStart[r + 1]!; k++) out.push(keyText(personName[k]!));
    return out;
  };
  const firstKey = (r: number) => (prepared.personStart[r + 1]! > prepared.personStart[r]! ?
    keyText(prepared.personName[prepared.personStart[r]!]!) : undefined);
  const { groups, merges: paperMerges, mergeGroups } = dedupeRecords({
    count: table.length, file: (i) => table.fileOf.get(i), source: (i) => table.where(i),
    title: (i) => table.title.get(i) || undefined, abstract: (i) => table.abstract.get(i) || undefined,
    arxivId: (i) => table.arxivId.get(i) || undefined, doi: (i) => table.doi.get(i) || undefined,
    year: (i) => table.yearOf(i), keys: personKeys, firstKey,
  }, opts.dedupe);
  const papers = buildPapers(table, prepared, groups, keyText);
  paperMerges.forEach((m, k) => {
    const g = mergeGroups[k]!;
    m.paper = papers.ids[g]!; m.title = titleOf(table, papers, g);
  });

  // Distinct name keys over the chosen author lists, in order of first appearance (an array by the table's key ids).
  const keyIndex = int32s(names.keys.length).fill(-1);
  const keys: string[] = [];
  const pkPaper = new IntColumn(prepared.personName.length); const pkKey = new IntColumn(prepared.personName.length);
  for (let p = 0; p < papers.count; p++) {
    const r = papers.chosen[p]!;
    if (r < 0) continue;
    for (let k = prepared.personStart[r]!; k < prepared.personStart[r + 1]!; k++) {
      const keyId = prepared.keyIdOf(prepared.personName[k]!);
      let i = keyIndex[keyId]!;
      if (i < 0) { i = keys.length; keyIndex[keyId] = i; keys.push(names.keys[keyId]!); }
      pkPaper.push(p); pkKey.push(i);
    }
  }
  const paperKeys = csrFromPairs(papers.count, pkPaper.view(), pkKey.view());
  const keyPapers = csrFromPairs(keys.length, pkKey.view(), pkPaper.view());
  const keyOfName = (id: number): number => keyIndex[prepared.keyIdOf(id)] ?? -1;
  const spellings = keySpellings(prepared, keyOfName, keys.length);
  const spellList = spellingLists(spellings, names);
  const given = keys.map((_, k) => pickLabel(spellList(k)).given);
  const keyLabel = keyLabels(spellList);
  const merged = mergeKeys({ keys, given, keyPapers, paperKeys }, keyLabel, opts.aliases, opts.merge);
  const candidates = lookAlikeCandidates(merged.parts, merged.clusterOf, opts.merge.nearMissMaxPairs);
  identifierMerges(keys, spellList, keyLabel, merged);
  const { authors, authorOfKey } = buildAuthors(keys, merged.clusterOf, keyPapers, spellList);
  authors.identifiers = identifiersOfAuthors(prepared, keyOfName, authorOfKey, authors.count);
  const paperAuthors = authorLists(paperKeys, authorOfKey, authors.count);
  authors.papers = papersOfAuthors(paperAuthors, authors.count);
  merged.merges.forEach((m, k) => {
    const a = authorOfKey[merged.mergeRoots[k]!]!;
    m.author = authors.ids[a]!; m.label = authors.labels[a]!;
  });

  const issues: Issue[] = [...table.sources.flatMap((s) => s.issues), ...prepared.issues, ...opts.aliases.issues];
  issues.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return {
    table, prepared, groups, papers, paperAuthors, authors, sources: summarize(table, prepared, issues),
    authorMerges: merged.merges, paperMerges,
    // Made outside this function's scope (keyLabel too): its closures would keep every index of the stage alive.
    lookAlikes: lookAlikesLater(candidates, { authorOfKey, authorPapers: authors.papers, paperAuthors }, keyLabel),
    identifierSplits: identifierSplits(prepared, keyOfName, authorOfKey, authors),
    repairs: prepared.repairs, suspectLists: prepared.suspectLists, issues,
  };
}

type SpellList = (k: number) => Spelling[];

/** The distinct spellings of each key with their counts. */
function spellingLists(spellings: KeySpellings, names: NameTable): SpellList {
  return (k) => {
    const out: Spelling[] = [];
    for (let s = spellings.spell.starts[k]!; s < spellings.spell.starts[k + 1]!; s++) {
      const id = spellings.spell.items[s]!;
      out.push({ id, name: names.get(id).name, n: spellings.counts[s]! });
    }
    return out;
  };
}

const keyLabels = (spellList: SpellList) => (k: number): string => displayName(pickLabel(spellList(k)));

/**
 * `id`, or when another author has it the `fallback` id (the name with its identifier), or either with "-2", "-3"…;
 * added to `used`. A try to add (one look-up in the common case) tells whether it was free. An index of numbered
 * strings, not a Set: adding 2.9M freshly made ids took a Set 2.0–2.7 s and the index 1.1–1.6 s.
 */
function uniqueId(used: StringIndex, id: string, fallback?: () => string): string {
  if (used.add(id)) return id;
  if (fallback) { id = fallback(); if (used.add(id)) return id; }
  let k = 2;
  while (!used.add(`${id}-${k}`)) k++;
  return `${id}-${k}`;
}

/** One author per cluster of keys; its label is the commonest spelling across the cluster. */
function buildAuthors(keys: string[], clusterOf: number[], keyPapers: Csr, spellList: SpellList) {
  // Cluster ids are key indices: an array finds each cluster's author (a map of a million entries took seconds).
  const authorOfCluster = int32s(keys.length).fill(-1);
  const clusterKeys: number[][] = [];
  const authorOfKey = int32s(keys.length);
  for (let i = 0; i < clusterOf.length; i++) {
    const c = clusterOf[i]!;
    let a = authorOfCluster[c]!;
    if (a < 0) { a = clusterKeys.length; authorOfCluster[c] = a; clusterKeys.push([]); }
    clusterKeys[a]!.push(i);
    authorOfKey[i] = a;
  }
  const count = clusterKeys.length;
  const authors: AuthorColumns = {
    count, ids: new Array<string>(count), labels: new Array<string>(count), given: new Array<string>(count),
    family: new Array<string>(count), aliases: { starts: int32s(count + 1), items: int32s(0) },
    papers: { starts: int32s(1), items: int32s(0) }, identifiers: new Array<string[]>(count),
  };
  const aliasItems = new IntColumn(keys.length);
  const used = new StringIndex();
  const paperCount = (k: number) => keyPapers.starts[k + 1]! - keyPapers.starts[k]!;
  for (let a = 0; a < count; a++) {
    const members = clusterKeys[a]!;
    let list = spellList(members[0]!);
    if (members.length > 1) {
      list = list.map((x) => ({ ...x }));
      for (const k of members.slice(1)) for (const v of spellList(k)) {
        const same = list.find((s) => s.name.raw === v.name.raw);
        if (same) same.n += v.n; else list.push({ ...v });
      }
    }
    const best = pickLabel(list);
    const main = members.reduce((x, y) => (paperCount(y) > paperCount(x) ? y : x), members[0]!);
    // A person known by identifier keeps the name's id; a second person of that name gets the identifier in theirs.
    const key = keys[main]!; const at = key.indexOf('#id:');
    const id = uniqueId(used, keyToId(at >= 0 ? key.slice(0, at) : key), at >= 0 ? () => keyToId(key) : undefined);
    authors.ids[a] = id; authors.labels[a] = displayName(best);
    authors.given[a] = best.given; authors.family[a] = best.family;
    if (list.length === 1) aliasItems.push(list[0]!.id);
    else {
      // Every raw spelling once (a repaired name and the same text read elsewhere are one alias), sorted.
      const byRaw = new Map<string, number>();
      for (const x of list) if (!byRaw.has(x.name.raw)) byRaw.set(x.name.raw, x.id);
      for (const raw of [...byRaw.keys()].sort()) aliasItems.push(byRaw.get(raw)!);
    }
    authors.aliases.starts[a + 1] = aliasItems.length;
  }
  authors.aliases.items = aliasItems.view();
  return { authors, authorOfKey };
}

/** Authors of each paper from its keys: keys of one author counted once, byline order kept. */
function authorLists(paperKeys: Csr, authorOfKey: Int32Array, authorCount: number): Csr {
  const starts = int32s(paperKeys.starts.length);
  const items = new IntColumn(paperKeys.items.length);
  const lastPaper = int32s(authorCount).fill(-1);
  for (let p = 0; p + 1 < paperKeys.starts.length; p++) {
    for (let k = paperKeys.starts[p]!; k < paperKeys.starts[p + 1]!; k++) {
      const a = authorOfKey[paperKeys.items[k]!]!;
      if (lastPaper[a] !== p) { lastPaper[a] = p; items.push(a); }
    }
    starts[p + 1] = items.length;
  }
  return { starts, items: items.view() };
}

function papersOfAuthors(paperAuthors: Csr, authorCount: number): Csr {
  const pairs = paperAuthors.items.length;
  const paperOf = int32s(pairs);
  for (let p = 0; p + 1 < paperAuthors.starts.length; p++) {
    paperOf.fill(p, paperAuthors.starts[p]!, paperAuthors.starts[p + 1]!);
  }
  return csrFromPairs(authorCount, paperAuthors.items, paperOf);
}

function summarize(table: RecordTable, prepared: PreparedTable, issues: Issue[]): SourceSummary[] {
  const withAuthors = int32s(table.sources.length); const truncated = int32s(table.sources.length);
  for (let r = 0; r < table.length; r++) {
    const s = table.fileOf.get(r);
    if (prepared.personStart[r + 1]! > prepared.personStart[r]!) withAuthors[s]!++;
    if (prepared.incomplete[r]) truncated[s]!++;
  }
  const issuesOf = new Map<string, number>();
  for (const i of issues) issuesOf.set(i.file, (issuesOf.get(i.file) ?? 0) + 1);
  return table.sources.map((s, k) => ({
    file: s.file, format: s.format, records: s.records, withAuthors: withAuthors[k]!, truncated: truncated[k]!,
    issues: issuesOf.get(s.file) ?? 0,
  }));
}
