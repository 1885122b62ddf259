// npm run bench: coauthor-graph as a user runs it (no heap flags), beside python-igraph and networkx on the same
// corpora, in one run: synthetic corpora (10k–1M papers), the real DBLP file, and a DBLP-shaped whole corpus
// (2.9M records in one BibTeX file) built into a store, with the store's query times.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { dblpShapedName, writeDblpCorpus } from './generateDblp';
import { writeSyntheticTsv } from './generate';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench', 'out');
const PY = '/usr/bin/python3';
const args = process.argv.slice(2);
const option = (name: string, fallback: string) =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const sizes = option('sizes', '10000,50000,100000,1000000').split(',').filter(Boolean).map(Number);
const networkxMax = Number(option('networkx-max', '100000'));
const dblpShaped = Number(option('dblp-shaped', '2900000'));
/**
 * Corpora below this many papers take seconds, where one machine's drift (5–15 % within an hour) is as large as the
 * differences measured: their commands run `repeats` times, taking turns, and the median time is reported.
 */
const REPEAT_BELOW = 100_000;
const repeats = Math.max(1, Number(option('repeats', '3')));

interface Timed { seconds: number; peakMb?: number; ok: boolean; stderr: string; stdout: string }

/** Runs a command; peak resident memory from GNU time (-f %M, in KiB). */
function run(cmd: string, argv: string[], timeoutSec = 3600): Timed {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '@@peak %M', cmd, ...argv], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, timeout: timeoutSec * 1000,
  });
  const seconds = (performance.now() - t) / 1000;
  const peak = /@@peak (\d+)/.exec(r.stderr ?? '')?.[1];
  const peakMb = peak ? Number(peak) / 1024 : undefined;
  return { seconds, peakMb, ok: r.status === 0, stderr: r.stderr ?? '', stdout: r.stdout ?? '' };
}

const cli = (...argv: string[]) => run(process.execPath, [join(ROOT, 'bin', 'coauthor-graph.mjs'), ...argv]);

/** Several runs of one command as one: the median time, the highest peak, ok only if every run was. */
function medianRun(runs: Timed[]): Timed {
  const times = runs.map((r) => r.seconds).sort((a, b) => a - b);
  const mid = times.length >> 1;
  const seconds = times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  const peaks = runs.map((r) => r.peakMb).filter((m): m is number => m !== undefined);
  const failed = runs.find((r) => !r.ok);
  const last = failed ?? runs[runs.length - 1]!;
  return { ...last, seconds, peakMb: peaks.length ? Math.max(...peaks) : undefined, ok: !failed };
}
const fmt = (x: number | undefined, d = 1) => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(d));
const lastLine = (t: Timed) => t.stderr.split('\n').filter((l) => l && !l.startsWith('@@')).pop() ?? '';

type Command = 'store' | 'graph' | 'igraph' | 'networkx';

interface Row {
  name: string; mb: number; papers?: number; authors?: number; ties?: number;
  store?: Timed; graph?: Timed; igraph?: Timed; networkx?: Timed; notes: string[];
}

