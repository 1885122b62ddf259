// Rosters (a department, a project's members): names matched to the corpus's people with the identity rules,
// unmatched and ambiguous names listed; then the roster's own network, the outside collaborators its members share,
// and who bridges its sub-groups.

import type { Issue } from '../types';
import { parseName } from '../sources/names';
import type { Author, Corpus } from '../types';
import { findAuthor } from './findAuthor';
import { foldCompact } from './fold';
import { initialsOf, isInitialsOnly, nameKey } from './nameKey';
import { pushTo } from '../compact/listMap';

export interface RosterEntry { name: string; line: number }

const ROLES = [
  'prof(?:essor)?', 'lecturer', 'post-?doc', 'ph\\.?d\\.?', 'student', 'director', 'chair', 'pi', 'researcher',
  'fellow', 'head', 'dean', 'associate', 'assistant', 'emerit(?:us|a)', 'member', 'staff', 'engineer',
];
const ROLE_WORD = new RegExp(`^(?:${ROLES.join('|')})\\b`, 'i');
const isRole = (text: string) => /^[a-z]/.test(text) || ROLE_WORD.test(text);

/**
 * One name per line; blank lines and `#` comments skipped. A last comma part that reads as a role ("professor",
 * anything in lower case) or a tab column is ignored; otherwise "Family, Given" is a name.
 */
export function parseRoster(text: string, file: string): { entries: RosterEntry[]; issues: Issue[] } {
  const entries: RosterEntry[] = [];
  const issues: Issue[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').split('\t')[0]!.trim();
    if (!line) return;
    const comma = line.lastIndexOf(',');
    const name = comma > 0 && isRole(line.slice(comma + 1).trim()) ? line.slice(0, comma).trim() : line;
    if (parseName(name).kind !== 'person') {
      const message = `"${line}" is not a person's name; skipped`;
      issues.push({ code: 'roster-not-a-name', severity: 'warning', message, file, line: i + 1 });
      return;
    }
    entries.push({ name, line: i + 1 });
  });
  return { entries, issues };
}

export interface RosterPerson { id: string; label: string }

export interface RosterMatches {
  matched: (RosterEntry & { author: RosterPerson; how: 'name' | 'initials' })[];
  ambiguous: (RosterEntry & { candidates: RosterPerson[] })[];
  unmatched: (RosterEntry & { suggestions: string[] })[];
}

const baseKey = (key: string) => key.split('#')[0]!;

/** Matches each roster name: same identity key (any spelling, either order, every homonym), else initials. */
export function matchRoster(corpus: Pick<Corpus, 'authors'>, entries: RosterEntry[]): RosterMatches {
  const byKey = new Map<string, Set<number>>();
  const byFamily = new Map<string, number[]>();
  const add = (key: string, a: number) => {
    const s = byKey.get(key);
    if (s) s.add(a); else byKey.set(key, new Set([a]));
  };
  corpus.authors.forEach((a, i) => {
    add(baseKey(nameKey(a)), i);
    for (const alias of a.aliases) {
      const p = parseName(alias);
      if (p.kind === 'person') add(baseKey(nameKey(p)), i);
    }
    const f = foldCompact(a.family);
    pushTo(byFamily, f, i);
  });
  const person = (a: Author): RosterPerson => ({ id: a.id, label: a.label });
  const out: RosterMatches = { matched: [], ambiguous: [], unmatched: [] };
  for (const e of entries) {
    const p = parseName(e.name);
    const withKey = (name: Pick<typeof p, 'given' | 'family'>) => byKey.get(baseKey(nameKey(name))) ?? [];
    const exact = new Set([...withKey(p), ...withKey({ given: p.family, family: p.given })]);
    // A homonym number in the roster ("Wei Wang 0001") picks that one person.
    const picked = p.homonym ? [...exact].filter((a) => nameKey(corpus.authors[a]!) === nameKey(p)) : [...exact];
    let found = picked; let how: 'name' | 'initials' = 'name';
    if (!found.length && isInitialsOnly(p.given)) {
      const want = initialsOf(p.given);
      const sameFamily = byFamily.get(foldCompact(p.family)) ?? [];
      found = sameFamily.filter((a) => initialsOf(corpus.authors[a]!.given).startsWith(want));

      how = 'initials';
    }
    found.sort((x, y) => x - y);
    if (found.length === 1) out.matched.push({ ...e, author: person(corpus.authors[found[0]!]!), how });
    else if (found.length > 1) out.ambiguous.push({ ...e, candidates: found.map((a) => person(corpus.authors[a]!)) });
    else out.unmatched.push({ ...e, suggestions: findAuthor(corpus, e.name, 3).suggestions.map((a) => a.label) });
  }
  return out;
}
