// Command-line arguments: commands, options and their defaults; a usage problem is a UsageError (exit 2).

import { parseArgs } from 'node:util';
import type { ExportFormat } from '../export';
import { exportFormats } from '../export';
import type { YearRange } from '../corpus/years';
import { parseYears } from '../corpus/years';
import type { Weighting } from '../types';

export class UsageError extends Error {}

export const USAGE = `coauthor-graph — weighted co-authorship networks from paper listings

Usage:
  coauthor-graph build  [inputs…] --out FILE [--format gexf|graphml|json|csv]
                        [--weighting count|fractional] [--resolution R] [--seed N]
                        [--max-authors N] [--no-layout] [--aliases FILE] [--years 2015-2020]
  coauthor-graph build  [inputs…] --store FILE.duckdb [--out DIR --format parquet] [--ties TIES.parquet]
                        [options as above]
  coauthor-graph report [inputs…] [--json] [--aliases FILE] [--years Y-Y] [--roster FILE]   or   report --store FILE
  (build takes --roster FILE too: the graph of the roster's members and the collaborators they share)
  coauthor-graph author "NAME" [inputs…] [--json] [--aliases FILE]   or   author "NAME" --store FILE [--json]
  coauthor-graph path "NAME" "NAME" [inputs…] [--strongest] [--max-chains N] [--json]   or   … --store FILE
  coauthor-graph serve FILE.duckdb [--port 8080] [--host 127.0.0.1]   (the explorer on a store's group map)

Inputs are files or folders (read recursively; .gz read transparently). With none, seeds/ is read.
Formats are detected by content. --out - writes to stdout. path prints the shortest chains of co-authors between
two people with the papers behind each hop (--strongest adds the chain through the most shared papers).
--store builds (or, for report and author, reads) a DuckDB store for whole corpora.
Exit codes: 0 done, 1 nothing usable, 2 usage.`;

export interface CliArgs {
  command: 'build' | 'report' | 'author' | 'path' | 'serve' | 'help';
  /** serve: where to listen. */
  port: number;
  host: string;
  inputs: string[];
  name?: string;
  /** path: the second person. */
  otherName?: string;
  strongest: boolean;
  maxChains: number;
  /** A roster file (build, report). */
  roster?: string;
  /** Only the papers of these years (build, report, author, path in memory). */
  years?: YearRange;
  out?: string;
  format?: ExportFormat | 'parquet';
  store?: string;
  /** Ties computed elsewhere (Parquet or CSV from ties.sql), for a store build. */
  ties?: string;
  weighting: Weighting;
  resolution: number;
  seed: number;
  maxAuthors: number;
  layout: boolean;
  aliases?: string;
  json: boolean;
}

function num(name: string, text: string | undefined, fallback: number, check: (n: number) => boolean): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || !check(n)) throw new UsageError(`--${name} needs a valid number, got "${text}"`);
  return n;
}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: {
        out: { type: 'string', short: 'o' }, format: { type: 'string' }, weighting: { type: 'string' },
        resolution: { type: 'string' }, seed: { type: 'string' }, 'max-authors': { type: 'string' },
        'no-layout': { type: 'boolean' }, aliases: { type: 'string' }, store: { type: 'string' },
        ties: { type: 'string' },
        json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
        strongest: { type: 'boolean' }, 'max-chains': { type: 'string' }, years: { type: 'string' },
        roster: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' },
      },
    });
  } catch (e) { throw new UsageError((e as Error).message); }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help' || command === undefined) {
    return {
      command: 'help', inputs: [], weighting: 'fractional', resolution: 1, seed: 42, maxAuthors: 500, layout: true,
      json: false, strongest: false, maxChains: 5, port: 8080, host: '127.0.0.1',
    };
  }
  if (!['build', 'report', 'author', 'path', 'serve'].includes(command)) {
    throw new UsageError(`unknown command "${command}"`);
  }
  const weighting = (values.weighting ?? 'fractional') as Weighting;
  if (weighting !== 'count' && weighting !== 'fractional') {
    throw new UsageError(`--weighting must be count or fractional, got "${values.weighting}"`);
  }
  const formats = [...exportFormats, 'parquet'];
  if (values.format !== undefined && !formats.includes(values.format)) {
    throw new UsageError(`--format must be one of ${formats.join(', ')}, got "${values.format}"`);
  }
  const args: CliArgs = {
    command: command as CliArgs['command'], inputs: rest, weighting,
    port: num('port', values.port, 8080, (n) => Number.isInteger(n) && n >= 0 && n <= 65535),
    host: values.host ?? '127.0.0.1',
    resolution: num('resolution', values.resolution, 1, (n) => n > 0),
    seed: num('seed', values.seed, 42, (n) => Number.isInteger(n)),
    maxAuthors: num('max-authors', values['max-authors'], 500, (n) => Number.isInteger(n) && n >= 2),
    layout: !values['no-layout'], json: !!values.json, strongest: !!values.strongest,
    maxChains: num('max-chains', values['max-chains'], 5, (n) => Number.isInteger(n) && n >= 1 && n <= 1000),
  };
  if (values.out !== undefined) args.out = values.out;
  if (values.format !== undefined) args.format = values.format as ExportFormat | 'parquet';
  if (values.store !== undefined) args.store = values.store;
  if (values.ties !== undefined) args.ties = values.ties;
  if (values.aliases !== undefined) args.aliases = values.aliases;
  if (values.roster !== undefined) {
    if (command !== 'build' && command !== 'report') throw new UsageError('--roster goes with build or report');
    args.roster = values.roster;
  }
  if (values.years !== undefined) {
    const years = parseYears(values.years);
    if (!years) {
      throw new UsageError(`--years needs a year or a range such as 2015-2020, 2015- or -2020, got "${values.years}"`);
    }
    args.years = years;
  }
  if (command === 'author') {
    if (!rest[0]) throw new UsageError('author needs a NAME');
    args.name = rest[0]; args.inputs = rest.slice(1);
  }
  if (command === 'path') {
    if (!rest[0] || !rest[1]) throw new UsageError('path needs two NAMEs');
    args.name = rest[0]; args.otherName = rest[1]; args.inputs = rest.slice(2);
  }
  if (command === 'serve') {
    if (rest.length !== 1) {
      throw new UsageError('serve needs one store: serve FILE.duckdb (build one with build INPUTS --store FILE)');
    }
    args.store = rest[0]; args.inputs = [];
  } else if (values.port !== undefined || values.host !== undefined) {
    throw new UsageError('--port and --host go with serve');
  }
  if (command === 'build' && !args.out && !args.store) {
    throw new UsageError('build needs --out FILE (or --out - for stdout) or --store FILE');
  }
  const storeBuild = command === 'build' && (!!args.store || args.format === 'parquet');
  if (args.roster && (storeBuild || args.store)) {
    throw new UsageError('--roster works on build --out and report over the sources');
  }
  if (args.years && (storeBuild || args.store)) {
    const where = 'use it on build --out, report, author or path over the sources';
    throw new UsageError(`--years rebuilds ties and groups in memory: ${where}`);

  }
  if (args.ties && !storeBuild) throw new UsageError('--ties FILE goes with build … --store FILE (a store build)');
  if (args.format === 'parquet' && (command !== 'build' || !args.out || args.out === '-')) {
    throw new UsageError('--format parquet needs build … --out DIR (a folder for the Parquet files)');
  }
  const names = command === 'author' ? 1 : command === 'path' ? 2 : 0;
  if (args.store && command !== 'build' && command !== 'serve' && rest.length > names) {
    throw new UsageError(`${command} --store answers from the store: give no input files`);
  }
  return args;
}
