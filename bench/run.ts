// npm run bench: synthetic corpora (10k, 100k, 1M papers) and the real DBLP file through coauthor-graph, python-igraph and networkx, with ratios.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeSyntheticTsv } from './generate';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench', 'out');
const PY = '/usr/bin/python3';
const args = process.argv.slice(2);
const sizes = (args.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '10000,100000,1000000').split(',').map(Number);
const networkxMax = Number(args.find((a) => a.startsWith('--networkx-max='))?.slice(15) ?? 100_000);
const esbuild = join(ROOT, 'node_modules', 'esbuild', 'bin', 'esbuild');

/** Bench scripts run bundled like the CLI: under tsx, every \p{…} regex literal becomes a RegExp built on each call, which skews timings. */
function bundle(entry: string): string {
  const out = join(OUT, entry.replace(/^bench\//, '').replace(/\.ts$/, '.mjs'));
  const r = spawnSync(esbuild, [entry, '--bundle', '--platform=node', '--format=esm', '--target=es2022', '--packages=external', `--outfile=${out}`, '--log-level=warning'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bundling ${entry} failed: ${r.stderr}`);
  return out;
}

function run(cmd: string, argv: string[], timeoutSec = 1800): { seconds: number; stdout: string; stderr: string; ok: boolean } {
  const t = performance.now();
  const r = spawnSync(cmd, argv, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, timeout: timeoutSec * 1000, env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=6144' } });
  return { seconds: (performance.now() - t) / 1000, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ok: r.status === 0 };
}

const fmt = (x: number | undefined, d = 1) => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(d));

interface Row { name: string; papers?: number; authors?: number; ties?: number; stages?: Record<string, { seconds: number; peakMb: number }>; e2e?: number; e2ePeak?: number; igraph?: number; networkx?: number; note: string[] }

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const corpora: { name: string; path: string; papers?: number }[] = [];
  for (const n of sizes) {
    const path = join(OUT, `synthetic-${n}.tsv`);
    if (!existsSync(path)) { process.stderr.write(`generating ${path}…\n`); await writeSyntheticTsv(path, { papers: n, seed: 42 }); }
    corpora.push({ name: `synthetic ${n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`}`, path, papers: n });
  }
  const dblp = join(ROOT, '..', 'shared', 'data', 'dblp-2016-18-venues.bib.gz');
  if (existsSync(dblp)) corpora.push({ name: 'DBLP 74k (bib.gz)', path: dblp });

  const stagesScript = bundle('bench/stages.ts');
  const rows: Row[] = [];
  for (const c of corpora) {
    process.stderr.write(`\n== ${c.name} (${(statSync(c.path).size / 1e6).toFixed(1)} MB)\n`);
    const row: Row = { name: c.name, note: [] };
    const stages = run(process.execPath, [stagesScript, c.path]);
    if (stages.ok) { const s = JSON.parse(stages.stdout.trim().split('\n').pop()!); Object.assign(row, { papers: s.papers, authors: s.authors, ties: s.ties, stages: s.stages }); if (s.droppedTies) row.note.push(`${s.droppedTies} weakest ties dropped (edge cap)`); if (s.skipped) row.note.push(`${s.skipped} papers over 500 authors add no ties`); }
    else row.note.push(`stages failed: ${stages.stderr.split('\n').filter(Boolean).slice(-2).join(' ')}`);
    const out = join(OUT, 'e2e.json');
    // End to end as a user runs it: the CLI bundle from `npm install`, started by plain node.
    if (!existsSync(join(ROOT, 'dist', 'cli.mjs'))) run(process.execPath, ['scripts/build-cli.mjs']);
    const e2e = run(process.execPath, ['bench/cliPeak.mjs', 'build', c.path, '--no-layout', '--out', out]);
    row.e2e = e2e.ok ? e2e.seconds : undefined;
    const peak = /@@peak (\{.*\})/.exec(e2e.stderr)?.[1];
    if (peak) row.e2ePeak = JSON.parse(peak).peakMb;
    if (!e2e.ok) row.note.push(`end-to-end failed: ${e2e.stderr.split('\n').filter(Boolean).slice(-2).join(' ')}`);
    if (c.path.endsWith('.tsv')) {
      const ig = run(PY, ['bench/peers.py', 'igraph', c.path]);
      if (ig.ok) row.igraph = ig.seconds; else row.note.push(`igraph: ${ig.stderr.split('\n').filter(Boolean).pop()}`);
      if ((c.papers ?? Infinity) <= networkxMax) {
        const nx = run(PY, ['bench/peers.py', 'networkx', c.path], 3600);
        if (nx.ok) row.networkx = nx.seconds; else row.note.push(`networkx: ${nx.stderr.split('\n').filter(Boolean).pop()}`);
      } else row.note.push('networkx skipped above --networkx-max');
    }
    rows.push(row);
    process.stderr.write(JSON.stringify(row) + '\n');
  }

  const names = ['parse', 'resolve', 'build', 'louvain', 'export'];
  const lines = [
    `| corpus | papers | authors | ties | ${names.join(' s | ')} s | end-to-end s | peak MB | igraph s | networkx s | vs igraph | networkx ÷ ours |`,
    `|${'---|'.repeat(names.length + 10)}`,
  ];
  for (const r of rows) {
    const st = names.map((n) => fmt(r.stages?.[n]?.seconds, 2));
    lines.push(`| ${r.name} | ${r.papers ?? '–'} | ${r.authors ?? '–'} | ${r.ties ?? '–'} | ${st.join(' | ')} | ${fmt(r.e2e)} | ${fmt(r.e2ePeak, 0)} | ${fmt(r.igraph)} | ${fmt(r.networkx)} | ${r.e2e && r.igraph ? (r.e2e / r.igraph).toFixed(2) : '–'} | ${r.e2e && r.networkx ? (r.networkx / r.e2e).toFixed(1) : '–'} |`);
  }
  console.log('\n' + lines.join('\n'));
  for (const r of rows) if (r.note.length) console.log(`- ${r.name}: ${r.note.join('; ')}`);
  if (existsSync(dblp)) {
    const rate = run(process.execPath, [bundle('bench/bibtexRate.ts'), dblp]);
    if (rate.ok) { const r = JSON.parse(rate.stdout.trim()); console.log(`\nBibTeX parsing (DBLP, ${r.mb.toFixed(1)} MB uncompressed → ${r.records} records, best of 3): ${r.seconds.toFixed(2)} s = ${r.mbPerSecond.toFixed(1)} MB/s`); }
    else console.log(`\nBibTeX parse rate failed: ${rate.stderr.split('\n').filter(Boolean).pop()}`);
  }
  console.log('\nStage peak memory (MB): ' + rows.map((r) => `${r.name}: ${fmt(Math.max(...Object.values(r.stages ?? {}).map((s) => s.peakMb)), 0)}`).join(', '));
}

await main();
