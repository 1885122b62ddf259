// Writes a whole-corpus build into a DuckDB file: papers, authors and spellings, authorships, ties with their papers,
// groups, and the data-quality report, so later questions never re-read the sources. (The store runs in Node only.)

import { rmSync } from 'node:fs';
import { explorerCachePath } from './explorerCache';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Report } from '../corpus/report';
import { foldCompact, foldText } from '../corpus/fold';
import { nameKey } from '../corpus/nameKey';
import { titleCell } from '../corpus/papers';
import type { CompactCorpus } from '../corpus/resolveTable';
import type { CompactGraph } from '../graph/compactGraph';
import type { TieTable } from '../graph/ties';
import { readSql } from './sqlFiles';
import type { Cell } from './writeRows';
import type { CellsOf } from './tableLoader';
import { STAGE, TableLoader } from './tableLoader';
import type { TempDatabase } from './tempFiles';
import { tempDatabase } from './tempFiles';
import { blobValue } from '@duckdb/node-api';
import { NameLookupRows } from './nameLookup';

export interface StoreSettings { weighting: string; resolution: number; seed: number; maxAuthors: number }


export const STORE_VERSION = '6';
/**
 * DuckDB's own memory while writing; beyond it, it writes blocks out to the file. 256 MB, not 512: on 1M synthetic
 * papers the peak (authors written beside Louvain) went from 3.98 to 3.85 GB, at the same speed.
 */
const STORE_MEMORY = '256MB';

/**
 * At most this many authors a row of the name index: a million names make a text of about 14 MB (strings stop near
 * 512M).
 */
const NAME_INDEX_PART = 1_000_000;
/** Below this many authors the name index is one part: a worker thread would start for little. */
const ONE_PART_BELOW = 100_000;

/**
 * The name index's part size for `count` authors: parts of equal size, an even number of them from ONE_PART_BELOW
 * on, since suggestions score every other part on a worker thread (1.57M names: two parts of 783k, not 1M and
 * 0.57M, where this thread read and scored its million while the worker waited). COAUTHOR_GRAPH_NAME_INDEX_PART
 * sets the largest part (the tests split a small corpus's names into several parts).
 */
function nameIndexPart(count: number): number {
  const largest = Number(process.env.COAUTHOR_GRAPH_NAME_INDEX_PART) || NAME_INDEX_PART;
  let parts = Math.max(1, Math.ceil(count / largest));
  if (parts % 2 === 1 && count >= ONE_PART_BELOW) parts++;
  return Math.max(1, Math.ceil(count / parts));
}

/**
 * Writes a store in phases, so a build can write its corpus while its groups are still being found elsewhere.
 * It writes to a temporary file, renamed at the end: a failed build leaves no half store.
 */
export class StoreWriter {
  private constructor(
    private readonly path: string, private readonly file: TempDatabase, private readonly instance: DuckDBInstance,
    private readonly con: DuckDBConnection, private readonly loader: TableLoader,
  ) {}

  /** `onStale` hears of the temporary files of earlier builds of this store that were killed (removed here). */
  static async open(path: string, onStale?: (names: string[]) => void): Promise<StoreWriter> {
    const file = tempDatabase(path);
    if (file.stale.length) onStale?.(file.stale);
    // DuckDB would take up to 80 % of the machine's memory for its buffers; the corpus is already in this process.
    const instance = await DuckDBInstance.create(file.tmp, { memory_limit: STORE_MEMORY, threads: '2' });
    const con = await instance.connect();
    await con.run(readSql('schema'));
    return new StoreWriter(path, file, instance, con, await TableLoader.open(instance, con));
  }

  /** While `busy()` says another thread works hard (the groups worker), large tables go in on this thread only. */
  besideWork(busy: () => boolean): void {
    this.loader.besideWork = busy;
  }

