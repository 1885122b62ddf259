// Look-alike names: one typo apart in the given name, same family, co-authors in common, kept apart for a human to
// decide. A report aid, run after the merges (a whole-corpus build runs it while the groups are being found).

import type { NearMissScan } from '../types';
import { csrRow } from '../compact/columns';
import { int32s } from '../compact/uncounted';
import { typoApart } from './editDistance';
import { splitKeys } from './keyParts';
import type { KeyIndex, MergeOptions } from './mergeAuthors';

export interface LookAlikes {
  nearMisses: { spellings: string[]; reason: string }[];
  nearMissScan: NearMissScan;
}

/**
 * Pairs of keys in one family whose given names share a one-letter-deleted variant (the candidates), tested for a
 * real typo and for shared co-authors; keys already one author (`clusterOf`) are skipped.
 */
export function findLookAlikes(
  index: KeyIndex, clusterOf: ArrayLike<number>, label: (k: number) => string,
  options: Pick<MergeOptions, 'nearMissMaxPairs'>,
): LookAlikes {
  const n = index.keys.length;
  const parts = splitKeys(index.keys);
  const common = commonCoauthors(index);
  const labels: (string | undefined)[] = new Array(n);
  const labelOf = (k: number): string => (labels[k] ??= label(k));
  const nearMisses: LookAlikes['nearMisses'] = [];
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
    const reported = new Set<number>();
    for (const group of variants.values()) {
      for (let x = 0; x < group.length; x++) for (let y = x + 1; y < group.length; y++) {
        const a = group[x]!; const b = group[y]!;
        if (clusterOf[a] === clusterOf[b]) continue;
        const pk = a < b ? a * n + b : b * n + a;
        if (reported.has(pk)) continue;
        reported.add(pk);
        // Two deletions can meet on one variant ("anan", "noan"): only a real typo apart is a look-alike.
        const typo = typoApart(parts.given[a]!, parts.given[b]!);
        if (!typo) continue;
        if (scan.pairs === options.nearMissMaxPairs) { scan.complete = false; break families; }
        scan.pairs++;
        const shared = common(a, b);
        if (shared === 0) continue;
        const together = onOnePaper(csrRow(index.keyPapers, a), csrRow(index.keyPapers, b));
        const shown = `${inCommon(shared)}${together ? ', but on one paper together' : ''}`;
        const advice = `add "${labelOf(a)} = ${labelOf(b)}" to an aliases file to merge`;
        const apart = typo === 'swap' ? 'two letters swapped' : 'one letter apart';
        const reason = `${apart} with ${shown}; not merged (${advice})`;
        nearMisses.push({ spellings: [labelOf(a), labelOf(b)].sort(), reason });
      }
    }
  }
  nearMisses.sort((a, b) => a.spellings[0]!.localeCompare(b.spellings[0]!));
  return { nearMisses, nearMissScan: scan };
}

/**
 * The number of co-authors keys a and b have in common (neither a nor b). Pairs come with one key fixed while the
 * other varies, so a's co-authors are marked once for all its pairs: no set per key, nothing to collect.
 */
function commonCoauthors(index: KeyIndex): (a: number, b: number) => number {
  const ofA = int32s(index.keys.length); // the mark of a's co-authors
  const counted = int32s(index.keys.length); // the pair that counted a co-author already
  let marked = -1; let pair = 0;
  const visit = (k: number, each: (x: number) => void) => {
    for (let o = index.keyPapers.starts[k]!; o < index.keyPapers.starts[k + 1]!; o++) {
      const p = index.keyPapers.items[o]!;
      for (let q = index.paperKeys.starts[p]!; q < index.paperKeys.starts[p + 1]!; q++) each(index.paperKeys.items[q]!);
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

/** Whether two ascending paper lists meet. */
function onOnePaper(a: Int32Array, b: Int32Array): boolean {
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

const inCommon = (count: number) => `${count} co-author${count > 1 ? 's' : ''} in common`;
