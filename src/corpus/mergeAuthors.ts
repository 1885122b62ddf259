// Merges name keys into authors on evidence: reversed order or initials plus shared co-authors, and the aliases
// file; never two names of one paper.

import type { MergeEvidence } from '../types';
import type { AliasRules } from './aliases';
import { noAliases, pairKey } from './aliases';
import type { KeyParts } from './keyParts';
import { keySuffix, splitKeys } from './keyParts';
import { initialsOf, isInitialsOnly } from './nameKey';
import { UnionFind } from './unionFind';
import type { Csr } from '../compact/columns';
import { csrRow } from '../compact/columns';
import { int8s } from '../compact/uncounted';
import { pushTo } from '../compact/listMap';

export interface MergeOptions {
  /** Shared co-authors needed to merge a reversed-order spelling. */
  reversedMinShared: number;
  /**
   * Look-alike detection (a report aid) stops after this many candidate pairs, so it cannot dominate a large run;
   * the report says when it stopped.
   */
  nearMissMaxPairs: number;
  /** Shared co-authors needed to merge an initials-only spelling into a full one. */
  initialsMinShared: number;
}

export const mergeDefaults: MergeOptions = { reversedMinShared: 2, initialsMinShared: 1, nearMissMaxPairs: 100_000 };

/** The distinct name keys of a corpus, by index, with the papers each is on and each paper's keys. */
export interface KeyIndex {
  keys: string[];
  /** Given name of the display spelling of each key. */
  given: string[];
  keyPapers: Csr;
  paperKeys: Csr;
}

export interface MergeResult {
  /** Cluster id per key index (the smallest key index in the cluster). */
  clusterOf: number[];
  merges: MergeEvidence[];
  /** Key index of each merge's cluster root, parallel to merges. */
  mergeRoots: number[];
  /** The keys split into family and given parts (the look-alike scan reads them too). */
  parts: KeyParts;
}