  /** Ties: written first, so that a build can let their arrays go early (then `writeTiePapers`). */
  async writeTies(ties: TieTable, weight: Float64Array, onStage?: (s: string) => void): Promise<void> {
    onStage?.('store: ties');
    await this.loader.numbers('ties', 'iiiidd', ties.count, (start, n, [tie, a, b, papers, fractional, w]) => {
      for (let i = 0; i < n; i++) tie![i] = start + i;
      a!.set(ties.source.subarray(start, start + n)); b!.set(ties.target.subarray(start, start + n));
      papers!.set(ties.papers.subarray(start, start + n)); fractional!.set(ties.fractional.subarray(start, start + n));
      w!.set(weight.subarray(start, start + n));
    });
    // Ties read from a file (computed on a cluster) come without their papers: writeCorpus finds them.
    this.tiePapersToFind = ties.count > 0 && ties.paperList.length === 0;
  }

  /** The papers behind each tie (after `writeTies`, which no longer needs the per-tie counts). */
  async writeTiePapers(ties: Pick<TieTable, 'count' | 'paperStart' | 'paperList'>): Promise<void> {
    if (this.tiePapersToFind) return;
    const tieOf = ownerOf(ties.paperStart);
    await this.loader.numbers('tie_papers', 'ii', ties.paperList.length, (start, n, [tie, paper]) => {
      for (let i = 0; i < n; i++) tie![i] = tieOf(start + i);
      paper!.set(ties.paperList.subarray(start, start + n));
    });
  }

  private tiePapersToFind = false;
  /** The name_lookup rows: the spellings' go in with writeCorpus, the labels' with writeAuthors, which writes them. */
  private lookup = new NameLookupRows();

  /** Papers, spellings and authorships (after writeTies: ties from a file get their papers from these). */
  async writeCorpus(c: CompactCorpus, maxAuthors: number, onStage?: (s: string) => void): Promise<void> {
    const { table, papers, authors, paperAuthors: pa, groups } = c;
    onStage?.('store: papers');
    const sources = sourcesJson(table);
    // Text fields go as their bytes in the record table: no string made only to be encoded again.
    const field = (rec: number, col: typeof table.doi) => (rec >= 0 ? col.bytesAt(rec) : undefined);
    await this.rows('papers', 'ivvivvvbbiv', papers.count, (p, row) => {
      row(p, papers.ids[p], titleCell(table, papers, p), papers.year[p] || undefined,
        field(papers.arxivRecord[p]!, table.arxivId), field(papers.doiRecord[p]!, table.doi),
        field(papers.venueRecord[p]!, table.venue), papers.complete[p] === 1, papers.suspect[p] === 1,
        pa.starts[p + 1]! - pa.starts[p]!, sources(groups.items.subarray(groups.starts[p]!, groups.starts[p + 1]!)));
    });
    onStage?.('store: spellings and authorships');
    const authorOf = ownerOf(authors.aliases.starts);
    await this.rows('spellings', 'ivvvb', authors.aliases.items.length, (k, row) => {
      const a = authorOf(k);
      const info = c.prepared.names.get(authors.aliases.items[k]!);
      const isLabel = info.name.given === authors.given[a] && info.name.family === authors.family[a];
      const fold = foldCompact(info.name.raw);
      this.lookup.add('key', info.key, a); this.lookup.add('fold', fold, a);
      row(a, info.name.raw, info.key, fold, isLabel);
    });
    const paperOf = ownerOf(pa.starts);
    await this.loader.numbers('authorships', 'iii', pa.items.length, (start, n, [paper, author, position]) => {
      for (let i = 0; i < n; i++) {
        const p = paperOf(start + i);
        paper![i] = p; position![i] = start + i - pa.starts[p]!;
      }
      author!.set(pa.items.subarray(start, start + n));
    });
    if (!this.tiePapersToFind) return;
    void this.loader.run(`INSERT INTO tie_papers SELECT t.tie, x.paper FROM ties t
      JOIN authorships x ON x.author = t.a JOIN authorships y ON y.paper = x.paper AND y.author = t.b
      JOIN papers p ON p.paper = x.paper WHERE p.authors <= ${Math.floor(maxAuthors)} ORDER BY t.tie, x.paper`);
  }

