// The coauthor-graph command line: build, report and author, over files or folders (seeds/ by default).

import { readFileSync } from 'node:fs';
import { parseAliases } from '../corpus/aliases';
import { collaboratorsOf, findAuthor } from '../corpus/findAuthor';
import { decodeBytes } from '../sources/decode';
import { exportFiles, formatFromPath } from '../export';
import type { PipelineOptions, Progress } from '../pipeline';
import { readTable, runFromTable } from '../pipeline';
import type { Issue } from '../types';
import type { CliArgs } from './args';
import { parseCliArgs, UsageError, USAGE } from './args';
import { readInputs } from './inputs';
import { formatReport } from '../corpus/formatReport';
import { writeAtomic } from './writeOutput';

class FatalError extends Error {}

const progress: Progress | undefined = process.stderr.isTTY
  ? (stage, done, total) => process.stderr.write(`\r${stage}${total > 1 ? ` ${done + 1}/${total}` : ''}…`.padEnd(40))
  : undefined;

function loadAliases(path: string | undefined): PipelineOptions['aliases'] | undefined {
  if (!path) return undefined;
  let bytes: Uint8Array;
  try { bytes = readFileSync(path); } catch (e) { throw new FatalError(`${path}: cannot read aliases file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`); }
  return parseAliases(path, decodeBytes(path, bytes).text);
}

function run(args: CliArgs): number {
  const { files, issues: readIssues } = readInputs(args.inputs);
  if (files.length === 0) throw new FatalError(readIssues.map((i) => `${i.file}: ${i.message}`).join('\n') || 'no input files');
  const table = readTable(files, progress);
  if (readIssues.length) table.sources[table.addSource(readIssues[0]!.file, 'unknown')]!.issues.push(...readIssues);
  const aliases = loadAliases(args.aliases);
  const options: Partial<PipelineOptions> = { weighting: args.weighting, resolution: args.resolution, seed: args.seed, maxAuthors: args.maxAuthors, layout: args.command === 'build' && args.layout };
  if (aliases) options.aliases = aliases;
  const result = runFromTable(table, options, progress);
  if (progress) process.stderr.write('\r'.padEnd(41) + '\r');
  if (result.corpus.papers.length === 0) {
    throw new FatalError(`nothing usable could be read:\n${result.corpus.issues.filter((i) => i.severity === 'error').map(fmtIssue).join('\n')}`);
  }
  if (args.command === 'report') {
    process.stdout.write(args.json ? JSON.stringify(result.report, null, 2) + '\n' : formatReport(result.report));
    return 0;
  }
  if (args.command === 'author') return printAuthor(args, result);
  const format = args.format ?? (args.out === '-' ? 'json' : formatFromPath(args.out!));
  if (!format) throw new UsageError(`cannot tell the format from "${args.out}"; add --format gexf|graphml|json|csv`);
  const outputs = exportFiles(result.graph, format);
  if (args.out === '-') { for (const o of outputs) for (const chunk of o.chunks()) process.stdout.write(chunk); }
  else {
    const base = args.out!.replace(/\.(gexf|graphml|json|csv)$/i, '');
    for (const o of outputs) {
      const path = o.suffix === `.${format}` && formatFromPath(args.out!) === format ? args.out! : base + o.suffix;
      try { writeAtomic(path, o.chunks()); } catch (e) { throw new FatalError(`${path}: cannot write output (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`); }
      process.stderr.write(`wrote ${path}\n`);
    }
  }
  const r = result.report;
  process.stderr.write(`${r.papers} papers, ${r.authors} authors, ${r.edges} ties, ${result.communities.filter((c) => c.size > 1).length} groups (modularity ${result.modularity.toFixed(3)}); ${r.issueCounts.error} errors, ${r.issueCounts.warning} warnings (see: report)\n`);
  return 0;
}

function fmtIssue(i: Issue): string { return `${i.file}:${i.line}: ${i.message}`; }

function printAuthor(args: CliArgs, result: ReturnType<typeof runFromTable>): number {
  const { corpus } = result;
  const found = findAuthor(corpus, args.name!);
  if (!found.match) {
    const list = found.suggestions.map((a) => `  ${a.label} (${a.papers.length} paper${a.papers.length === 1 ? '' : 's'})`).join('\n');
    process.stderr.write(`no author matches "${args.name}". Closest names:\n${list}\n`);
    return 1;
  }
  const a = found.match;
  const collaborators = collaboratorsOf(corpus, a);
  const community = result.graph.getNodeAttribute(a.id, 'community');
  if (args.json) {
    process.stdout.write(JSON.stringify({
      id: a.id, label: a.label, aliases: a.aliases, community,
      papers: a.papers.map((p) => { const x = corpus.papers[p]!; return { id: x.id, title: x.title, year: x.year, arxivId: x.arxivId, doi: x.doi, complete: x.complete, sources: x.sources }; }),
      collaborators: collaborators.map((c) => ({ id: c.author.id, label: c.author.label, papers: c.papers.length, paperIds: c.papers.map((p) => corpus.papers[p]!.id) })),
    }, null, 2) + '\n');
    return 0;
  }
  const out: string[] = [`${a.label}  [${a.id}]  community ${community}`, `  spellings: ${a.aliases.join(' | ')}`, '', `Papers (${a.papers.length})`];
  for (const p of a.papers) { const x = corpus.papers[p]!; out.push(`  ${x.year ?? '    '}  ${x.title}${x.arxivId ? `  arXiv:${x.arxivId}` : ''}${x.complete ? '' : '  (author list incomplete)'}`); }
  out.push('', `Collaborators (${collaborators.length}), strongest first`);
  for (const c of collaborators) {
    out.push(`  ${String(c.papers.length).padStart(3)}  ${c.author.label}`);
    for (const p of c.papers) out.push(`         - ${corpus.papers[p]!.title}`);
  }
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}

function main(argv: string[]): number {
  let args: CliArgs;
  try { args = parseCliArgs(argv); }
  catch (e) {
    if (e instanceof UsageError) { process.stderr.write(`coauthor-graph: ${e.message}\n\n${USAGE}\n`); return 2; }
    throw e;
  }
  if (args.command === 'help') { process.stdout.write(USAGE + '\n'); return 0; }
  try { return run(args); }
  catch (e) {
    if (e instanceof UsageError) { process.stderr.write(`coauthor-graph: ${e.message}\n`); return 2; }
    if (e instanceof FatalError) { process.stderr.write(`coauthor-graph: ${e.message}\n`); return 1; }
    process.stderr.write(`coauthor-graph: internal error: ${(e as Error).message}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