export function mergeKeys(
  index: KeyIndex, label: (k: number) => string, rules: AliasRules = noAliases, options: MergeOptions = mergeDefaults,
): MergeResult {
  const keys = index.keys;
  const n = keys.length;
  const papersOfKey = (k: number): Int32Array => csrRow(index.keyPapers, k);
  const uf = new UnionFind(n);
  const parts = splitKeys(keys);
  const { familyOf, familyIds } = parts;
  const familyList = (f: number): Int32Array => csrRow(parts.familyKeys, f);
  // Labels are asked for again and again (each merge's evidence names several): made once each.
  const labels: (string | undefined)[] = new Array(n);
  const labelOf = (k: number): string => (labels[k] ??= label(k));
  // Paper sets per cluster root, made only for keys that take part in a merge test (most never do).
  const paperSets: (Set<number> | undefined)[] = new Array(n);
  const papersOf = (k: number): Set<number> => (paperSets[k] ??= new Set(papersOfKey(k)));
  const ruleOf = new Map<number, { rule: MergeEvidence['rule']; evidence: string[] }>();

  const coauthorCache = new Map<number, Set<number>>();
  const coauthors = (k: number): Set<number> => {
    let s = coauthorCache.get(k);
    if (s) return s;
    s = new Set<number>();
    for (const p of papersOfKey(k)) for (const a of csrRow(index.paperKeys, p)) if (a !== k) s.add(a);
    coauthorCache.set(k, s);
    return s;
  };
  /** Co-authors of both a and b (neither a nor b), ascending. */
  const shared = (a: number, b: number): number[] => {
    const ca = coauthors(a); const out: number[] = [];
    for (const x of coauthors(b)) if (ca.has(x) && x !== a) out.push(x);
    return out.sort((x, y) => x - y);
  };
  const together = (a: number, b: number): boolean => {
    const [s, l] = papersOf(a).size < papersOf(b).size ? [papersOf(a), papersOf(b)] : [papersOf(b), papersOf(a)];
    for (const p of s) if (l.has(p)) return true;
    return false;
  };
  // Identifier of each cluster (a key with "#id:"), so two people with different identifiers never become one.
  const idOf = new Map<number, string>();
  for (let i = 0; i < n; i++) { const at = keys[i]!.indexOf('#id:'); if (at >= 0) idOf.set(i, keys[i]!.slice(at + 4)); }
  const join = (a: number, b: number, rule: MergeEvidence['rule'], why: string, forced = false): boolean => {
    const ra = uf.find(a); const rb = uf.find(b);
    if (ra === rb) return false;
    if (!forced && rules.apart.has(pairKey(keys[a]!, keys[b]!))) return false;
    if (!forced && idOf.has(ra) && idOf.has(rb) && idOf.get(ra) !== idOf.get(rb)) return false;
    if (together(ra, rb)) return false;
    const root = uf.union(ra, rb); const other = root === ra ? rb : ra;
    if (idOf.has(other) && !idOf.has(root)) idOf.set(root, idOf.get(other)!);
    const into = papersOf(root);
    for (const p of papersOf(other)) into.add(p);
    const prev = [...(ruleOf.get(root)?.evidence ?? []), ...(ruleOf.get(other)?.evidence ?? [])];
    ruleOf.set(root, { rule: forced ? 'alias-file' : rule, evidence: [...prev, why] });
    return true;
  };

  const aliasIndex = keysNamed(keys, new Set(rules.same.flat()));
  for (const group of rules.same) {
    const present = group.map((k) => aliasIndex.get(k)).filter((i): i is number => i !== undefined);
    for (let i = 1; i < present.length; i++) {
      const why = `aliases file: "${labelOf(present[0]!)}" = "${labelOf(present[i]!)}"`;
      join(present[0]!, present[i]!, 'alias-file', why, true);
    }
  }

  // Reversed order: "Nie Hao" and "Hao Nie", never on one paper, with co-authors in common. Only a key whose given
  // part is some key's family can be another's reverse: the look-up holds those alone.
  const reversible = new Map<string, number>();
  for (let j = 0; j < n; j++) if (parts.plainGiven[j] && familyIds.has(parts.given[j]!)) reversible.set(keys[j]!, j);
  for (let i = 0; i < n; i++) {
    const giv = parts.plainGiven[i] ? parts.given[i] : undefined;
    if (!giv || !familyIds.has(giv)) continue;
    const k = keys[i]!;
    const fam = k.slice(0, k.indexOf('|'));
    if (fam === giv) continue;
    const j = reversible.get(`${giv}|${fam}${keySuffix(k)}`);
    if (j === undefined || j < i) continue;
    const common = shared(i, j);
    if (common.length < options.reversedMinShared) continue;
    const names = `${common.slice(0, 3).map(labelOf).join(', ')}${common.length > 3 ? ', …' : ''}`;
    const why = 'are the same two names in reverse order, never on one paper, '
      + `with ${inCommon(common.length)} (${names})`;
    join(i, j, 'reversed-order', `"${labelOf(i)}" and "${labelOf(j)}" ${why}`);
  }

  // A name without an identifier joins the only person of that name who has one, when they share co-authors;
  // with two or more such people the name stays apart (the report lists them as split by identifier).
  const withId = new Map<string, number[]>();
  idOf.forEach((_id, i) => {
    const base = keys[i]!.split('#')[0]!;
    pushTo(withId, base, i);
  });
  for (let i = 0; i < n && withId.size > 0; i++) {
    const candidates = keys[i]!.includes('#') ? undefined : withId.get(keys[i]!);
    if (candidates?.length !== 1) continue;
    const j = candidates[0]!;
    const common = shared(i, j);
    if (common.length < 1) continue;
    const names = common.slice(0, 3).map(labelOf).join(', ');
    join(i, j, 'identifier', `"${labelOf(i)}" (no identifier) is the only person of that name with one `
      + `(${idOf.get(j)}), never on one paper with them, with ${inCommon(common.length)} (${names})`);
  }

  // Initials: "J. Smith" joins the only "John Smith"-compatible full name that shares a co-author.
  // Each key's tests are made once: a family of thousands is read for each of its initials-only names.
  const initialsOnly = int8s(n).fill(-1);
  const isInitials = (k: number): boolean => {
    if (initialsOnly[k]! < 0) initialsOnly[k] = isInitialsOnly(index.given[k]!) ? 1 : 0;
    return initialsOnly[k] === 1;
  };
  const initials: (string | undefined)[] = new Array(n);
  const initialsOfKey = (k: number) => (initials[k] ??= initialsOf(index.given[k]!));
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    if (!isInitials(i) || k.includes('#')) continue;
    const ini = initialsOfKey(i);
    const candidates = [...familyList(familyOf[i]!)].filter((j) => j !== i && !isInitials(j)
      && initialsOfKey(j).startsWith(ini) && !keys[j]!.includes('#'));
    const withShared = candidates.map((j) => ({ j, common: shared(i, j) }))
      .filter((c) => c.common.length >= options.initialsMinShared);
    if (withShared.length === 1 && candidates.length <= 3) {
      const { j, common } = withShared[0]!;
      const names = common.slice(0, 3).map(labelOf).join(', ');
      const why = `has the initials of "${labelOf(j)}", never on one paper with them, `
        + `${inCommon(common.length)} (${names})`;
      join(i, j, 'initials', `"${labelOf(i)}" ${why}`);
    }
  }

  const clusterOf = keys.map((_, i) => uf.find(i));
  const members = new Map<number, number[]>();
  clusterOf.forEach((c, i) => {
    if (!ruleOf.has(c)) return;
    pushTo(members, c, i);
  });
  const merges: MergeEvidence[] = [];
  const mergeRoots: number[] = [];
  for (const [root, info] of [...ruleOf].sort((a, b) => a[0] - b[0])) {
    if (clusterOf[root] !== root) continue;
    mergeRoots.push(root);
    const spellings = (members.get(root) ?? [root]).map(labelOf);
    merges.push({ author: '', label: labelOf(root), spellings, rule: info.rule, evidence: info.evidence.join('; ') });
  }
  return { clusterOf, merges, mergeRoots, parts };
}

/** Index of each key in `wanted` (the aliases file's keys): a look-up of a few keys, not of every key. */
function keysNamed(keys: string[], wanted: Set<string>): Map<string, number> {
  const found = new Map<string, number>();
  if (wanted.size === 0) return found;
  for (let i = 0; i < keys.length; i++) if (wanted.has(keys[i]!)) found.set(keys[i]!, i);
  return found;
}

/** "3 co-authors in common": the evidence's wording, shared with the look-alike report. */
export const inCommon = (count: number): string => `${count} co-author${count > 1 ? 's' : ''} in common`;
