// Turns each record's raw author strings into person names: markers, teams, placeholders and duplicates set aside and reported, damaged lists re-paired.

import type { Issue, PaperRecord, ParsedName, Repair } from '../types';
import { displayName, looksLikeTeam } from '../sources/names';
import { nameKey } from './nameKey';
import type { NameInfo } from './nameTable';
import { NameTable } from './nameTable';
import type { ListInput, RepairOptions } from './repairLists';
import { indexKnownNames, repairList } from './repairLists';

export interface PreparedRecord {
  record: PaperRecord;
  source: string;
  persons: ParsedName[];
  keys: string[];
  teams: string[];
  /** The list is known to be cut short or to have lost names. */
  incomplete: boolean;
}

const issueAt = (rec: PaperRecord, code: string, severity: Issue['severity'], message: string): Issue => ({ code, severity, message, file: rec.file, line: rec.line });

export function prepareRecords(records: PaperRecord[], repairOptions: RepairOptions): { prepared: PreparedRecord[]; repairs: Repair[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const repairs: Repair[] = [];
  const table = new NameTable();
  const truncatedAt: boolean[] = [];
  const lists: ListInput[] = records.map((rec, i) => {
    let truncated = rec.truncated;
    const names: NameInfo[] = [];
    for (const raw of rec.authors) {
      const info = table.get(raw);
      if (info.name.kind === 'marker') truncated = true;
      else names.push(info);
    }
    truncatedAt.push(truncated);
    return { id: i, file: rec.file, line: rec.line, title: rec.title ?? '', names };
  });
  const known = indexKnownNames(lists);

  const prepared = records.map((rec, i): PreparedRecord => {
    let truncated = truncatedAt[i]!;
    const teams: string[] = [];
    let names: ParsedName[] = lists[i]!.names.map((x) => x.name);
    let keys: (string | undefined)[] = lists[i]!.names.map((x) => x.key);
    const fixed = repairList(lists[i]!, known, repairOptions);
    if (fixed.repair && fixed.names) {
      repairs.push(fixed.repair);
      names = fixed.names;
      keys = names.map(() => undefined);
      const prefix = fixed.prefix.join(' ').replace(/[:;,.\s]+$/, '').trim();
      if (prefix && looksLikeTeam(prefix)) teams.push(prefix);
      else if (prefix) issues.push(issueAt(rec, 'repair-prefix', 'warning', `re-paired list left "${fixed.prefix.join(' ')}" without a partner; dropped`));
      for (const g of fixed.unrepaired) issues.push(issueAt(rec, 'unrepaired-name', 'warning', `given name "${g}" lost its family name in the source and no unique known author matches it; left out of the list`));
      if (fixed.unrepaired.length) truncated = true;
    }
    const persons: ParsedName[] = [];
    const personKeys: string[] = [];
    const seen = new Set<string>();
    names.forEach((name, j) => {
      if (name.kind === 'person') {
        const key = keys[j] ?? nameKey(name);
        if (seen.has(key)) { issues.push(issueAt(rec, 'duplicate-author', 'info', `"${name.raw}" is listed twice on this paper; counted once`)); return; }
        seen.add(key); persons.push(name); personKeys.push(key);
      } else if (name.kind === 'team') {
        teams.push(name.family);
        issues.push(issueAt(rec, 'team-author', 'info', `"${name.raw}" is a team or organisation, not a person; kept as an organisation of the paper`));
      } else if (name.kind === 'placeholder') {
        issues.push(issueAt(rec, 'placeholder-author', 'info', `"${name.raw}" is a placeholder, not a person; left out`));
      } else {
        truncated = true;
        issues.push(issueAt(rec, 'not-a-name', 'warning', `"${name.raw}" is not a readable name${name.given || name.family ? ` (read as "${displayName(name)}")` : ''}; left out and the list flagged incomplete`));
      }
    });
    return { record: rec, source: `${rec.file}:${rec.line}`, persons, keys: personKeys, teams, incomplete: truncated };
  });
  return { prepared, repairs, issues };
}
