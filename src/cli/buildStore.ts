// `build --store`: the whole-corpus path. Records stream into columns, identities resolve on distinct names, ties and
// groups stay in typed arrays, and everything lands in a DuckDB store (and, on request, Parquet files or a graph file).

import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { compactReport } from '../corpus/compactReport';
import { resolveTable } from '../corpus/resolveTable';
import { buildCompactGraph } from '../graph/compactGraph';
import { pipelineDefaults, runFromCompact } from '../pipeline';
import { exportParquet } from '../store/parquet';
import { writeStore } from '../store/writeStore';
import type { CliArgs } from './args';
import { FatalError } from './errors';
import { buildSummary, fmtIssue, pipelineOptions, printErrors, readAll } from './common';
import { clearProgress, stageNote } from './progress';
import { writeGraph } from './writeGraph';

export async function buildStore(args: CliArgs): Promise<number> {
  const opts = { ...pipelineDefaults, ...pipelineOptions(args) };
  const table = readAll(args);
  clearProgress();
  stageNote(`read ${table.length.toLocaleString('en-US')} records`);
  const corpus = resolveTable(table, { aliases: opts.aliases });
  stageNote(`resolved ${corpus.papers.count.toLocaleString('en-US')} papers, ${corpus.authors.count.toLocaleString('en-US')} authors`);
  if (corpus.papers.count === 0) {
    throw new FatalError(`nothing usable could be read:\n${corpus.issues.filter((i) => i.severity === 'error').map(fmtIssue).join('\n')}`);
  }
  const graph = buildCompactGraph(corpus, opts, stageNote);
  stageNote(`${graph.ties.count.toLocaleString('en-US')} ties, ${graph.groups.filter((g) => g.size > 1).length.toLocaleString('en-US')} groups`);
  const report = compactReport(corpus, { ties: graph.ties.count, skippedPapers: graph.ties.skippedPapers, maxAuthors: opts.maxAuthors, droppedTies: 0 });
  const storePath = args.store ?? join(args.out!, '.store.duckdb');
  if (!args.store) mkdirSync(args.out!, { recursive: true });
  try {
    await writeStore(storePath, { corpus, graph, report, settings: opts }, stageNote);
  } catch (e) {
    throw new FatalError(`${storePath}: cannot write the store (${(e as Error).message.split('\n')[0]})`);
  }
  if (args.store) process.stderr.write(`wrote ${args.store}\n`);
  if (args.format === 'parquet') {
    const written = await exportParquet(storePath, args.out!);
    process.stderr.write(`wrote ${written.length} Parquet files into ${args.out}\n`);
    if (!args.store) rmSync(storePath, { force: true });
  } else if (args.out) {
    // A graph file as well: built in memory from the same corpus (for corpora graphology can hold).
    writeGraph(args, runFromCompact(corpus, opts).graph);
  }
  const groups = graph.groups.filter((g) => g.size > 1).length;
  printErrors(report.issues, `see: report --store ${args.store ?? 'STORE'}`);
  process.stderr.write(buildSummary(report, groups, graph.modularity, args.store ? `report --store ${args.store}` : 'report'));
  return 0;
}
