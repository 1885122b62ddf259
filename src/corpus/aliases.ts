// Reads a user's aliases file: "A = B = C" forces one person, "A != B" keeps two apart. Lines are reported, never thrown.

import type { Issue } from '../types';
import { parseName } from '../sources/names';
import { nameKey } from './nameKey';

export interface AliasRules {
  /** Groups of name keys that are one person. */
  same: string[][];
  /** Pairs of name keys that must stay apart ("a\u0000b" with a < b). */
  apart: Set<string>;
  issues: Issue[];
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

function keysOf(parts: string[], file: string, line: number, issues: Issue[]): string[] {
  const keys: string[] = [];
  for (const p of parts) {
    const name = parseName(p);
    if (name.kind !== 'person') issues.push({ code: 'alias-not-a-person', severity: 'warning', message: `"${p}" is not a personal name; ignored`, file, line });
    else keys.push(nameKey(name));
  }
  return keys;
}

export function parseAliases(file: string, text: string): AliasRules {
  const rules: AliasRules = { same: [], apart: new Set(), issues: [] };
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const n = i + 1;
    if (line.includes('!=')) {
      const keys = keysOf(line.split('!=').map((s) => s.trim()), file, n, rules.issues);
      if (keys.length !== 2) {
        rules.issues.push({ code: 'alias-syntax', severity: 'warning', message: '"A != B" needs exactly two names', file, line: n });
        return;
      }
      const message = 'these spellings normalize to the same name and cannot be kept apart';
      if (keys[0] === keys[1]) rules.issues.push({ code: 'alias-same-key', severity: 'warning', message, file, line: n });
      rules.apart.add(pairKey(keys[0]!, keys[1]!));
    } else if (line.includes('=')) {
      const keys = keysOf(line.split('=').map((s) => s.trim()), file, n, rules.issues);
      if (keys.length >= 2) rules.same.push(keys);
      else rules.issues.push({ code: 'alias-syntax', severity: 'warning', message: '"A = B" needs at least two names', file, line: n });
    } else {
      const message = 'expected "A = B" (same person) or "A != B" (different people)';
      rules.issues.push({ code: 'alias-syntax', severity: 'warning', message, file, line: n });
    }
  });
  return rules;
}

export const noAliases: AliasRules = { same: [], apart: new Set(), issues: [] };
