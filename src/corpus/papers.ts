// One paper per group of duplicate records, as columns: the fullest author list, the commonest title, every source.

import type { Csr } from '../compact/columns';
import { hash32 } from './hash';
import type { PreparedTable } from './prepareRecords';
import type { RecordTable } from './recordTable';
import { titleKey } from './similarity';
import { int32s, uint8s } from '../compact/uncounted';
import { StringIndex } from '../compact/stringIndex';

export interface PaperColumns {
  count: number;
  ids: string[];
  /** Record whose title names the paper, or -1 when the title was made up (see madeTitles). */
  titleRecord: Int32Array;
  madeTitles: Map<number, string>;
  /** Earliest year of the group, 0 when none. */
  year: Int32Array;
  /** First record of the group giving each field, or -1. */
  arxivRecord: Int32Array;
  doiRecord: Int32Array;
  abstractRecord: Int32Array;
  venueRecord: Int32Array;
  /** Record whose author list was chosen, or -1. */
  chosen: Int32Array;
  complete: Uint8Array;
  /** The chosen list looked mis-paired and could not be re-paired (see the report's suspect lists). */
  suspect: Uint8Array;
}

function pickTitle(table: RecordTable, members: Int32Array): { record: number; made?: string } {
  if (members.length === 1) {
    const only = members[0]!;
    return table.title.has(only) && table.title.get(only).trim() ? { record: only } : madeTitle(table, members);
  }
  const counts = new Map<string, { record: number; length: number; n: number }>();
  for (const r of members) {
    const t = table.title.get(r).trim();
    if (!t) continue;
    const k = titleKey(t);
    const c = counts.get(k);
    if (c) c.n++; else counts.set(k, { record: r, length: t.length, n: 1 });
  }
  let best: { record: number; length: number; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n || (c.n === best.n && c.length > best.length)) best = c;
  return best ? { record: best.record } : madeTitle(table, members);
}

function madeTitle(table: RecordTable, members: Int32Array): { record: number; made: string } {
  let abs: string | undefined; let id: string | undefined;
  for (const r of members) {
    if (!abs && table.abstract.has(r)) abs = table.abstract.get(r);
    if (!id && table.arxivId.has(r)) id = table.arxivId.get(r);
  }
  if (id) return { record: -1, made: `[untitled] arXiv:${id}` };
  return { record: -1, made: abs ? `[untitled] ${abs.split(/\s+/).slice(0, 10).join(' ')}…` : '[untitled]' };
}

export function titleOf(table: RecordTable, papers: PaperColumns, p: number): string {
  const r = papers.titleRecord[p]!;
  return r >= 0 ? table.title.get(r).trim() : papers.madeTitles.get(p)!;
}

/** A printable ASCII byte: never white space, never part of a longer character. */
const isAsciiInk = (b: number) => b > 0x20 && b < 0x7f;

/**
 * titleOf for the store: most titles as their UTF-8 bytes in place (nothing to trim when both ends are printable
 * ASCII), the rest as text. On 2.9M papers this spares decoding every title only to encode it again.
 */
export function titleCell(table: RecordTable, papers: PaperColumns, p: number): string | Uint8Array {
  const r = papers.titleRecord[p]!;
  if (r < 0) return papers.madeTitles.get(p)!;
  const bytes = table.title.bytesAt(r);
  return bytes.length > 0 && isAsciiInk(bytes[0]!) && isAsciiInk(bytes[bytes.length - 1]!) ? bytes
    : titleOf(table, papers, p);
}

/** Person name ids of the chosen list of each group, and the paper columns. */
export function buildPapers(
  table: RecordTable, prepared: PreparedTable, groups: Csr, keyOfName: (id: number) => string,
): PaperColumns {
  const count = groups.starts.length - 1;
  const cols: PaperColumns = {
    count, ids: [], titleRecord: int32s(count), madeTitles: new Map(), year: int32s(count),
    arxivRecord: int32s(count).fill(-1), doiRecord: int32s(count).fill(-1),
    abstractRecord: int32s(count).fill(-1), venueRecord: int32s(count).fill(-1),
    chosen: int32s(count).fill(-1), complete: uint8s(count), suspect: uint8s(count),
  };
  // Ids in an index whose list is the ids column itself (2.9M fresh ids: 1.1–1.6 s, where a Set took 2.0–2.7 s).
  const usedIds = new StringIndex(cols.ids);
  const persons = (r: number) => prepared.personStart[r + 1]! - prepared.personStart[r]!;
  for (let g = 0; g < count; g++) {
    const members = groups.items.subarray(groups.starts[g]!, groups.starts[g + 1]!);
    // Prefer a list read with confidence, then a complete one, then the longest; the earliest record breaks ties.
    let chosen = -1;
    let year = 0;
    for (const r of members) {
      const y = table.year.get(r);
      if (y !== 0 && (year === 0 || y < year)) year = y;
      if (cols.arxivRecord[g] === -1 && table.arxivId.has(r)) cols.arxivRecord[g] = r;
      if (cols.doiRecord[g] === -1 && table.doi.has(r)) cols.doiRecord[g] = r;
      if (cols.abstractRecord[g] === -1 && table.abstract.has(r)) cols.abstractRecord[g] = r;
      if (cols.venueRecord[g] === -1 && table.venue.has(r)) cols.venueRecord[g] = r;
      if (persons(r) === 0) continue;
      if (chosen < 0) { chosen = r; continue; }
      const cs = prepared.suspect[chosen]; const rs = prepared.suspect[r];
      if (cs !== rs) { if (cs) chosen = r; continue; }
      const ci = prepared.incomplete[chosen]; const ri = prepared.incomplete[r];
      if ((ci && !ri) || (ci === ri && persons(r) > persons(chosen))) chosen = r;
    }
    const title = pickTitle(table, members);
    cols.titleRecord[g] = title.record;
    if (title.made !== undefined) cols.madeTitles.set(g, title.made);
    cols.year[g] = year;
    cols.chosen[g] = chosen;
    cols.complete[g] = chosen >= 0 && !prepared.incomplete[chosen] ? 1 : 0;
    cols.suspect[g] = chosen >= 0 ? prepared.suspect[chosen]! : 0;
    const arxiv = cols.arxivRecord[g]! >= 0 ? table.arxivId.get(cols.arxivRecord[g]!) : '';
    const doi = cols.doiRecord[g]! >= 0 ? table.doi.get(cols.doiRecord[g]!) : '';
    let id = arxiv ? `arxiv:${arxiv}` : doi ? `doi:${doi.toLowerCase()}` : '';
    if (!id) {
      const first = chosen >= 0 && persons(chosen) > 0 ? prepared.personName[prepared.personStart[chosen]!]! : -1;
      const firstKey = first >= 0 ? keyOfName(first) : '';

      id = `p:${hash32(`${titleKey(titleOf(table, cols, g))}|${year || ''}|${firstKey}`)}`;
    }
    // Each paper adds exactly one id, so the index's list is the ids column in paper order.
    if (!usedIds.add(id)) { let k = 2; while (!usedIds.add(`${id}-${k}`)) k++; }
  }
  return cols;
}
