// Merges name keys into authors on evidence: reversed order or initials plus shared co-authors, and the aliases file; never two names of one paper.

import type { MergeEvidence, NearMissScan } from '../types';
import type { AliasRules } from './aliases';
import { noAliases, pairKey } from './aliases';
import { initialsOf, isInitialsOnly } from './nameKey';
import { UnionFind } from './unionFind';
import type { Csr } from '../compact/columns';

export interface MergeOptions {
  /** Shared co-authors needed to merge a reversed-order spelling. */
  reversedMinShared: number;
  /** Look-alike detection (a report aid) stops after this many candidate pairs, so it cannot dominate a large run; the report says when it stopped. */
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
  nearMisses: { spellings: string[]; reason: string }[];
  nearMissScan: NearMissScan;
}

export function mergeKeys(
  index: KeyIndex, label: (k: number) => string, rules: AliasRules = noAliases, options: MergeOptions = mergeDefaults,
): MergeResult {
  const keys = index.keys;
  const n = keys.length;
  const papersOfKey = (k: number): Int32Array => index.keyPapers.items.subarray(index.keyPapers.starts[k]!, index.keyPapers.starts[k + 1]!);
  const paperAuthors = (p: number): Int32Array => index.paperKeys.items.subarray(index.paperKeys.starts[p]!, index.paperKeys.starts[p + 1]!);
  const uf = new UnionFind(n);
  const keyIndex = new Map(keys.map((k, i) => [k, i]));
  // Paper sets per cluster root, made only for keys that take part in a merge test (most never do).
  const paperSets: (Set<number> | undefined)[] = new Array(n);
  const papersOf = (k: number): Set<number> => (paperSets[k] ??= new Set(papersOfKey(k)));
  const ruleOf = new Map<number, { rule: MergeEvidence['rule']; evidence: string[] }>();

  const coauthorCache = new Map<number, Set<number>>();
  const coauthors = (k: number): Set<number> => {
    let s = coauthorCache.get(k);
    if (s) return s;
    s = new Set<number>();
    for (const p of papersOfKey(k)) for (const a of paperAuthors(p)) if (a !== k) s.add(a);
    coauthorCache.set(k, s);
    return s;
  };
  const shared = (a: number, b: number): number[] => {
    const ca = coauthors(a); const out: number[] = [];
    for (const x of coauthors(b)) if (ca.has(x) && x !== a) out.push(x);
    return out.sort((x, y) => x - y);
  };
  /** Whether a and b have any co-author in common, scanning the smaller paper list and stopping at the first. */
  const sharesAny = (a: number, b: number): boolean => {
    const [small, other] = papersOfKey(a).length <= papersOfKey(b).length ? [a, b] : [b, a];
    const theirs = coauthors(other);
    for (const p of papersOfKey(small)) for (const x of paperAuthors(p)) if (x !== small && x !== other && theirs.has(x)) return true;
    return false;
  };
  const together = (a: number, b: number): boolean => {
    const [s, l] = papersOf(a).size < papersOf(b).size ? [papersOf(a), papersOf(b)] : [papersOf(b), papersOf(a)];
    for (const p of s) if (l.has(p)) return true;
    return false;
  };
  // Identifier of each cluster (a key with "#id:"), so two people with different identifiers never become one.
  const idOf = new Map<number, string>();
  keys.forEach((k, i) => { const at = k.indexOf('#id:'); if (at >= 0) idOf.set(i, k.slice(at + 4)); });
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

  for (const group of rules.same) {
    const present = group.map((k) => keyIndex.get(k)).filter((i): i is number => i !== undefined);
    for (let i = 1; i < present.length; i++) {
      join(present[0]!, present[i]!, 'alias-file', `aliases file: "${label(present[0]!)}" = "${label(present[i]!)}"`, true);
    }
  }

  // Reversed order: "Nie Hao" and "Hao Nie", never on one paper, with co-authors in common.
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    const [fam, giv] = k.split('#')[0]!.split('|');
    if (!giv || fam === giv) continue;
    const j = keyIndex.get(`${giv}|${fam}${k.includes('#') ? '#' + k.split('#')[1] : ''}`);
    if (j === undefined || j < i) continue;
    const common = shared(i, j);
    if (common.length < options.reversedMinShared) continue;
    const names = `${common.slice(0, 3).map(label).join(', ')}${common.length > 3 ? ', …' : ''}`;
    const why = `are the same two names in reverse order, never on one paper, with ${common.length} co-authors in common (${names})`;
    join(i, j, 'reversed-order', `"${label(i)}" and "${label(j)}" ${why}`);
  }

  // A name without an identifier joins the only person of that name who has one, when they share co-authors;
  // with two or more such people the name stays apart (the report lists them as split by identifier).
  const withId = new Map<string, number[]>();
  idOf.forEach((_id, i) => { const base = keys[i]!.split('#')[0]!; const l = withId.get(base); if (l) l.push(i); else withId.set(base, [i]); });
  for (let i = 0; i < n; i++) {
    const candidates = keys[i]!.includes('#') ? undefined : withId.get(keys[i]!);
    if (candidates?.length !== 1) continue;
    const j = candidates[0]!;
    const common = shared(i, j);
    if (common.length < 1) continue;
    const names = common.slice(0, 3).map(label).join(', ');
    join(i, j, 'identifier', `"${label(i)}" (no identifier) is the only person of that name with one (${idOf.get(j)}), `
      + `never on one paper with them, with ${common.length} co-author${common.length > 1 ? 's' : ''} in common (${names})`);
  }

  // Initials: "J. Smith" joins the only "John Smith"-compatible full name that shares a co-author.
  const byFamily = new Map<string, number[]>();
  keys.forEach((k, i) => { const f = k.split('|')[0]!; const l = byFamily.get(f); if (l) l.push(i); else byFamily.set(f, [i]); });
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    const given = index.given[i]!;
    if (!isInitialsOnly(given) || k.includes('#')) continue;
    const ini = initialsOf(given);
    const candidates = (byFamily.get(k.split('|')[0]!) ?? []).filter((j) => j !== i && !isInitialsOnly(index.given[j]!)
      && initialsOf(index.given[j]!).startsWith(ini) && !keys[j]!.includes('#'));
    const withShared = candidates.map((j) => ({ j, common: shared(i, j) })).filter((c) => c.common.length >= options.initialsMinShared);
    if (withShared.length === 1 && candidates.length <= 3) {
      const { j, common } = withShared[0]!;
      const inCommon = `${common.length} co-author${common.length > 1 ? 's' : ''} in common (${common.slice(0, 3).map(label).join(', ')})`;
      join(i, j, 'initials', `"${label(i)}" has the initials of "${label(j)}", never on one paper with them, ${inCommon}`);
    }
  }

  // Near misses: one letter apart in the given name, co-authors in common, kept apart for a human to decide.
  const nearMisses: MergeResult['nearMisses'] = [];
  const scan: NearMissScan = { pairs: 0, complete: true };
  families: for (const list of byFamily.values()) {
    if (list.length < 2) continue;
    const variants = new Map<string, number[]>();
    for (const i of list) {
      const g = keys[i]!.split('|')[1]!.split('#')[0]!;
      if (g.length < 4) continue;
      for (let c = 0; c < g.length; c++) {
        const v = g.slice(0, c) + g.slice(c + 1);
        const l = variants.get(v);
        if (!l) variants.set(v, [i]); else if (!l.includes(i)) l.push(i);
      }
      const l = variants.get(g); if (l) { if (!l.includes(i)) l.push(i); } else variants.set(g, [i]);
    }
    const reported = new Set<string>();
    for (const group of variants.values()) {
      for (let x = 0; x < group.length; x++) for (let y = x + 1; y < group.length; y++) {
        const a = group[x]!; const b = group[y]!;
        if (uf.find(a) === uf.find(b)) continue;
        const pk = pairKey(keys[a]!, keys[b]!);
        if (reported.has(pk)) continue;
        reported.add(pk);
        if (scan.pairs === options.nearMissMaxPairs) { scan.complete = false; break families; }
        scan.pairs++;
        if (!sharesAny(a, b)) continue;
        const common = shared(a, b);
        const inCommon = `${common.length} co-author${common.length > 1 ? 's' : ''} in common${together(a, b) ? ', but on one paper together' : ''}`;
        const reason = `one letter apart with ${inCommon}; not merged (add "${label(a)} = ${label(b)}" to an aliases file to merge)`;
        nearMisses.push({ spellings: [label(a), label(b)].sort(), reason });
      }
    }
  }

  const clusterOf = keys.map((_, i) => uf.find(i));
  const members = new Map<number, number[]>();
  clusterOf.forEach((c, i) => { if (ruleOf.has(c)) { const l = members.get(c); if (l) l.push(i); else members.set(c, [i]); } });
  const merges: MergeEvidence[] = [];
  const mergeRoots: number[] = [];
  for (const [root, info] of [...ruleOf].sort((a, b) => a[0] - b[0])) {
    if (clusterOf[root] !== root) continue;
    mergeRoots.push(root);
    merges.push({ author: '', label: label(root), spellings: (members.get(root) ?? [root]).map(label), rule: info.rule, evidence: info.evidence.join('; ') });
  }
  nearMisses.sort((a, b) => a.spellings[0]!.localeCompare(b.spellings[0]!));
  return { clusterOf, merges, mergeRoots, nearMisses, nearMissScan: scan };
}
