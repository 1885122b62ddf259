// What the commands share: reading every input into a record table, pipeline options from the arguments, messages.

import { readFileSync } from 'node:fs';
import { parseAliases } from '../corpus/aliases';
import { RecordTable } from '../corpus/recordTable';
import { decodeBytes } from '../sources/decode';
import type { PipelineOptions } from '../pipeline';
import { readTable } from '../pipeline';
import type { Report } from '../corpus/report';
import type { Issue } from '../types';
import type { CliArgs } from './args';
import { FatalError, reason } from './errors';
import { readInputs } from './inputs';
import { progress } from './progress';
import { getHeapStatistics } from 'node:v8';
import { betweennessInThread } from './brokersThread';

function loadAliases(path: string | undefined): PipelineOptions['aliases'] | undefined {
  if (!path) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) { throw new FatalError(`${path}: cannot read aliases file (${reason(e)})`); }
  return parseAliases(path, decodeBytes(path, bytes).text);
}

export const fmtIssue = (i: Issue): string => `${i.file}:${i.line}: ${i.message}`;

/** Every input read into one record table; unreadable paths become issues of their own source. */
export function readAll(args: CliArgs): RecordTable {
  // Records read so far feed the progress line's records/s while the files are still being read.
  const table = new RecordTable();
  const { files, issues: readIssues, textBytes } = readInputs(args.inputs, () => table.length);
  if (files.length === 0) {
    throw new FatalError(readIssues.map((i) => `${i.file}: ${i.message}`).join('\n') || 'no input files');
  }
  checkMemory(textBytes, args);
  readTable(files, progress, table);
  if (readIssues.length) table.sources[table.addSource(readIssues[0]!.file, 'unknown')]!.issues.push(...readIssues);
  return table;
}

export function pipelineOptions(args: CliArgs): Partial<PipelineOptions> {
  const options: Partial<PipelineOptions> = {
    weighting: args.weighting, resolution: args.resolution, seed: args.seed, maxAuthors: args.maxAuthors,
    layout: args.command === 'build' && args.layout, betweennessElsewhere: betweennessInThread,
  };
  const aliases = loadAliases(args.aliases);
  if (aliases) options.aliases = aliases;
  if (args.years) options.years = args.years;
  return options;
}

export function noSuchAuthor(name: string, suggestions: { label: string; papers: number }[]): number {
  const list = suggestions.map((a) => `  ${a.label} (${a.papers} paper${a.papers === 1 ? '' : 's'})`).join('\n');
  process.stderr.write(`no author matches "${name}". Closest names:\n${list}\n`);
  return 1;
}


/**
 * Memory a build needs per byte of input text, measured on a DBLP-shaped 1 GB BibTeX file (see README, Large corpora):
 * a store build holds columns and typed arrays; an in-memory graph (graphology) needs far more per tie.
 */
const BYTES_PER_INPUT_BYTE = { store: 2.5, graph: 12 };

/** Stops before reading when the inputs cannot fit, instead of dying with V8's "heap out of memory". */
function checkMemory(textBytes: number, args: CliArgs): void {
  const store = !!args.store || args.format === 'parquet';
  const need = textBytes * (store ? BYTES_PER_INPUT_BYTE.store : BYTES_PER_INPUT_BYTE.graph);
  const limit = getHeapStatistics().heap_size_limit;
  if (need <= limit) return;
  const gb = (n: number) => (n >= 2 ** 30 ? `${(n / 2 ** 30).toFixed(1)} GB` : `${Math.ceil(n / 2 ** 20)} MB`);
  const storeNeeds = gb(textBytes * BYTES_PER_INPUT_BYTE.store);
  const what = store
    ? 'Use a machine with more memory, or split the inputs and build one store per part.'
    : `Build a store instead (build … --store corpus.duckdb), which needs about ${storeNeeds}.`;
  throw new FatalError(`the inputs hold about ${gb(textBytes)} of text; this build needs about ${gb(need)} of memory `
    + `and this machine allows ${gb(limit)}. ${what}`);
}

/** How many errors are printed one by one on stderr; the rest are counted. */
const ERRORS_SHOWN = 20;

/**
 * Every error of a build or report on stderr (file:line and message), so nobody needs a second command to learn what
 * failed.
 */
export function printErrors(issues: readonly Issue[], more: string): void {
  const errors = issues.filter((i) => i.severity === 'error');
  if (!errors.length) return;
  const lines = errors.slice(0, ERRORS_SHOWN).map((i) => `  ${fmtIssue(i)}`);
  if (errors.length > ERRORS_SHOWN) lines.push(`  … and ${errors.length - ERRORS_SHOWN} more errors (${more})`);
  process.stderr.write(`${errors.length} error${errors.length === 1 ? '' : 's'}:\n${lines.join('\n')}\n`);
}

/** The closing line of a build: sizes, groups and the count of data issues. */
export function buildSummary(r: Report, groups: number, modularity: number, reportCommand: string): string {
  const groupsFound = `${groups} groups (modularity ${modularity.toFixed(3)})`;
  return `${r.papers} papers, ${r.authors} authors, ${r.edges} ties, ${groupsFound}; `
    + `${r.issueCounts.error} errors, ${r.issueCounts.warning} warnings (details: ${reportCommand})\n`;

}

/** path's options from the command line. */
export function pathOptions(args: CliArgs): { strongest: boolean; maxChains: number } {
  return { strongest: args.strongest, maxChains: args.maxChains };
}