  /**
   * The authors table, with each author's group when they are known, and the name index. Without the groups,
   * `setAuthorGroups` fills the column in later: on a whole corpus the groups come last, and writing the rest
   * meanwhile takes 9 s off the end.
   */
  async writeAuthors(c: CompactCorpus, group: Int32Array | undefined, onStage?: (s: string) => void): Promise<void> {
    const { authors } = c;
    onStage?.(group ? 'store: authors' : 'store: authors (their groups once found)');
    const folds = new Array<string>(authors.count);
    const papers = new Int32Array(authors.count);
    await this.rows('authors', 'ivvvviivvv', authors.count, (a, row) => {
      const n = authors.papers.starts[a + 1]! - authors.papers.starts[a]!;
      const labelKey = nameKey({ given: authors.given[a]!, family: authors.family[a]! });
      const ids = authors.identifiers[a]!.length ? authors.identifiers[a]!.join(' ') : undefined;
      folds[a] = foldText(authors.labels[a]!); papers[a] = n;
      this.lookup.add('key', labelKey, a);
      row(a, authors.ids[a], authors.labels[a], authors.given[a], authors.family[a], n, group?.[a], folds[a],
        labelKey, ids);
    });
    const { hash, author } = this.lookup.sorted();
    await this.loader.numbers('name_lookup', 'ii', hash.length, (start, n, [h, a]) => {
      h!.set(hash.subarray(start, start + n)); a!.set(author.subarray(start, start + n));
    });
    this.lookup = new NameLookupRows();
    const part = nameIndexPart(authors.count);
    for (let first = 0; first < authors.count; first += part) {
      const n = Math.min(part, authors.count - first);
      const counts = new Uint8Array(n * 4);
      const view = new DataView(counts.buffer);
      for (let i = 0; i < n; i++) view.setInt32(i * 4, papers[first + i]!, true);
      // Queued after the authors' insert; this thread goes on meanwhile (a failure surfaces when the store is closed).
      void this.loader.run('INSERT INTO name_index VALUES ($1, $2, $3, $4)',
        [first, n, folds.slice(first, first + n).join('\n'), blobValue(counts)]);
    }
  }

  /** Each author's group, into an authors table written without them: through a scratch table and one update. */
  async setAuthorGroups(group: Int32Array): Promise<void> {
    const scratch = `${STAGE}.author_groups`;
    await this.con.run(`CREATE TABLE ${scratch} (author INTEGER, community INTEGER)`);
    await this.loader.numbers(scratch, 'ii', group.length, (start, n, [author, community]) => {
      for (let i = 0; i < n; i++) author![i] = start + i;
      community!.set(group.subarray(start, start + n));
    });
    await this.loader.run(`UPDATE authors SET community = g.community FROM ${scratch} g
      WHERE authors.author = g.author`);
    await this.loader.run(`DROP TABLE ${scratch}`);
    // The update leaves the column's statistics as they were for the NULLs written first, and a query planner that
    // trusts them may join authors to authors on their group (billions of pairs on a whole corpus): they are redone.
    await this.loader.run('ANALYZE authors');
  }

  /** The groups: size, label, colour and centre. */
  async writeGroups(g: CompactGraph, onStage?: (s: string) => void): Promise<void> {
    onStage?.('store: groups');
    await this.rows('communities', 'iivvi', g.groups.length, (i, row) => {
      const x = g.groups[i]!;
      row(x.id, x.size, x.label, x.color, x.center);
    });
  }

