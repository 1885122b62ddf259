// Shared reading of JSON exports that hold a list of works: a JSON array, an API page object (`results`,
// `message.items`), a single work, or JSON Lines (one work a line). Bad lines are reported by line and skipped.

import type { Issue } from '../types';
import { issue, lineAtOffset } from './record';

export interface JsonWork { value: Record<string, unknown>; line: number }

type Unwrap = (top: unknown) => unknown[] | undefined;

/** The works of a JSON text, each with the line it starts on (found from `anchor`, a string unique to the work). */
export function readJsonWorks(
  file: string, text: string, unwrap: Unwrap, anchor: (w: Record<string, unknown>) => string | undefined,
): { works: JsonWork[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const body = text.replace(/^\uFEFF/, '');
  let top: unknown;
  try { top = JSON.parse(body); } catch { top = undefined; }
  if (top === undefined) return readJsonLines(file, body, unwrap);
  const list = unwrap(top);
  if (!list) return { works: [], issues: [issue('json-shape', 'error', 'no list of works in this JSON', file, 1)] };
  const works: JsonWork[] = [];
  let from = 0;
  for (const w of list) {
    if (!w || typeof w !== 'object') continue;
    const key = anchor(w as Record<string, unknown>);
    const at = key ? body.indexOf(JSON.stringify(key).slice(1, -1), from) : -1;
    if (at >= 0) from = at;
    works.push({ value: w as Record<string, unknown>, line: lineAtOffset(body, Math.max(0, from)) });
  }
  return { works, issues };
}

function readJsonLines(file: string, body: string, unwrap: Unwrap): { works: JsonWork[]; issues: Issue[] } {
  const works: JsonWork[] = []; const issues: Issue[] = [];
  body.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try { value = JSON.parse(line); } catch (e) {
      const why = (e as Error).message.split('\n')[0];
      issues.push(issue('json-line', 'error', `not a JSON object (${why}); skipped`, file, i + 1));
      return;
    }
    for (const w of unwrap(value) ?? []) {
      if (w && typeof w === 'object') works.push({ value: w as Record<string, unknown>, line: i + 1 });
    }

  });
  return { works, issues };
}

/** A string property, '' when absent or not a string. */
export const str = (o: unknown, key: string): string => {
  const v = o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : '';
};

export const obj = (o: unknown, key: string): Record<string, unknown> | undefined => {
  const v = o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined;
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
};

export const arr = (o: unknown, key: string): unknown[] => {
  const v = o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined;
  return Array.isArray(v) ? v : [];
};

export const stripDoi = (doi: string): string => doi.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '').trim();
