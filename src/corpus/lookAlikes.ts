// Look-alike names: one typo apart in the given name, same family, co-authors in common, kept apart for a human to
// decide. A report aid: the candidates are found with the merges, the co-authors counted on first ask (a store build
// asks while its groups are found), from the people's columns alone, so the merge stage's indexes can go.

import type { NearMissScan } from '../types';
import type { Csr } from '../compact/columns';
import { csrRow, IntColumn } from '../compact/columns';
import { int32s } from '../compact/uncounted';
import { typoApart } from './editDistance';
import type { KeyParts } from './keyParts';
import { inCommon } from './mergeAuthors';

export interface LookAlikes {
  nearMisses: { spellings: string[]; reason: string }[];
  nearMissScan: NearMissScan;
}

/** Pairs of name keys one typo apart, as (a, b, 1 for two letters swapped else 0) triples, in scan order. */
export interface LookAlikeCandidates { triples: Int32Array; scan: NearMissScan }

/** What counting needs: each key's person, each person's papers and each paper's people (ascending). */
export interface People { authorOfKey: Int32Array; authorPapers: Csr; paperAuthors: Csr }

/**
 * Keys (split by splitKeys) of one family whose given names share a one-letter-deleted variant, kept when really one
 * typo apart and not one person already (`clusterOf`); at most `maxPairs` (the scan then says it stopped).
 */
export function lookAlikeCandidates(
  parts: KeyParts, clusterOf: ArrayLike<number>, maxPairs: number,
): LookAlikeCandidates {
  const n = parts.given.length;
  const out = new IntColumn(0);
  const scan: NearMissScan = { pairs: 0, complete: true };
  families: for (let f = 0; f < parts.familyIds.size; f++) {
    const list = csrRow(parts.familyKeys, f);
    if (list.length < 2) continue;
    const variants = new Map<string, number[]>();
    for (const i of list) {
      const g = parts.given[i];
      if (g === undefined || g.length < 4) continue;
      for (let c = 0; c < g.length; c++) addVariant(variants, g.slice(0, c) + g.slice(c + 1), i);
      addVariant(variants, g, i);
    }
    // Pairs by key index (keys are distinct, so this is the pair of names), lower index first.
    const seen = new Set<number>();
    for (const group of variants.values()) {
      for (let x = 0; x < group.length; x++) for (let y = x + 1; y < group.length; y++) {
        const a = group[x]!; const b = group[y]!;
        if (clusterOf[a] === clusterOf[b]) continue;
        const pk = a < b ? a * n + b : b * n + a;
        if (seen.has(pk)) continue;
        seen.add(pk);
        // Two deletions can meet on one variant ("anan", "noan"): only a real typo apart is a look-alike.
        const typo = typoApart(parts.given[a]!, parts.given[b]!);
        if (!typo) continue;
        if (scan.pairs === maxPairs) { scan.complete = false; break families; }
        scan.pairs++;
        out.push(a); out.push(b); out.push(typo === 'swap' ? 1 : 0);
      }
    }
  }
  return { triples: out.view().slice(), scan };
}

/** The look-alikes of the candidates, counted on the first call only (module-level: it holds its arguments alone). */
export function lookAlikesLater(
  candidates: LookAlikeCandidates, people: People, labelOf: (k: number) => string,
): () => LookAlikes {
  let found: LookAlikes | undefined;
  return () => (found ??= findLookAlikes(candidates, people, labelOf));
}

/** The candidates whose people have co-authors in common, with the count and whether they share a paper. */
function findLookAlikes(
  candidates: LookAlikeCandidates, people: People, label: (k: number) => string,
): LookAlikes {
  const common = commonCoauthors(people);
  const labels = new Map<number, string>();
  const labelOf = (k: number): string => {
    let l = labels.get(k);
    if (l === undefined) { l = label(k); labels.set(k, l); }
    return l;
  };
  const nearMisses: LookAlikes['nearMisses'] = [];
  const t = candidates.triples;
  for (let i = 0; i < t.length; i += 3) {
    const a = t[i]!; const b = t[i + 1]!;
    const pa = people.authorOfKey[a]!; const pb = people.authorOfKey[b]!;
    const shared = common(pa, pb);
    if (shared === 0) continue;
    const together = meet(csrRow(people.authorPapers, pa), csrRow(people.authorPapers, pb));
    const shown = `${inCommon(shared)}${together ? ', but on one paper together' : ''}`;
    const advice = `add "${labelOf(a)} = ${labelOf(b)}" to an aliases file to merge`;
    const apart = t[i + 2] === 1 ? 'two letters swapped' : 'one letter apart';
    const reason = `${apart} with ${shown}; not merged (${advice})`;
    nearMisses.push({ spellings: [labelOf(a), labelOf(b)].sort(), reason });
  }
  nearMisses.sort((a, b) => a.spellings[0]!.localeCompare(b.spellings[0]!));
  return { nearMisses, nearMissScan: { ...candidates.scan } };
}

/**
 * The number of co-authors people a and b have in common (neither a nor b). Pairs come with one person fixed while
 * the other varies, so a's co-authors are marked once for all its pairs: no set per person, nothing to collect.
 */
function commonCoauthors({ authorPapers, paperAuthors }: People): (a: number, b: number) => number {
  const count = authorPapers.starts.length - 1;
  const ofA = int32s(count); // a + 1 on each co-author of a
  const counted = int32s(count); // the pair that counted a co-author already
  let marked = -1; let pair = 0;
  const visit = (k: number, each: (x: number) => void) => {
    for (let o = authorPapers.starts[k]!; o < authorPapers.starts[k + 1]!; o++) {
      const p = authorPapers.items[o]!;
      for (let q = paperAuthors.starts[p]!; q < paperAuthors.starts[p + 1]!; q++) each(paperAuthors.items[q]!);
    }
  };
  return (a, b) => {
    if (marked !== a) { marked = a; visit(a, (x) => { ofA[x] = a + 1; }); }
    pair++;
    let n = 0;
    visit(b, (x) => {
      if (ofA[x] === a + 1 && counted[x] !== pair && x !== a && x !== b) { counted[x] = pair; n++; }
    });
    return n;
  };
}

/** Whether two ascending lists meet. */
function meet(a: Int32Array, b: Int32Array): boolean {
  let i = 0; let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) return true;
    if (a[i]! < b[j]!) i++; else j++;
  }
  return false;
}

/**
 * Adds key i to the keys sharing a one-letter-deleted variant. One key's variants are added one after another, so
 * a repeat (the same variant from two positions, as in "anna") can only be the list's last entry.
 */
function addVariant(variants: Map<string, number[]>, variant: string, i: number): void {
  const l = variants.get(variant);
  if (!l) variants.set(variant, [i]);
  else if (l[l.length - 1] !== i) l.push(i);
}
