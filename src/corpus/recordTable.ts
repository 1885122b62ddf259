// Every record read, as columns: raw author spellings interned once, author lists as ids, text as UTF-8 bytes.
// Parsers hand records over in batches; each record object dies as soon as it is appended here.

import { ID_MARK, NamePrep } from './namePrep';
import { ByteColumn, IntColumn, StringColumn } from '../compact/columns';
import { StringIndex } from '../compact/stringIndex';
import { nfc } from '../sources/unicode';
import type { FormatId, Issue, PaperRecord, ParseResult } from '../types';

/** A flat copy: a long substring would keep the whole chunk of input it was cut from alive. */
const flatCopy = (s: string) => (s.length > 12 ? (' ' + s).slice(1) : s);

export interface TableSource { file: string; format: FormatId; records: number; issues: Issue[] }

export class RecordTable {
  readonly sources: TableSource[] = [];
  /** Distinct raw author spellings; records refer to them by index. */
  readonly spellings: string[] = [];
  private spellingIds: StringIndex | null = new StringIndex(this.spellings);
  /** Spellings parsed while reading, when this thread has time to spare (see readInThread). */
  readonly namePrep = new NamePrep(this.spellings);

  readonly fileOf = new IntColumn();
  readonly line = new IntColumn();
  /** 0 when the record gives no year. */
  readonly year = new IntColumn();
  readonly truncated = new ByteColumn();
  readonly title = new StringColumn();
  readonly abstract = new StringColumn();
  readonly arxivId = new StringColumn();
  readonly doi = new StringColumn();
  readonly venue = new StringColumn();
  /** Author list of record r: authorIds[authorStart[r] .. authorStart[r+1]). */
  readonly authorStart = new IntColumn();
  readonly authorIds = new IntColumn();
  /** Categories and organisations are rare: kept per record only where present. */
  readonly categories = new Map<number, string[]>();
  readonly organisations = new Map<number, string[]>();

  constructor() { this.authorStart.push(0); }

  get length(): number { return this.line.length; }

  /** Starts a source file; records appended next belong to it. */
  addSource(file: string, format: FormatId): number {
    return this.sources.push({ file, format, records: 0, issues: [] }) - 1;
  }

  /** Reading is over: the spelling look-up (a map of every distinct name) is no longer needed. */
  seal(): void {
    this.spellingIds = null;
    this.sealed = true;
    const columns = [
      this.fileOf, this.line, this.year, this.truncated, this.title, this.abstract, this.arxivId, this.doi, this.venue,
      this.authorStart, this.authorIds,
    ];
    for (const c of columns) c.trim();
  }
  private sealed = false;

  spellingId(raw: string): number {
    return this.spellingIds!.idOf(raw, flatCopy);
  }

  append(source: number, rec: PaperRecord, lineOffset = 0): void {
    if (this.sealed) throw new Error('RecordTable: records appended after reading was sealed');
    const r = this.length;
    this.sources[source]!.records++;
    this.fileOf.push(source);
    this.line.push(rec.line + lineOffset);
    this.year.push(rec.year ?? 0);
    this.truncated.push(rec.truncated ? 1 : 0);
    this.title.push(nfc(rec.title));
    this.abstract.push(nfc(rec.abstract));
    this.arxivId.push(rec.arxivId);
    this.doi.push(rec.doi);
    this.venue.push(nfc(rec.venue));
    rec.authors.forEach((a, i) => {
      // Identifiers travel inside the interned spelling, so one name under two ids is two spellings.
      const ids = rec.authorIds?.[i]?.trim();
      this.authorIds.push(this.spellingId(ids ? `${nfc(a)}${ID_MARK}${ids}` : nfc(a)));
    });
    this.authorStart.push(this.authorIds.length);
    if (rec.categories.length) this.categories.set(r, rec.categories.map((c) => nfc(c)));
    if (rec.organisations.length) this.organisations.set(r, rec.organisations.map((o) => nfc(o)));
  }

  /** Raw author spellings of record r, in order. */
  authors(r: number): string[] {
    const out: string[] = [];
    const ids = this.authorIds.data;
    for (let k = this.authorStart.get(r); k < this.authorStart.get(r + 1); k++) {
      out.push(this.spellings[ids[k]!]!.split(ID_MARK)[0]!);
    }

    return out;
  }

  file(r: number): string { return this.sources[this.fileOf.get(r)]!.file; }
  /** `file:line`, how reports and papers name a record. */
  where(r: number): string { return `${this.file(r)}:${this.line.get(r)}`; }
  yearOf(r: number): number | undefined { const y = this.year.get(r); return y === 0 ? undefined : y; }

  static fromResults(results: ParseResult[]): RecordTable {
    const table = new RecordTable();
    for (const res of results) {
      const s = table.addSource(res.file, res.format);
      for (const rec of res.records) table.append(s, rec);
      table.sources[s]!.issues.push(...res.issues);
    }
    return table;
  }
}

