// The coauthor-graph command line: build, report, author and path, over files, folders (seeds/ by default) or a store.

import { authorJson, authorView, formatAuthor } from '../corpus/authorView';
import { findAuthor } from '../corpus/findAuthor';
import { formatReport } from '../corpus/formatReport';
import { graphIndex, graphPathSource } from '../graph/graphIndex';
import { formatPath, pathJson, pathView } from '../graph/pathView';
import { runFromTable } from '../pipeline';
import type { Author } from '../types';
import type { CliArgs } from './args';
import { parseCliArgs, UsageError, USAGE } from './args';
import { buildStore } from './buildStore';
import { buildSummary, fmtIssue, noSuchAuthor, pathOptions, pipelineOptions, printErrors, readAll } from './common';
import { FatalError } from './errors';
import { clearProgress, progress } from './progress';
import { applyRoster } from './roster';
import { queryStore } from './storeQueries';
import { serve } from './serve';
import { writeGraph } from './writeGraph';

/** The authors suggested for a name that matched none, with their paper counts. */
const closest = (authors: Author[]) => authors.map((a) => ({ label: a.label, papers: a.papers.length }));

async function run(args: CliArgs): Promise<number> {

  if (args.command === 'serve') return serve(args);
  if (args.store && args.command !== 'build') return queryStore(args);
  if (args.command === 'build' && (args.store || args.format === 'parquet')) return buildStore(args);
  const options = pipelineOptions(args);
  const result = runFromTable(readAll(args), options, progress);
  clearProgress();
  if (result.corpus.papers.length === 0) {
    const errors = result.corpus.issues.filter((i) => i.severity === 'error').map(fmtIssue);
    throw new FatalError(`nothing usable could be read:\n${errors.join('\n')}`);
  }
  const graph = args.roster ? applyRoster(args.roster, result.corpus, result.graph, result.report) : result.graph;
  if (args.command === 'report') {
    process.stdout.write(args.json ? JSON.stringify(result.report, null, 2) + '\n' : formatReport(result.report));
    printErrors(result.report.issues, 'all issues are in the report');
    return 0;
  }
  if (args.command === 'author') {
    const found = findAuthor(result.corpus, args.name!);
    if (!found.match) return noSuchAuthor(args.name!, closest(found.suggestions));
    const view = authorView(result.corpus, found.match, result.graph.getNodeAttribute(found.match.id, 'community'));
    process.stdout.write(args.json ? authorJson(view) : formatAuthor(view));
    return 0;
  }
  if (args.command === 'path') {
    const from = findAuthor(result.corpus, args.name!);
    if (!from.match) return noSuchAuthor(args.name!, closest(from.suggestions));
    const to = findAuthor(result.corpus, args.otherName!);
    if (!to.match) return noSuchAuthor(args.otherName!, closest(to.suggestions));
    // The graph's nodes are the corpus's authors, in the same order.
    const at = (a: Author) => result.corpus.authors.indexOf(a);
    const source = graphPathSource(result.graph);
    const view = await pathView(graphIndex(result.graph), at(from.match), at(to.match), source, pathOptions(args));
    process.stdout.write(args.json ? pathJson(view) : formatPath(view));
    return 0;
  }
  writeGraph(args, graph);
  const groups = result.communities.filter((c) => c.size > 1).length;
  printErrors(result.report.issues, 'see: report');
  process.stderr.write(buildSummary(result.report, groups, result.modularity, 'report'));
  return 0;
}

async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try { args = parseCliArgs(argv); }
  catch (e) {
    if (e instanceof UsageError) { process.stderr.write(`coauthor-graph: ${e.message}\n\n${USAGE}\n`); return 2; }
    throw e;
  }
  if (args.command === 'help') { process.stdout.write(USAGE + '\n'); return 0; }
  try { return await run(args); }
  catch (e) {
    clearProgress();
    if (e instanceof UsageError) { process.stderr.write(`coauthor-graph: ${e.message}\n`); return 2; }
    if (e instanceof FatalError) { process.stderr.write(`coauthor-graph: ${e.message}\n`); return 1; }
    process.stderr.write(`coauthor-graph: internal error: ${(e as Error).message}\n`);
    return 1;
  }
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  else throw e;
});

process.exitCode = await main(process.argv.slice(2));
