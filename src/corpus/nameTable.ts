// Interned names: each distinct spelling is parsed, keyed and folded once, however often it appears.

import type { ParsedName } from '../types';
import { parseName } from '../sources/names';
import type { NamePrep } from './namePrep';
import { ID_MARK, prepareName } from './namePrep';
import { foldCompact } from './fold';
import { nameKey } from './nameKey';
import { UnionFind } from './unionFind';
import { StringIndex } from '../compact/stringIndex';

export interface NameInfo {
  /** Index in the table: a raw spelling of the records, or a name made by a repair. */
  id: number;
  name: ParsedName;
  /** Identity key (family|given[#homonym]) for people, '' otherwise. */
  key: string;
  /** The key's index in the table's key list, -1 for non-people: lets later stages use arrays, not maps. */
  keyId: number;
  /** The raw text split into a given slot and a family slot, folded, for testing shifted pairings. */
  givenFold: string;
  familyFold: string;
  givenRaw: string;
  familyRaw: string;
  /** Identifiers the source gave this author ("orcid:…", "scopus:…"), sorted; empty for most names. */
  ids: string[];
}

export { ID_MARK } from './namePrep';

/**
 * Identifiers seen together on one authorship are one person's: clusters of them, each named by its smallest id,
 * with the fullest spelling of the cluster as its name (the name of every key the cluster makes).
 */
function idClusters(spellings: readonly string[]): Map<string, { rep: string; name: ParsedName }> {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const listed: { ids: number[]; name: string }[] = [];
  for (const s of spellings) {
    const at = s.indexOf(ID_MARK);
    if (at < 0) continue;
    const own = s.slice(at + 1).split(' ').filter(Boolean).map((id) => {
      let i = index.get(id);
      if (i === undefined) { i = ids.length; index.set(id, i); ids.push(id); }
      return i;
    });
    listed.push({ ids: own, name: s.slice(0, at) });
  }
  const uf = new UnionFind(ids.length);
  for (const l of listed) for (const i of l.ids.slice(1)) uf.union(l.ids[0]!, i);
  const rep = new Map<number, string>();
  const names = new Map<number, ParsedName>();
  // The representative is the smallest public identifier (DBLP names sort after ORCIDs and the rest: "dblp:" > "d…").
  const rank = (id: string) => (id.startsWith('dblp:') ? `~${id}` : id);
  ids.forEach((id, i) => { const r = uf.find(i); if (!rep.has(r) || rank(id) < rank(rep.get(r)!)) rep.set(r, id); });
  for (const l of listed) {
    const r = uf.find(l.ids[0]!);
    const p = parseName(l.name);
    const best = names.get(r);
    // The fullest given name, then the first spelling in code-unit order.
    const better = !best || p.given.length > best.given.length
      || (p.given.length === best.given.length && p.raw < best.raw);
    if (p.kind === 'person' && better) names.set(r, p);
  }
  const out = new Map<string, { rep: string; name: ParsedName }>();
  ids.forEach((id, i) => {
    const r = uf.find(i);
    const name = names.get(r);
    if (name) out.set(id, { rep: rep.get(r)!, name });
  });
  return out;
}

export class NameTable {
  private readonly infos: (NameInfo | undefined)[] = [];
  private readonly made = new Map<string, number>();
  private readonly folds = new Map<string, string>();
  /** Distinct identity keys, by key id. */
  readonly keys: string[] = [];
  /** Key → key id (an index, not a Map: 1.3M keys were 1.4 s of Map look-ups on 1M papers). */
  private readonly keyIds = new StringIndex(this.keys);
  private size: number;

  private readonly clusters: Map<string, { rep: string; name: ParsedName }>;

  /** `spellings` are the raw author strings of a RecordTable, by id; `prep` may hold some of them parsed already. */
  constructor(private readonly spellings: readonly string[], private readonly prep?: NamePrep) {
    this.size = spellings.length;
    this.clusters = idClusters(spellings);
    this.withIdentifiers = spellings.some((s) => s.includes(ID_MARK));
  }

  /** Some spelling carries identifiers (most corpora have none, and the identifier stages can skip their passes). */
  readonly withIdentifiers: boolean;

  fold(text: string): string {
    let f = this.folds.get(text);
    if (f === undefined) { f = foldCompact(text); this.folds.set(text, f); }
    return f;
  }

  /** The parsed name of spelling (or made name) `id`. */
  get(id: number): NameInfo {
    const known = this.infos[id];
    if (known) return known;
    const spelling = this.spellings[id]!;
    const mark = spelling.indexOf(ID_MARK);
    const raw = mark < 0 ? spelling : spelling.slice(0, mark);
    const ids = mark < 0 ? [] : spelling.slice(mark + 1).split(' ').filter(Boolean);
    const p = this.prep?.take(id) ?? prepareName(raw, (t) => this.fold(t));
    const key = ids.length ? this.keyOf(p.name, ids) : p.plainKey;
    return this.store(id, p.name, key, p.givenRaw, p.familyRaw, ids, p.givenFold, p.familyFold);
  }

  /** A person name put together by a repair ("given family"), interned like a spelling. */
  make(given: string, family: string): NameInfo {
    const k = `${given}\u0000${family}`;
    const id = this.made.get(k);
    if (id !== undefined) return this.infos[id]!;
    const next = this.size++;
    this.made.set(k, next);
    const name: ParsedName = { raw: `${given} ${family}`, kind: 'person', given, family };
    return this.store(next, name, nameKey(name), given, family, [], this.fold(given), this.fold(family));
  }

  /**
   * After list repair, the split and folded forms (four strings a name, for testing shifted pairings) are no longer
   * needed: dropped, they free hundreds of megabytes on a whole corpus.
   */
  compact(): void {
    for (const info of this.infos) {
      if (info) { info.givenRaw = ''; info.familyRaw = ''; info.givenFold = ''; info.familyFold = ''; }
    }

    this.folds.clear();
    this.made.clear();
    this.prep?.release();
  }

  /** The id of an identity key, or -1 when no name has it. */
  keyIdOf(key: string): number { return this.keyIds.find(key); }

  /**
   * Identity key: a person's name key, or for a person with identifiers the key of their identifier cluster (its
   * fullest name, then "#id:" and the cluster's smallest id), so every spelling with that id is one person and one
   * name under two ids is two people.
   */
  private keyOf(name: ParsedName, ids: string[]): string {
    if (name.kind !== 'person') return '';
    const cluster = ids.length ? this.clusters.get(ids[0]!) : undefined;
    // A DBLP name alone is a name: only a cluster that holds a public identifier makes an identifier key.
    if (!cluster || cluster.rep.startsWith('dblp:')) return nameKey(name);
    return `${nameKey({ ...cluster.name, homonym: undefined })}#id:${cluster.rep}`;
  }

  private store(
    id: number, name: ParsedName, key: string, givenRaw: string, familyRaw: string, ids: string[], givenFold: string,
    familyFold: string,
  ): NameInfo {
    const keyId = key ? this.keyIds.idOf(key) : -1;
    const info: NameInfo = {
      id, name, key, keyId, ids,
      givenRaw, familyRaw, givenFold, familyFold,
    };
    this.infos[id] = info;
    return info;
  }
}
