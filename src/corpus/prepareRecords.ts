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
import { repairList } from './repairLists';

export interface PreparedTable {
  names: NameTable;
  /** Person names of record r: personName[personStart[r] .. personStart[r+1]), ids into `names`. */
  personStart: Int32Array;
  personName: Int32Array;
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

const noRepair: ReturnType<typeof repairList> = { names: undefined, prefix: [], unrepaired: [] };

export function prepareRecords(table: RecordTable, repairOptions: RepairOptions): PreparedTable {
  const issues: Issue[] = [];
  const repairs: Repair[] = [];
  const suspectLists: Repair[] = [];
  const names = new NameTable(table.spellings, table.namePrep);
  const lists: ListSource = { count: table.length, names: (r) => listOf(table, names, r).list };
  // Every spelling is parsed (and its key interned) before the counts are sized.
  for (let id = 0; id < table.spellings.length; id++) names.get(id);
  const known = indexKnownNames(lists, names.keys.length, (key) => names.keyIdOf(key));
  const make = (given: string, family: string) => names.make(given, family);
  const listInput = (r: number, list: NameInfo[]) => ({
    id: r, file: table.file(r), line: table.line.get(r), title: () => table.title.get(r), names: list,
  });
  // First pass: which lists look mis-paired. They stop counting as evidence before the second pass decides.
  const doubtful = new Uint8Array(table.length);
  let anyDoubtful = false;
  for (let r = 0; r < table.length; r++) {
    const fixed = repairList(listInput(r, listOf(table, names, r).list), known, make, repairOptions);
    if (fixed.repair || fixed.suspect) { doubtful[r] = 1; anyDoubtful = true; }
  }
  if (anyDoubtful) excludeLists(known, doubtful);
  const personStart = new Int32Array(table.length + 1);
  const personName = new IntColumn(table.authorIds.length);
  const incomplete = new Uint8Array(table.length);
  const suspect = new Uint8Array(table.length);
  const teamsOf = new Map<number, string[]>();

  for (let r = 0; r < table.length; r++) {
    const at = (code: string, severity: Issue['severity'], message: string): void => {
      issues.push({ code, severity, message, file: table.file(r), line: table.line.get(r) });
    };
    const { list, marker } = listOf(table, names, r);
    let truncated = table.truncated.get(r) === 1 || marker;
    const teams: string[] = [];
    let current = list;
    const fixed = doubtful[r] ? repairList(listInput(r, list), known, make, repairOptions) : noRepair;
    if (fixed.repair && fixed.names) {
      repairs.push(fixed.repair);
      current = fixed.names;
      const prefix = fixed.prefix.join(' ').replace(/[:;,.\s]+$/, '').trim();
      if (prefix && looksLikeTeam(prefix)) teams.push(prefix);
      else if (prefix) at('repair-prefix', 'warning', `re-paired list left "${fixed.prefix.join(' ')}" without a partner; dropped`);
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
    const seen = new Set<string>();
    for (const info of current) {
      const name = info.name;
      if (name.kind === 'person') {
        if (seen.has(info.key)) { at('duplicate-author', 'info', `"${name.raw}" is listed twice on this paper; counted once`); continue; }
        seen.add(info.key);
        personName.push(info.id);
      } else if (name.kind === 'team') {
        teams.push(name.family);
        at('team-author', 'info', `"${name.raw}" is a team or organisation, not a person; kept as an organisation of the paper`);
      } else if (name.kind === 'placeholder') {
        at('placeholder-author', 'info', `"${name.raw}" is a placeholder, not a person; left out`);
      } else {
        truncated = true;
        const read = name.given || name.family ? ` (read as "${displayName(name)}")` : '';
        at('not-a-name', 'warning', `"${name.raw}" is not a readable name${read}; left out and the list flagged incomplete`);
      }
    }
    personStart[r + 1] = personName.length;
    if (truncated) incomplete[r] = 1;
    if (teams.length) teamsOf.set(r, teams);
  }
  names.compact();
  return { names, personStart, personName: personName.view(), incomplete, suspect, teams: teamsOf, repairs, suspectLists, issues };
}
