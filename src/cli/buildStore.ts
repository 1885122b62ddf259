// `build --store`: the whole-corpus path. Records stream into columns, identities resolve on distinct names, ties and
// groups stay in typed arrays, and everything lands in a DuckDB store (and, on request, Parquet files or a graph file).

import { mkdirSync, rmSync } from 'node:fs';
import { freemem } from 'node:os';
import { join } from 'node:path';
import { compactReport } from '../corpus/compactReport';
import { thousands } from '../corpus/thousands';
import { resolveTable } from '../corpus/resolveTable';
import type { Report } from '../corpus/report';
import type { CompactGraph, CompactTies } from '../graph/compactGraph';
import type { CompactGraphOptions } from '../graph/compactGraph';
import { compactTies, describeGroups, tieArrays } from '../graph/compactGraph';
import type { TieArrays } from '../graph/groups';
import type { TieTable } from '../graph/ties';
import { readTiesFile, TiesFileError } from '../store/readTies';
import type { Csr } from '../compact/columns';
import { collectDead } from '../compact/uncounted';
import type { CompactCorpus } from '../corpus/resolveTable';
import { pipelineDefaults, runFromCompact } from '../pipeline';
import { exportParquet } from '../store/parquet';
import { StoreWriter } from '../store/writeStore';
import type { CliArgs } from './args';
import { FatalError } from './errors';
import { buildSummary, fmtIssue, pipelineOptions, printErrors, readAll } from './common';
import { groupsInThread, inSharedMemory } from './louvainThread';
import { tiesAsideFor, tiesInThread } from './tiesThread';
import { clearProgress, collectGarbage, stageNote } from './progress';
import { readTermsInThread } from './termsThread';
import { writeGraph } from './writeGraph';

/**
 * The groups worker starts beside the ties append when the machine's free memory holds its index (about 64 bytes a
 * tie) with this much to spare; otherwise it waits until the ties table is written and the per-tie counts are gone.
 * On 1M synthetic papers (33.6M ties) starting at once put the groups 6 s earlier, at a 3.9 GB peak. Starting before
 * each tie's papers were listed put them 4 s earlier still, but the listing beside the worker's index took the peak
 * to 3.7–4.1 GB (four runs): the groups wait for it.
 */
const EARLY_GROUPS_SPARE_BYTES = 2 * 2 ** 30;

