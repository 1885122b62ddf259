// Reads a user's aliases file: "A = B = C" is one person, "A != B" two. Lines are reported, never thrown.

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

function warning(issues: Issue[], code: string, message: string, file: string, line: number): void {
  issues.push({ code, severity: 'warning', message, file, line });
}

function keysOf(parts: string[], file: string, line: number, issues: Issue[]): string[] {
  const keys: string[] = [];
  for (const p of parts) {
    const name = parseName(p);
    if (name.kind === 'person') keys.push(nameKey(name));
    else warning(issues, 'alias-not-a-person', `"${p}" is not a personal name; ignored`, file, line);
  }
  return keys;
}

export function parseAliases(file: string, text: string): AliasRules {
  const rules: AliasRules = { same: [], apart: new Set(), issues: [] };
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const n = i + 1;
    const warn = (code: string, message: string) => warning(rules.issues, code, message, file, n);
    if (line.includes('!=')) {
      const keys = keysOf(line.split('!=').map((s) => s.trim()), file, n, rules.issues);
      if (keys.length !== 2) {
        warn('alias-syntax', '"A != B" needs exactly two names');
        return;
      }
      if (keys[0] === keys[1]) {
        warn('alias-same-key', 'these spellings normalize to the same name and cannot be kept apart');
      }
      rules.apart.add(pairKey(keys[0]!, keys[1]!));
    } else if (line.includes('=')) {
      const keys = keysOf(line.split('=').map((s) => s.trim()), file, n, rules.issues);
      if (keys.length >= 2) rules.same.push(keys);
      else warn('alias-syntax', '"A = B" needs at least two names');
    } else {
      warn('alias-syntax', 'expected "A = B" (same person) or "A != B" (different people)');
    }

  });
  return rules;
}

export const noAliases: AliasRules = { same: [], apart: new Set(), issues: [] };
