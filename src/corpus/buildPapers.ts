// Builds one Paper per group of duplicate records: the most complete author list, the commonest title, every source.

import type { Paper } from '../types';
import type { PreparedRecord } from './prepareRecords';
import { titleKey } from './similarity';

/** FNV-1a, 32 bit, as 8 hex digits: short stable ids for papers without arXiv id or DOI. */
export function hash32(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export interface PaperDraft {
  paper: Omit<Paper, 'authors'>;
  /** Person keys of the chosen author list, in order. */
  keys: string[];
  /** Index of the record whose author list was chosen, or -1. */
  chosen: number;
}

function pickTitle(recs: PreparedRecord[]): string {
  const counts = new Map<string, { title: string; n: number }>();
  for (const r of recs) {
    const t = r.record.title?.trim();
    if (!t) continue;
    const k = titleKey(t);
    const c = counts.get(k);
    if (c) c.n++; else counts.set(k, { title: t, n: 1 });
  }
  let best: { title: string; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n || (c.n === best.n && c.title.length > best.title.length)) best = c;
  if (best) return best.title;
  const abs = recs.find((r) => r.record.abstract)?.record.abstract;
  const id = recs.find((r) => r.record.arxivId)?.record.arxivId;
  if (id) return `[untitled] arXiv:${id}`;
  return abs ? `[untitled] ${abs.split(/\s+/).slice(0, 10).join(' ')}…` : '[untitled]';
}

export function draftPaper(group: number[], prepared: PreparedRecord[], usedIds: Set<string>): PaperDraft {
  const recs = group.map((i) => prepared[i]!);
  // Prefer a complete list, then the longest; the earliest record breaks ties.
  let chosen = -1;
  for (const i of group) {
    const r = prepared[i]!;
    if (r.keys.length === 0) continue;
    if (chosen < 0) { chosen = i; continue; }
    const c = prepared[chosen]!;
    if ((c.incomplete && !r.incomplete) || (c.incomplete === r.incomplete && r.keys.length > c.keys.length)) chosen = i;
  }
  const first = <T>(f: (r: PreparedRecord) => T | undefined): T | undefined => { for (const r of recs) { const v = f(r); if (v !== undefined && v !== '') return v; } return undefined; };
  const years = recs.map((r) => r.record.year).filter((y): y is number => y !== undefined);
  const title = pickTitle(recs);
  const arxivId = first((r) => r.record.arxivId);
  const doi = first((r) => r.record.doi);
  const year = years.length ? Math.min(...years) : undefined;
  const keys = chosen >= 0 ? prepared[chosen]!.keys : [];
  let id = arxivId ? `arxiv:${arxivId}` : doi ? `doi:${doi.toLowerCase()}` : `p:${hash32(`${titleKey(title)}|${year ?? ''}|${keys[0] ?? ''}`)}`;
  if (usedIds.has(id)) { let k = 2; while (usedIds.has(`${id}-${k}`)) k++; id = `${id}-${k}`; }
  usedIds.add(id);
  const uniq = (xs: string[]) => [...new Set(xs)];
  const paper: Omit<Paper, 'authors'> = {
    id, title,
    complete: chosen >= 0 && !prepared[chosen]!.incomplete,
    sources: recs.map((r) => r.source),
    categories: uniq(recs.flatMap((r) => r.record.categories)),
    organisations: uniq(recs.flatMap((r) => [...r.record.organisations, ...r.teams])),
  };
  if (year !== undefined) paper.year = year;
  if (arxivId) paper.arxivId = arxivId;
  if (doi) paper.doi = doi;
  const abstract = first((r) => r.record.abstract);
  if (abstract) paper.abstract = abstract;
  const venue = first((r) => r.record.venue);
  if (venue) paper.venue = venue;
  return { paper, keys, chosen };
}
