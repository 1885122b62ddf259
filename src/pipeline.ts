// The whole pipeline as one pure function (parse → resolve → build → detect → layout), for the CLI, worker and tests.

import type { AliasRules } from './corpus/aliases';
import { noAliases } from './corpus/aliases';
import type { Report } from './corpus/report';
import { buildReport } from './corpus/report';
import { RecordTable } from './corpus/recordTable';
import { toCorpus } from './corpus/resolve';
import type { CompactCorpus } from './corpus/resolveTable';
import { resolveTable } from './corpus/resolveTable';
import type { BatchSink } from './sources/streamRecords';
import { streamRecords } from './sources/streamRecords';
import type { ParseContext } from './sources/registry';
import type { CoauthorGraph } from './graph/buildGraph';
import { buildGraph } from './graph/buildGraph';
import type { CommunityInfo } from './graph/communities';
import { setBrokerAttributes } from './graph/brokerAttributes';
import type { SumsElsewhere } from './graph/brokers';
import { detectCommunities } from './graph/communities';
import { layoutGraph } from './layout/layout';
import { parseBytes } from './sources/parseSource';
import { parseByteStream } from './sources/parseStream';
import type { YearRange } from './corpus/years';
import { restrictToYears } from './corpus/years';
import type { Corpus, FormatId, ParseResult, Weighting } from './types';

export interface PipelineOptions {
  weighting: Weighting;
  resolution: number;
  seed: number;
  maxAuthors: number;
  layout: boolean;
  /** Betweenness and outside shares (costly on big graphs; the group map leaves them out). */
  brokers: boolean;
  aliases: AliasRules;
  /** Only the papers of these years make ties and groups (absent: all papers). */
  years?: YearRange;
  /** Where half the betweenness may be counted meanwhile (the command line's worker thread); absent: here. */
  betweennessElsewhere?: SumsElsewhere;
}

export const pipelineDefaults: PipelineOptions = {
  weighting: 'fractional', resolution: 1, seed: 42, maxAuthors: 500, layout: true, brokers: true, aliases: noAliases,
};

export interface PipelineResult {
  corpus: Corpus;
  graph: CoauthorGraph;
  communities: CommunityInfo[];
  modularity: number;
  report: Report;
}

export type Progress = (stage: string, done: number, total: number) => void;

/** A file to read: its bytes, or (for large files) a way to read it chunk by chunk. */
export type InputFile = { name: string; bytes: Uint8Array } | {
  name: string; chunks: () => Iterable<Uint8Array>;
  /**
   * Reads the file another way (the CLI: on a second thread) with streamRecords' contract; `idle` is work this
   * thread may do while it waits (true while there was some).
   */
  read?: (context: ParseContext, sink: BatchSink, idle: () => boolean) => FormatId;
};

/** Names parsed ahead per step while a reading thread is awaited (a few milliseconds' work). */
const NAMES_PER_IDLE_STEP = 256;

/** Reads every file into one RecordTable (a fresh one, or `table`: its length shows progress), streaming. */
export function readTable(files: InputFile[], onProgress?: Progress, table = new RecordTable()): RecordTable {
  const context = { bibStrings: {} };
  files.forEach((f, i) => {
    onProgress?.('parse', i, files.length);
    const s = table.addSource(f.name, 'unknown');
    const source = table.sources[s]!;
    const sink: BatchSink = (batch) => {
      for (const r of batch.records) table.append(s, r);
      for (const i of batch.issues) source.issues.push(i);
    };
    if ('bytes' in f) source.format = streamRecords(f.name, f.bytes, context, sink);
    else if (f.read) source.format = f.read(context, sink, () => table.namePrep.step(NAMES_PER_IDLE_STEP));
    else source.format = streamRecords(f.name, f.chunks(), context, sink);
  });
  table.seal();
  return table;
}

export function parseInputs(files: InputFile[], onProgress?: Progress): ParseResult[] {
  const context = { bibStrings: {} };
  return files.map((f, i) => {
    onProgress?.('parse', i, files.length);
    return 'bytes' in f ? parseBytes(f.name, f.bytes, { context }) : parseByteStream(f.name, f.chunks(), { context });
  });
}

/** The options of any stage: each falls back to pipelineDefaults. */
type StageOptions = Partial<PipelineOptions>;

/** Runs every stage after parsing. */
export function runFromParsed(
  parsed: ParseResult[], options: StageOptions = {}, onProgress?: Progress,
): PipelineResult {
  return runFromTable(RecordTable.fromResults(parsed), options, onProgress);
}

/** Runs every stage after reading, in memory (graphology): for corpora the explorer can hold. */
export function runFromTable(table: RecordTable, options: StageOptions = {}, onProgress?: Progress): PipelineResult {
  onProgress?.('resolve', 0, 1);
  const compact = resolveTable(table, { aliases: options.aliases ?? pipelineDefaults.aliases });
  return runFromCompact(compact, options, onProgress);
}

/** The in-memory stages (graphology graph, groups, layout, report) after resolving. */
export function runFromCompact(
  compact: CompactCorpus, options: StageOptions = {}, onProgress?: Progress,
): PipelineResult {

  return runFromCorpus(toCorpus(compact), options, onProgress);
}

/** Graph, groups, brokers, layout and report of a resolved corpus (cut to `years` first when given). */
export function runFromCorpus(whole: Corpus, options: StageOptions = {}, onProgress?: Progress): PipelineResult {
  const opts = { ...pipelineDefaults, ...options };
  const cut = opts.years ? restrictToYears(whole, opts.years) : undefined;
  const corpus = cut?.corpus ?? whole;
  onProgress?.('build', 0, 1);
  const { graph, ties } = buildGraph(corpus, { weighting: opts.weighting, maxAuthors: opts.maxAuthors });
  if (cut) graph.setAttribute('years', cut.counts);
  onProgress?.('communities', 0, 1);
  const abstracts = (p: number) => corpus.papers[p]!.abstract ?? '';
  const found = detectCommunities(graph, { resolution: opts.resolution, seed: opts.seed }, abstracts);
  const { communities, modularity } = found;
  if (opts.brokers) {
    onProgress?.('brokers', 0, 1);
    setBrokerAttributes(graph, { seed: opts.seed }, opts.betweennessElsewhere);
  }
  if (opts.layout) { onProgress?.('layout', 0, 1); layoutGraph(graph, { seed: opts.seed }); }
  const { count, skippedPapers, droppedTies } = ties;
  const extras = { ties: count, skippedPapers, maxAuthors: opts.maxAuthors, droppedTies };
  const report = buildReport(corpus, extras);
  if (cut) report.years = cut.counts;
  return { corpus, graph, communities, modularity, report };
}

export function runPipeline(files: InputFile[], options: StageOptions = {}, onProgress?: Progress): PipelineResult {
  return runFromTable(readTable(files, onProgress), options, onProgress);
}