function summary(t: Timed | undefined): { papers?: number; authors?: number; ties?: number } {
  const m = /(\d+) papers, (\d+) authors, (\d+) ties/.exec(t?.stderr ?? '');
  return m ? { papers: Number(m[1]), authors: Number(m[2]), ties: Number(m[3]) } : {};
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  if (!existsSync(join(ROOT, 'dist', 'cli.mjs'))) spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT });
  const corpora: { name: string; path: string; tsv?: string; papers: number; graph: boolean }[] = [];
  for (const n of sizes) {
    const path = join(OUT, `synthetic-${n}.tsv`);
    if (!existsSync(path)) {
      process.stderr.write(`generating ${path}…\n`);
      await writeSyntheticTsv(path, { papers: n, seed: 42 });
    }
    const name = `synthetic ${n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`} (TSV)`;
    corpora.push({ name, path, tsv: path, papers: n, graph: n <= 100_000 });
  }
  const dblp = join(ROOT, '..', 'shared', 'data', 'dblp-2016-18-venues.bib.gz');
  if (existsSync(dblp)) corpora.push({ name: 'DBLP 74k (real, bib.gz)', path: dblp, papers: 74758, graph: true });
  if (dblpShaped > 0) {
    const bib = join(OUT, `${dblpShapedName(dblpShaped)}.bib`);
    const tsv = join(OUT, `${dblpShapedName(dblpShaped)}.tsv`);
    if (!existsSync(bib) || !existsSync(tsv)) {
      process.stderr.write(`generating ${bib}…\n`);
      await writeDblpCorpus(bib, tsv, { papers: dblpShaped, seed: 2016 });
    }
    const name = `DBLP-shaped ${(dblpShaped / 1e6).toFixed(1)}M (one BibTeX file)`;
    corpora.push({ name, path: bib, tsv, papers: dblpShaped, graph: false });
  }

  const rows: Row[] = [];
  const queries: string[] = [];
  for (const c of corpora) {
    const mb = statSync(c.path).size / 1e6;
    process.stderr.write(`\n== ${c.name} (${mb.toFixed(0)} MB)\n`);
    const row: Row = { name: c.name, mb, notes: [] };
    const store = join(OUT, 'bench.duckdb');
    const turns = c.papers < REPEAT_BELOW ? repeats : 1;
    const runs: Record<Command, Timed[]> = { store: [], graph: [], igraph: [], networkx: [] };
    for (let turn = 0; turn < turns; turn++) {
      rmSync(store, { force: true });
      runs.store.push(cli('build', c.path, '--store', store));
      if (c.graph) runs.graph.push(cli('build', c.path, '--no-layout', '--out', join(OUT, 'e2e.json')));
      if (c.tsv) {
        runs.igraph.push(run(PY, ['bench/peers.py', 'igraph', c.tsv]));
        if (c.papers <= networkxMax) runs.networkx.push(run(PY, ['bench/peers.py', 'networkx', c.tsv]));
      }
    }
    if (turns > 1) row.notes.push(`median of ${turns} runs of each command, taking turns`);
    row.store = medianRun(runs.store);
    if (!row.store.ok) row.notes.push(`store build failed: ${lastLine(row.store)}`);
    Object.assign(row, summary(row.store));
    if (row.store.ok && c.papers >= 1e6) queries.push(...(await storeQueries(c.name, store)));
    if (runs.graph.length) {
      row.graph = medianRun(runs.graph);
      if (!row.graph.ok) row.notes.push(`graph build failed: ${lastLine(row.graph)}`);
    }
    if (runs.igraph.length) {
      row.igraph = medianRun(runs.igraph);
      if (!row.igraph.ok) row.notes.push(`igraph: ${lastLine(row.igraph)}`);
    }
    if (runs.networkx.length) {
      row.networkx = medianRun(runs.networkx);
      if (!row.networkx.ok) row.notes.push(`networkx: ${lastLine(row.networkx)}`);
    }
    rows.push(row);
    const brief = { ...row, store: row.store?.seconds, graph: row.graph?.seconds, igraph: row.igraph?.seconds };
    process.stderr.write(`${JSON.stringify(brief)}\n`);
  }
  printTable(rows);
  if (queries.length) console.log(['', '| store question | seconds |', '|---|---|', ...queries].join('\n'));
}

/** Times of `report`, `author` and `path` answered from a store, as a user runs them (process start included). */
async function storeQueries(name: string, store: string): Promise<string[]> {
  const instance = await DuckDBInstance.create(store, { access_mode: 'READ_ONLY' });
  const con = await instance.connect();
  const topRows = await con.runAndReadAll('SELECT label FROM authors ORDER BY papers DESC, author LIMIT 2');
  const top = topRows.getRowsJS().map((x) => String(x[0]));
  con.closeSync(); instance.closeSync();
  const asked: [string, string[]][] = [
    ['report', ['report', '--store', store]], ['report --json', ['report', '--store', store, '--json']],
    ...top.map((n): [string, string[]] => [`author "${n}" (most papers)`, ['author', n, '--store', store]]),
    ['author, a name not in the corpus (suggestions)', ['author', 'Zzyzx Quillfeather', '--store', store]],
    [`path "${top[0]}" "${top[1]}" --strongest`, ['path', top[0]!, top[1]!, '--store', store, '--strongest']]];
  return asked.map(([label, argv]) => `| ${name}: ${label} | ${fmt(cli(...argv).seconds, 2)} |`);
}

const COLUMNS = [
  'corpus', 'MB', 'papers', 'authors', 'ties', 'store build s', 'store peak MB', 'graph file build s', 'graph peak MB',
  'igraph s', 'igraph peak MB', 'networkx s', 'store ÷ igraph', 'networkx ÷ store',
];

/** Seconds of a command that succeeded, else nothing. */
const secondsOf = (t: Timed | undefined) => fmt(t?.ok ? t.seconds : undefined);

function printTable(rows: Row[]): void {
  const lines = [`| ${COLUMNS.join(' | ')} |`, `|${'---|'.repeat(COLUMNS.length)}`];
  for (const r of rows) {
    const ratio = r.store?.ok && r.igraph?.ok ? (r.store.seconds / r.igraph.seconds).toFixed(2) : '–';
    const nx = r.store?.ok && r.networkx?.ok ? (r.networkx.seconds / r.store.seconds).toFixed(1) : '–';
    const cells = [
      r.name, r.mb.toFixed(0), r.papers ?? '–', r.authors ?? '–', r.ties ?? '–',
      secondsOf(r.store), fmt(r.store?.peakMb, 0), secondsOf(r.graph), fmt(r.graph?.peakMb, 0),
      secondsOf(r.igraph), fmt(r.igraph?.peakMb, 0), secondsOf(r.networkx), ratio, nx,
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  console.log('\n' + lines.join('\n'));
  for (const r of rows) if (r.notes.length) console.log(`- ${r.name}: ${r.notes.join('; ')}`);
}

await main();
