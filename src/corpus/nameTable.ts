// Interned names: each distinct spelling is parsed, keyed and folded once, however often it appears (the hot path of resolving).

import type { ParsedName } from '../types';
import { parseName } from '../sources/names';
import { foldCompact } from './fold';
import { nameKey } from './nameKey';

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
}

export class NameTable {
  private readonly infos: (NameInfo | undefined)[] = [];
  private readonly made = new Map<string, number>();
  private readonly folds = new Map<string, string>();
  private readonly keyIds = new Map<string, number>();
  /** Distinct identity keys, by key id. */
  readonly keys: string[] = [];
  private size: number;

  /** `spellings` are the raw author strings of a RecordTable, by id. */
  constructor(private readonly spellings: readonly string[]) { this.size = spellings.length; }

  fold(text: string): string {
    let f = this.folds.get(text);
    if (f === undefined) { f = foldCompact(text); this.folds.set(text, f); }
    return f;
  }

  /** The parsed name of spelling (or made name) `id`. */
  get(id: number): NameInfo {
    const known = this.infos[id];
    if (known) return known;
    const raw = this.spellings[id]!;
    const name = parseName(raw);
    // Split the raw text, not the cleaned parse: a damaged part such as "Bojun :" keeps ":" in its family slot, and
    // "Arijit Team" (a given name glued to a prefix token, read as a team) keeps "Arijit" in its given slot.
    let givenRaw = name.given; let familyRaw = name.family;
    const text = raw.trim();
    if (!text.includes(',') && name.kind !== 'marker') {
      const at = text.lastIndexOf(' ');
      givenRaw = at < 0 ? '' : text.slice(0, at).trim();
      familyRaw = at < 0 ? text : text.slice(at + 1).trim();
    }
    return this.store(id, name, givenRaw, familyRaw);
  }

  /** A person name put together by a repair ("given family"), interned like a spelling. */
  make(given: string, family: string): NameInfo {
    const k = `${given}\u0000${family}`;
    const id = this.made.get(k);
    if (id !== undefined) return this.infos[id]!;
    const next = this.size++;
    this.made.set(k, next);
    return this.store(next, { raw: `${given} ${family}`, kind: 'person', given, family }, given, family);
  }

  /**
   * After list repair, the split and folded forms (four strings a name, for testing shifted pairings) and the key
   * look-up are no longer needed: dropped, they free hundreds of megabytes on a whole corpus.
   */
  compact(): void {
    for (const info of this.infos) if (info) { info.givenRaw = ''; info.familyRaw = ''; info.givenFold = ''; info.familyFold = ''; }
    this.folds.clear();
    this.keyIds.clear();
    this.made.clear();
  }

  /** The id of an identity key, or -1 when no name has it. */
  keyIdOf(key: string): number { return this.keyIds.get(key) ?? -1; }

  private store(id: number, name: ParsedName, givenRaw: string, familyRaw: string): NameInfo {
    const key = name.kind === 'person' ? nameKey(name) : '';
    let keyId = -1;
    if (key) {
      keyId = this.keyIds.get(key) ?? -1;
      if (keyId < 0) { keyId = this.keys.length; this.keyIds.set(key, keyId); this.keys.push(key); }
    }
    const info: NameInfo = {
      id, name, key, keyId,
      givenRaw, familyRaw, givenFold: this.fold(givenRaw), familyFold: this.fold(familyRaw),
    };
    this.infos[id] = info;
    return info;
  }
}
