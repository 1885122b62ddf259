// Turns each record's raw author strings into person names: markers, teams, placeholders and duplicates set aside
// and reported, damaged lists re-paired. Works record by record over the RecordTable; names are parsed once each.

import type { Issue, Repair } from '../types';
import { displayName, looksLikeTeam } from '../sources/names';
import { IntColumn } from '../compact/columns';
import type { NameInfo } from './nameTable';
import { NameTable } from './nameTable';
import type { RecordTable } from './recordTable';
import type { ListSource } from './knownNames';
import { excludeLists, indexKnownNames } from './knownNames';
import type { RepairOptions } from './repairLists';
import { cannotGain, REPAIR_MIN_NAMES, repairList } from './repairLists';
import { int32s, uint8s } from '../compact/uncounted';

export interface PreparedTable {
  names: NameTable;
  /** Person names of record r: personName[personStart[r] .. personStart[r+1]), ids into `names`. */
  personStart: Int32Array;
  personName: Int32Array;
  /** The key id of name `id` (as names.get(id).keyId), from a flat array for the spellings read. */
  keyIdOf: (id: number) => number;
  /** The list is known to be cut short or to have lost names. */
  incomplete: Uint8Array;
  /** The list looks mis-paired but lacked the evidence to re-pair it: read as written, flagged. */
  suspect: Uint8Array;
  /** Team authors found in a record's list (kept as organisations of the paper). */
  teams: Map<number, string[]>;
  repairs: Repair[];
  suspectLists: Repair[];
  issues: Issue[];
}

/** The names of record r that are not truncation markers, and whether a marker was there. */
function listOf(table: RecordTable, names: NameTable, r: number): { list: NameInfo[]; marker: boolean } {
  const list: NameInfo[] = [];
  let marker = false;
  const ids = table.authorIds.data;
  for (let k = table.authorStart.get(r); k < table.authorStart.get(r + 1); k++) {
    const info = names.get(ids[k]!);
    if (info.name.kind === 'marker') marker = true;
    else list.push(info);
  }
  return { list, marker };
}

/** Kinds of spelling the record loop tells apart without opening the name's object. */
const PERSON = 1;
const MARKER = 2;

const listedTwice = (raw: string) => `"${raw}" is listed twice on this paper; counted once`;
const teamNote = (raw: string) =>
  `"${raw}" is a team or organisation, not a person; kept as an organisation of the paper`;

const unreadable = (raw: string, read: string) =>
  `"${raw}" is not a readable name${read}; left out and the list flagged incomplete`;