  /** The build's settings and the data-quality report. */
  async writeReport(report: Report, settings: StoreSettings, modularity: number): Promise<void> {
    const meta: Record<string, string | number> = {
      version: STORE_VERSION, weighting: settings.weighting, resolution: settings.resolution, seed: settings.seed,
      maxAuthors: settings.maxAuthors, modularity: Math.round(modularity * 1e9) / 1e9, records: report.records,
      papers: report.papers, papersWithAuthors: report.papersWithAuthors, authors: report.authors, edges: report.edges,
      formOnlyMerges: report.formOnlyMerges, droppedTies: report.droppedTies,
      nearMissScan: report.nearMissScan ? JSON.stringify(report.nearMissScan) : '',
    };
    const entries = Object.entries(meta);
    await this.rows('meta', 'vv', entries.length, (i, row) => row(entries[i]![0], String(entries[i]![1])));
    await this.rows('sources', 'vvviiii', report.sources.length, (i, row) => {
      const s = report.sources[i]!;
      row(s.file, s.format, s.formatLabel, s.records, s.withAuthors, s.truncated, s.issues);
    });
    await writeReportLists((t, k, n, r) => this.rows(t, k, n, r), report);
  }

  private rows(table: string, kinds: string, count: number, cellsOf: CellsOf): Promise<void> {
    return this.loader.rows(table, kinds, count, cellsOf);
  }

  /** Waits for the queued inserts, closes the database and puts the file in place. */
  async finish(): Promise<void> {
    await this.loader.settle();
    this.loader.close(); this.con.closeSync(); this.instance.closeSync();
    this.file.commit();
    // The explorer's cache of the store replaced (serve would see it is stale; this frees its space at once).
    rmSync(explorerCachePath(this.path), { force: true });
  }

  /** Closes the database (once no insert runs) and removes the temporary file. */
  async abort(): Promise<void> {
    await this.loader.settle().catch(() => undefined);
    try { this.loader.close(); this.con.closeSync(); this.instance.closeSync(); } catch { /* already closed */ }
    this.file.discard();
  }
}

/**
 * The row that item k of a CSR list belongs to (starts[row] <= k < starts[row + 1]), for k asked in ascending
 * order: a cursor that moves forward, so writing every item costs one pass over `starts`.
 */
function ownerOf(starts: Int32Array): (k: number) => number {
  let row = 0;
  return (k) => { while (starts[row + 1]! <= k) row++; return row; };
}

/**
 * A paper's records as the JSON list of "file:line" that JSON.stringify would write, from each file's name escaped
 * once (on millions of papers, stringifying a fresh array for each took seconds).
 */
function sourcesJson(table: CompactCorpus['table']): (records: Int32Array) => string {
  const prefix = table.sources.map((s) => JSON.stringify(`${s.file}:`).slice(0, -1));
  return (records) => {
    let out = '[';
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!;
      out += `${i ? ',' : ''}${prefix[table.fileOf.get(r)]}${table.line.get(r)}"`;
    }
    return `${out}]`;
  };
}

type WriteTable = (table: string, kinds: string, count: number, cellsOf: CellsOf) => Promise<void>;

async function writeReportLists(write: WriteTable, report: Report): Promise<void> {
  const list = <T>(table: string, kinds: string, items: T[], cells: (item: T, i: number) => Cell[]) =>
    write(table, kinds, items.length, (i, row) => row(...cells(items[i]!, i)));
  const json = JSON.stringify;
  await list('merges', 'ivv', report.merges, (m, i) => [i, m.author, json(m)]);
  await list('paper_merges', 'ivv', report.paperMerges, (m, i) => [i, m.paper, json(m)]);
  await list('repairs', 'iviv', report.repairs, (m, i) => [i, m.file, m.line, json(m)]);
  await list('suspect_lists', 'iviv', report.suspectLists, (m, i) => [i, m.file, m.line, json(m)]);
  await list('identifier_splits', 'iv', report.identifierSplits, (m, i) => [i, json(m)]);
  await list('near_misses', 'iv', report.nearMisses, (m, i) => [i, json(m)]);
  await list('skipped_papers', 'ivv', report.skippedPapers, (m, i) => [i, m.id, json(m)]);
  await list('issues', 'ivivvv', report.issues, (m, i) => [i, m.file, m.line, m.severity, m.code, m.message]);
}
