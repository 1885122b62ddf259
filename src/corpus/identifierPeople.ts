// Identity from identifiers, around the merge stage: spellings joined by a shared identifier (reported as merges),
// every identifier of each author, and the spellings two people share that their identifiers tell apart.

import type { PreparedTable } from './prepareRecords';
import type { mergeKeys } from './mergeAuthors';
import { nameKey } from './nameKey';
import type { AuthorColumns } from './resolveTable';
import type { Spelling } from './spellings';

/** One name shared by people the sources tell apart by identifier. */
export interface IdentifierSplit { name: string; people: { id: string; ids: string[] }[] }

/** Spellings that are one person because they carry the same identifier, reported like the other merges. */
export function identifierMerges(
  keys: string[], spellList: (k: number) => Spelling[], label: (k: number) => string,
  merged: ReturnType<typeof mergeKeys>,

): void {
  keys.forEach((k, i) => {
    const at = k.indexOf('#id:');
    if (at < 0) return;
    const spelled = spellList(i);
    const forms = new Set(spelled.map((s) => nameKey({ ...s.name, homonym: undefined })));
    if (forms.size < 2) return;
    const spellings = [...new Set(spelled.map((s) => s.name.raw))].sort();
    merged.merges.push({
      author: '', label: label(i), spellings, rule: 'identifier',
      evidence: `${spellings.length} spellings carry the same identifier (${k.slice(at + 4)})`,
    });
    merged.mergeRoots.push(i);
  });
}

/** Every identifier any authorship gave each author (one spelling may come with an ORCID here, a Scopus id there). */
export function identifiersOfAuthors(
  prepared: PreparedTable, keyOfName: (id: number) => number, authorOfKey: Int32Array, count: number,
): string[][] {
  const sets = new Map<number, Set<string>>();
  if (!prepared.names.withIdentifiers) return Array.from({ length: count }, () => []);
  for (const id of prepared.personName) {
    const info = prepared.names.get(id);
    if (!info.ids.length) continue;
    const k = keyOfName(id);
    if (k < 0) continue;
    const a = authorOfKey[k]!;
    const s = sets.get(a) ?? new Set<string>();
    for (const x of info.ids) if (!x.startsWith('dblp:')) s.add(x);
    sets.set(a, s);
  }
  return Array.from({ length: count }, (_, a) => [...(sets.get(a) ?? [])].sort());
}

/** Spellings the sources gave to two or more people they tell apart by identifier ("Smith J." for John and Jane). */
export function identifierSplits(
  prepared: PreparedTable, keyOfName: (id: number) => number, authorOfKey: Int32Array, authors: AuthorColumns,
): IdentifierSplit[] {
  const byForm = new Map<string, { name: string; people: Set<number> }>();
  if (!prepared.names.withIdentifiers) return [];
  for (const id of prepared.personName) {
    const info = prepared.names.get(id);
    if (!info.ids.some((x) => !x.startsWith('dblp:'))) continue;
    const k = keyOfName(id);
    if (k < 0) continue;
    const form = nameKey({ ...info.name, homonym: undefined });
    const entry = byForm.get(form) ?? { name: info.name.raw, people: new Set<number>() };
    entry.people.add(authorOfKey[k]!);
    byForm.set(form, entry);
  }
  const out: IdentifierSplit[] = [];
  for (const { name, people } of byForm.values()) {
    if (people.size < 2) continue;
    const list = [...people].sort((x, y) => x - y);
    out.push({ name, people: list.map((a) => ({ id: authors.ids[a]!, ids: authors.identifiers[a]! })) });
  }
  return out.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}