export function prepareRecords(table: RecordTable, repairOptions: RepairOptions): PreparedTable {
  const issues: Issue[] = [];
  const repairs: Repair[] = [];
  const suspectLists: Repair[] = [];
  const names = new NameTable(table.spellings, table.namePrep);
  // Every spelling is parsed (and its key interned) before the counts are sized. Kinds and key ids are kept flat:
  // the passes over millions of authorships then read small arrays instead of scattered name objects.
  const kindOf = uint8s(table.spellings.length);
  const keyOf = int32s(table.spellings.length);
  for (let id = 0; id < table.spellings.length; id++) {
    const info = names.get(id);
    kindOf[id] = info.name.kind === 'person' ? PERSON : info.name.kind === 'marker' ? MARKER : 0;
    keyOf[id] = info.keyId;
  }
  const ids = table.authorIds.data;
  const authorStart = table.authorStart.data;
  const keyIds = int32s(table.authorIds.length);
  for (let k = 0; k < keyIds.length; k++) keyIds[k] = keyOf[ids[k]!]!;
  const lists: ListSource = {
    count: table.length, names: (r) => listOf(table, names, r).list, keyStart: authorStart, keyIds,
  };
  const known = indexKnownNames(lists, names.keys.length, (key) => names.keyIdOf(key));
  const make = (given: string, family: string) => names.make(given, family);
  const listInput = (r: number, list: NameInfo[]) => ({
    id: r, file: table.file(r), line: table.line.get(r), title: () => table.title.get(r), names: list,
  });
  const namesOn = (r: number) => {
    let n = 0;
    for (let k = authorStart[r]!; k < authorStart[r + 1]!; k++) if (kindOf[ids[k]!] !== MARKER) n++;
    return n;
  };
  // First pass: which lists look mis-paired. They stop counting as evidence before the second pass decides.
  const doubtful = uint8s(table.length);
  let anyDoubtful = false;
  // The record that last met each key: here to count a list's keys once, below to find a name listed twice.
  const seenOn = int32s(names.keys.length).fill(-1);
  for (let r = 0; r < table.length; r++) {
    const n = namesOn(r);
    if (n < REPAIR_MIN_NAMES) continue; // too short to re-pair: repairList would say so
    // Most lists are too well known already for a shift to gain enough: repairList's first test, made here on flat
    // arrays, so that their name objects are never opened (on 2.9M records, making the lists took 2.2 s).
    let base = 0;
    for (let k = authorStart[r]!; k < authorStart[r + 1]!; k++) {
      const key = keyIds[k]!;
      if (key < 0 || seenOn[key] === r) continue;
      seenOn[key] = r;
      if (known.counts[key]! - 1 > 0) base++;
    }
    if (cannotGain(n, base, repairOptions)) continue;
    const fixed = repairList(listInput(r, listOf(table, names, r).list), known, make, repairOptions);
    if (fixed.repair || fixed.suspect) { doubtful[r] = 1; anyDoubtful = true; }
  }
  if (anyDoubtful) excludeLists(known, doubtful);
  const personStart = int32s(table.length + 1);
  const personName = new IntColumn(table.authorIds.length);
  const incomplete = uint8s(table.length);
  const suspect = uint8s(table.length);
  const teamsOf = new Map<number, string[]>();
  seenOn.fill(-1);

  // The loop's per-record state, and the helpers that use it, made once: on millions of records, two closures, a Set
  // and an array made for each record (most need none of them) kept the collector busy.
  let r = 0;
  let truncated = false;
  let teams: string[] | undefined;
  const seen = new Set<string>();
  let seenFor = -1;
  const at = (code: string, severity: Issue['severity'], message: string): void => {
    issues.push({ code, severity, message, file: table.file(r), line: table.line.get(r) });
  };
  /** One name of the list as read (or re-paired): a person once, the rest set aside and reported. */
  const take = (info: NameInfo): void => {
    const name = info.name;
    if (name.kind === 'person') {
      if (seenFor !== r) { seen.clear(); seenFor = r; }
      if (seen.has(info.key)) { at('duplicate-author', 'info', listedTwice(name.raw)); return; }
      seen.add(info.key);
      personName.push(info.id);
    } else if (name.kind === 'team') {
      (teams ??= []).push(name.family);
      at('team-author', 'info', teamNote(name.raw));
    } else if (name.kind === 'placeholder') {
      at('placeholder-author', 'info', `"${name.raw}" is a placeholder, not a person; left out`);
    } else {
      truncated = true;
      const read = name.given || name.family ? ` (read as "${displayName(name)}")` : '';
      at('not-a-name', 'warning', unreadable(name.raw, read));
    }
  };
  for (r = 0; r < table.length; r++) {
    truncated = table.truncated.get(r) === 1;
    teams = undefined;
    if (!doubtful[r]) {
      // The list as read: people by key id, anything else through its object.
      for (let k = authorStart[r]!; k < authorStart[r + 1]!; k++) {
        const id = ids[k]!; const key = keyOf[id]!;
        if (kindOf[id] === MARKER) truncated = true;
        else if (kindOf[id] !== PERSON || key < 0) take(names.get(id));
        else if (seenOn[key] !== r) { seenOn[key] = r; personName.push(id); }
        else at('duplicate-author', 'info', listedTwice(names.get(id).name.raw));
      }
    } else {
      const { list, marker } = listOf(table, names, r);
      if (marker) truncated = true;
      const fixed = repairList(listInput(r, list), known, make, repairOptions);
      let current = list;
      if (fixed.repair && fixed.names) {
        repairs.push(fixed.repair);
        current = fixed.names;
        const prefix = fixed.prefix.join(' ').replace(/[:;,.\s]+$/, '').trim();
        if (prefix && looksLikeTeam(prefix)) (teams ??= []).push(prefix);
        else if (prefix) {
          at('repair-prefix', 'warning', `re-paired list left "${fixed.prefix.join(' ')}" without a partner; dropped`);
        }
        for (const part of fixed.unrepaired) {
          const why = 'lost its partner in the source and no unique known author matches it; left out of the list';
          at('unrepaired-name', 'warning', `${part} ${why}`);
        }
        if (fixed.unrepaired.length) truncated = true;
      } else if (fixed.suspect) {
        suspectLists.push(fixed.suspect);
        suspect[r] = 1;
        at('suspect-list', 'warning', `${fixed.suspect.message}: ${fixed.suspect.evidence}`);
      }
      for (const info of current) take(info);
    }
    personStart[r + 1] = personName.length;
    if (truncated) incomplete[r] = 1;
    if (teams) teamsOf.set(r, teams);
  }
  names.compact();
  const keyIdOf = (id: number) => (id < keyOf.length ? keyOf[id]! : names.get(id).keyId);
  return {
    names, personStart, personName: personName.view(), keyIdOf, incomplete, suspect, teams: teamsOf, repairs,
    suspectLists, issues,
  };
}
