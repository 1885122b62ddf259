// Writes a whole-corpus build into a DuckDB file: papers, authors and spellings, authorships, ties with their papers,
// groups, and the data-quality report, so later questions never re-read the sources. (The store runs in Node only.)

import { existsSync, renameSync, rmSync } from 'node:fs';
import type { DuckDBAppender, DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { BOOLEAN, DOUBLE, DuckDBDataChunk, DuckDBInstance, INTEGER, VARCHAR } from '@duckdb/node-api';
import type { Report } from '../corpus/report';
import { foldCompact, foldText } from '../corpus/fold';
import { nameKey } from '../corpus/nameKey';
import { titleOf } from '../corpus/papers';
import type { CompactCorpus } from '../corpus/resolveTable';
import type { CompactGraph } from '../graph/compactGraph';
import type { TieTable } from '../graph/ties';
import { readSql } from './sqlFiles';

export interface StoreSettings { weighting: string; resolution: number; seed: number; maxAuthors: number }


export const STORE_VERSION = '3';
/** DuckDB's own memory while writing; beyond it, it writes blocks out to the file. */
const STORE_MEMORY = '512MB';

type Cell = string | number | boolean | undefined;

const TYPES = { i: INTEGER, d: DOUBLE, v: VARCHAR, b: BOOLEAN } as const;
const CHUNK_ROWS = 2048;

/**
 * Appends rows through DuckDB's appender in data chunks of 2,048 rows (about 1.5× faster than row by row).
 * `kinds` has one letter per column: i integer, d double, v text, b boolean; undefined cells are NULL.
 */
async function append(con: DuckDBConnection, table: string, kinds: string, rows: (emit: (...cells: Cell[]) => void) => void): Promise<void> {
  const app: DuckDBAppender = await con.createAppender(table);
  const types = [...kinds].map((k) => TYPES[k as keyof typeof TYPES]);
  const columns: DuckDBValue[][] = types.map(() => new Array<DuckDBValue>(CHUNK_ROWS));
  // One chunk, refilled: chunks hold native memory that V8 does not see, so making one per flush piles them up.
  const chunk = DuckDBDataChunk.create(types, CHUNK_ROWS);
  let n = 0;
  const flush = () => {
    if (n === 0) return;
    chunk.rowCount = n;
    chunk.setColumns(n === CHUNK_ROWS ? columns : columns.map((c) => c.slice(0, n)));
    app.appendDataChunk(chunk);
    n = 0;
  };
  rows((...cells) => {
    for (let k = 0; k < types.length; k++) columns[k]![n] = cells[k] ?? null;
    if (++n === CHUNK_ROWS) flush();
  });
  flush();
  app.closeSync();
}

/**
 * Writes a store in phases, so a build can write its corpus while its groups are still being found elsewhere.
 * It writes to a temporary file, renamed at the end: a failed build leaves no half store.
 */
export class StoreWriter {
  private constructor(private readonly path: string, private readonly tmp: string, private readonly instance: DuckDBInstance,
    private readonly con: DuckDBConnection) {}

  static async open(path: string): Promise<StoreWriter> {
    const tmp = `${path}.${process.pid}.tmp`;
    rmSync(tmp, { force: true });
    // DuckDB would take up to 80 % of the machine's memory for its buffers; the corpus is already in this process.
    const instance = await DuckDBInstance.create(tmp, { memory_limit: STORE_MEMORY, threads: '2' });
    const con = await instance.connect();
    await con.run(readSql('schema'));
    return new StoreWriter(path, tmp, instance, con);
  }

  /** Papers, spellings, authorships, ties and the papers behind each tie. */
  async writeCorpus(c: CompactCorpus, ties: TieTable, weight: Float64Array, maxAuthors: number, onStage?: (s: string) => void): Promise<void> {
    const { con } = this;
    const { table, papers, authors, paperAuthors: pa, groups } = c;
    onStage?.('store: papers');
    await append(con, 'papers', 'ivvivvvbbiv', (row) => {
      for (let p = 0; p < papers.count; p++) {
        const members = groups.items.subarray(groups.starts[p]!, groups.starts[p + 1]!);
        const field = (rec: number, col: typeof table.doi) => (rec >= 0 ? col.get(rec) : undefined);
        row(p, papers.ids[p], titleOf(table, papers, p), papers.year[p] || undefined, field(papers.arxivRecord[p]!, table.arxivId),
          field(papers.doiRecord[p]!, table.doi), field(papers.venueRecord[p]!, table.venue), papers.complete[p] === 1,
          papers.suspect[p] === 1,
          pa.starts[p + 1]! - pa.starts[p]!, JSON.stringify(Array.from(members, (r) => table.where(r))));
      }
    });
    onStage?.('store: spellings and authorships');
    await append(con, 'spellings', 'ivvvb', (row) => {
      for (let a = 0; a < authors.count; a++) {
        for (let k = authors.aliases.starts[a]!; k < authors.aliases.starts[a + 1]!; k++) {
          const info = c.prepared.names.get(authors.aliases.items[k]!);
          row(a, info.name.raw, info.key, foldCompact(info.name.raw), info.name.given === authors.given[a] && info.name.family === authors.family[a]);
        }
      }
    });
    await append(con, 'authorships', 'iii', (row) => {
      for (let p = 0; p < papers.count; p++) for (let k = pa.starts[p]!; k < pa.starts[p + 1]!; k++) row(p, pa.items[k]!, k - pa.starts[p]!);
    });
    onStage?.('store: ties');
    await append(con, 'ties', 'iiiidd', (row) => {
      for (let e = 0; e < ties.count; e++) row(e, ties.source[e]!, ties.target[e]!, ties.papers[e]!, ties.fractional[e]!, weight[e]!);
    });
    if (ties.paperList.length || !ties.count) {
      await append(con, 'tie_papers', 'ii', (row) => {
        for (let e = 0; e < ties.count; e++) for (let k = ties.paperStart[e]!; k < ties.paperStart[e + 1]!; k++) row(e, ties.paperList[k]!);
      });
    } else {
      // Ties read from a file (computed on a cluster) come without their papers: the store finds them.
      await con.run(`INSERT INTO tie_papers SELECT t.tie, x.paper FROM ties t
        JOIN authorships x ON x.author = t.a JOIN authorships y ON y.paper = x.paper AND y.author = t.b
        JOIN papers p ON p.paper = x.paper WHERE p.authors <= ${Math.floor(maxAuthors)} ORDER BY t.tie, x.paper`);
    }
  }

  /** Authors with their group, and the groups. */
  async writeGroups(c: CompactCorpus, g: CompactGraph, onStage?: (s: string) => void): Promise<void> {
    const { authors } = c;
    onStage?.('store: authors and groups');
    await append(this.con, 'authors', 'ivvvviivvv', (row) => {
      for (let a = 0; a < authors.count; a++) {
        const n = authors.papers.starts[a + 1]! - authors.papers.starts[a]!;
        const labelKey = nameKey({ given: authors.given[a]!, family: authors.family[a]! });
        const ids = authors.identifiers[a]!.length ? authors.identifiers[a]!.join(' ') : undefined;
        row(a, authors.ids[a], authors.labels[a], authors.given[a], authors.family[a], n, g.group[a]!, foldText(authors.labels[a]!), labelKey, ids);
      }
    });
    await append(this.con, 'communities', 'iivvi', (row) => { for (const x of g.groups) row(x.id, x.size, x.label, x.color, x.center); });
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
    await append(this.con, 'meta', 'vv', (row) => { for (const [k, v] of Object.entries(meta)) row(k, String(v)); });
    await append(this.con, 'sources', 'vvviiii', (row) => {
      for (const s of report.sources) row(s.file, s.format, s.formatLabel, s.records, s.withAuthors, s.truncated, s.issues);
    });
    await writeReportLists(this.con, report);
  }

  /** Closes the database and puts the file in place. */
  finish(): void {
    this.con.closeSync(); this.instance.closeSync();
    if (existsSync(this.path)) rmSync(this.path, { force: true });
    renameSync(this.tmp, this.path);
  }

  /** Closes the database and removes the temporary file. */
  abort(): void {
    try { this.con.closeSync(); this.instance.closeSync(); } catch { /* already closed */ }
    rmSync(this.tmp, { force: true });
    rmSync(`${this.tmp}.wal`, { force: true });
  }
}

async function writeReportLists(con: DuckDBConnection, report: Report): Promise<void> {
  await append(con, 'merges', 'ivv', (row) => report.merges.forEach((m, i) => row(i, m.author, JSON.stringify(m))));
  await append(con, 'paper_merges', 'ivv', (row) => report.paperMerges.forEach((m, i) => row(i, m.paper, JSON.stringify(m))));
  await append(con, 'repairs', 'iviv', (row) => report.repairs.forEach((m, i) => row(i, m.file, m.line, JSON.stringify(m))));
  await append(con, 'suspect_lists', 'iviv', (row) => report.suspectLists.forEach((m, i) => row(i, m.file, m.line, JSON.stringify(m))));
  await append(con, 'identifier_splits', 'iv', (row) => report.identifierSplits.forEach((m, i) => row(i, JSON.stringify(m))));
  await append(con, 'near_misses', 'iv', (row) => report.nearMisses.forEach((m, i) => row(i, JSON.stringify(m))));
  await append(con, 'skipped_papers', 'ivv', (row) => report.skippedPapers.forEach((m, i) => row(i, m.id, JSON.stringify(m))));
  await append(con, 'issues', 'ivivvv', (row) => report.issues.forEach((m, i) => row(i, m.file, m.line, m.severity, m.code, m.message)));
}