export async function buildStore(args: CliArgs): Promise<number> {
  const opts = { ...pipelineDefaults, ...pipelineOptions(args) };
  const table = readAll(args);
  clearProgress();
  collectGarbage();
  stageNote(`read ${thousands(table.length)} records`);
  // The titles' terms are read on the other core meanwhile, for the group words at the end.
  const termsRead = readTermsInThread(table);
  const corpus = resolveTable(table, { aliases: opts.aliases });
  collectGarbage();
  stageNote(`resolved ${thousands(corpus.papers.count)} papers, ${thousands(corpus.authors.count)} authors`);
  if (corpus.papers.count === 0) {
    const errors = corpus.issues.filter((i) => i.severity === 'error').map(fmtIssue);
    termsRead.close();
    throw new FatalError(`nothing usable could be read:\n${errors.join('\n')}`);
  }
  // Where the corpus tables take longer to write than the groups to find, the ties are found on the other core
  // while this thread writes those tables (2.9M records: their 7 s come off the build's longest path).
  const pairs = pairsAtMost(corpus.paperAuthors, opts.maxAuthors);
  const tiesAside = !args.ties && tiesAsideFor(pairs, writesOutlastGroups(pairs, corpus));
  // Let go once awaited: a settled promise holds its value, and with it every per-tie array (1M synthetic: 0.4 GB).
  // The worker is sent the author lists and the two options it reads (not the whole options, alias rules and all).
  const { weighting, maxAuthors } = opts;
  let tiesReady: Promise<CompactTies> | undefined = tiesAside
    ? tiesInThread({
      paperAuthors: corpus.paperAuthors, order: corpus.authors.count, options: { weighting, maxAuthors },
    })
    : Promise.resolve(await tiesHere(args, corpus, opts));
  tiesReady.catch(() => undefined); // a failure is reported where it is awaited
  const storePath = args.store ?? join(args.out!, '.store.duckdb');
  if (!args.store) mkdirSync(args.out!, { recursive: true });
  let writer: StoreWriter | undefined;
  let found: ReturnType<typeof groupsInThread> | undefined;
  let graph: CompactGraph;
  let report: Report;
  let groupCount: number;
  try {
    const staleNote = (names: string[]) => process.stderr.write(staleMessage(names));
    writer = await StoreWriter.open(storePath, staleNote);
    // Groups are found in a worker thread while this one writes the corpus into the store: two cores, both busy.
    const findGroups = (arrays: TieArrays) => {
      stageNote(`${thousands(arrays.count)} ties; finding groups (beside the store writes)`);
      const groups = groupsInThread(arrays, opts);
      groups.catch(() => undefined); // a failure is reported where it is awaited
      return groups;
    };
    // Groups are the longest stage: they start as soon as the ties are there, where memory allows.
    const groupsEarly = (arrays: TieArrays) =>
      (freemem() > arrays.count * 64 + EARLY_GROUPS_SPARE_BYTES ? findGroups(arrays) : undefined);
    let groupsFound = () => false;
    if (tiesAside) {
      stageNote('finding ties (beside the store writes)');
      void tiesReady!.then(({ arrays }) => {
        found = groupsEarly(arrays);
        if (found) groupsFound = settled(found);
      }, () => undefined);
      writer.besideWork(() => false); // staged for DuckDB's threads: the writes are the longest path here
      await writer.writeCorpus(corpus, opts.maxAuthors, stageNote);
    }
    // Endpoints and weights in shared memory (no name keeps the first copies): the groups worker reads them in place.
    let { ties, arrays } = inSharedMemory(await tiesReady);
    tiesReady = undefined;
    if (!tiesAside) {
      found = groupsEarly(arrays);
      if (found) groupsFound = settled(found);
      const writesFirst = writesOutlastGroups(ties.count, corpus);
      writer.besideWork(() => !writesFirst && !groupsFound());
    }
    await writer.writeTies(ties, arrays.weight, stageNote);
    // Collected at once only where much dies (1M synthetic: 0.4 GB): on 2.9M records, 85 MB was not worth the
    // 1.2 s that a full collection of the corpus's heap takes this thread. The collection after the tie papers
    // stays: without it the heap doubled while the papers were written (2.9M records: 4.7 GB at the peak, not 3.5).
    const countBytes = ties.papers.byteLength + ties.fractional.byteLength;
    ties = withoutTieCounts(ties);
    collectDead(countBytes);
    if (!found) { found = findGroups(arrays); groupsFound = settled(found); }
    await writer.writeTiePapers(ties);
    ties = withoutTiePapers(ties);
    collectGarbage();
    if (!tiesAside) await writer.writeCorpus(corpus, opts.maxAuthors, stageNote);
    // Where the groups are still being found, the authors table goes in meanwhile and gets its groups after. The
    // group labels wait: on two cores, reading titles beside louvain slowed its random reads so much that the
    // groups came 50 s later, at a 4.6 GB peak.
    const groupsLater = !groupsFound();
    if (groupsLater) await writer.writeAuthors(corpus, undefined, stageNote);
    // The look-alike scan (for the report at the end) fills this thread's wait for the groups.
    if (groupsLater) { stageNote('look-alike names'); corpus.lookAlikes(); }
    const numbered = await found;
    stageNote(`groups found (modularity ${numbered.modularity.toFixed(3)}); naming them`);
    // The words are picked on the terms thread while this one writes the authors.
    const wordsFound = termsRead.words(corpus, numbered.group, numbered.sizes);
    // The authors' groups go in first: DuckDB loads them on its own threads while this one names the groups.
    const authorsWritten = groupsLater
      ? writer.setAuthorGroups(numbered.group) : writer.writeAuthors(corpus, numbered.group, stageNote);
    authorsWritten.catch(() => undefined); // a failure is reported where it is awaited
    graph = describeGroups(corpus, ties, arrays, numbered, numbered.modularity, await wordsFound);
    groupCount = graph.groups.filter((g) => g.size > 1).length;
    stageNote(`${thousands(groupCount)} groups`);
    await authorsWritten;
    await writer.writeGroups(graph, stageNote);
    stageNote('store: the data-quality report');
    const { count: tieCount, skippedPapers } = ties;
    report = compactReport(corpus, { ties: tieCount, skippedPapers, maxAuthors: opts.maxAuthors, droppedTies: 0 });
    await writer.writeReport(report, opts, graph.modularity);
    stageNote('store: closing (last blocks to disk)');
    await writer.finish();
    stageNote('store: closed');
  } catch (e) {
    termsRead.close();
    await writer?.abort();
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
  printErrors(report.issues, `see: report --store ${args.store ?? 'STORE'}`);
  const reportCommand = args.store ? `report --store ${args.store}` : 'report';
  process.stderr.write(buildSummary(report, groupCount, graph.modularity, reportCommand));
  return 0;
}

/**
 * Whether writing the text tables will take longer than finding the groups: then they are staged for DuckDB's
 * threads from the start, even beside the groups worker. Otherwise they go in on this thread until the groups are
 * found, leaving the other core to the worker (see TableLoader.besideWork). Measured on a 2-core machine: the groups
 * take about 1.6 µs a tie, the text tables about 4 µs a row (papers, authors, spellings) on this thread. On 2.9M
 * records (7.1M ties, 6M rows) the build took 122 s staging throughout and 130 s waiting for the groups; on 1M
 * synthetic papers (33.6M ties, 3.7M rows) 112 s and 102 s.
 */
function writesOutlastGroups(ties: number, c: CompactCorpus): boolean {
  const textRows = c.papers.count + c.authors.count + c.authors.aliases.items.length;
  return 4 * textRows > 1.6 * ties;
}

/** The ties found on this thread (or read from a file), in shared memory, their scan's arrays let go. */
async function tiesHere(args: CliArgs, corpus: CompactCorpus, opts: CompactGraphOptions): Promise<CompactTies> {
  const found = inSharedMemory(args.ties ? await tiesFromFile(args.ties, corpus, opts) : compactTies(corpus, opts));
  // The scan's occurrences (and any first copies) are dead now, and uncounted: nothing else would collect them.
  collectDead(found.ties.count * 16 + found.ties.paperList.length * 8);
  return found;
}

/** How many ties the papers' author lists can make at most (papers within maxAuthors): each pair once per paper. */
function pairsAtMost(paperAuthors: Csr, maxAuthors: number): number {
  let pairs = 0;
  for (let p = 0; p + 1 < paperAuthors.starts.length; p++) {
    const k = paperAuthors.starts[p + 1]! - paperAuthors.starts[p]!;
    if (k <= maxAuthors) pairs += (k * (k - 1)) / 2;
  }
  return pairs;
}

/** What an earlier, killed build of the same store left behind, and was removed. */
function staleMessage(names: string[]): string {
  const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')}, …` : names.join(', ');
  return `removed ${names.length} temporary files left by an earlier build of this store that was stopped (${shown})\n`;
}

/** Whether a promise has settled (its callbacks run at the next await, so the answer can lag by one). */
function settled(p: Promise<unknown>): () => boolean {
  let done = false;
  p.then(() => { done = true; }, () => { done = true; });
  return () => done;
}

/** The per-tie counts let go, once the ties table holds them. */
function withoutTieCounts(ties: TieTable): TieTable {
  return { ...ties, papers: new Int32Array(0), fractional: new Float64Array(0) };
}

/** The papers behind each tie let go, once the tie_papers table holds them. */
function withoutTiePapers(ties: TieTable): TieTable {
  return { ...ties, paperStart: new Int32Array(0), paperList: new Int32Array(0) };
}

/** `--ties FILE`: ties computed elsewhere from this corpus's tables (ties.sql), checked and used as they are. */
async function tiesFromFile(path: string, corpus: CompactCorpus, opts: CompactGraphOptions): Promise<CompactTies> {
  let ties: TieTable;
  try {
    ties = await readTiesFile(path, corpus.authors.count);
  } catch (e) {
    throw e instanceof TiesFileError ? new FatalError(e.message) : e;
  }
  const pa = corpus.paperAuthors;
  for (let p = 0; p < corpus.papers.count; p++) {
    if (pa.starts[p + 1]! - pa.starts[p]! > opts.maxAuthors) ties.skippedPapers.push(p);
  }
  return { ties, arrays: tieArrays(ties, corpus.authors.count, opts.weighting) };
}
