// One corpus through every stage in this process (run as a child per corpus): time and peak memory per stage, as JSON.

import { readFileSync } from 'node:fs';
import { buildReport } from '../src/corpus/report';
import { resolveCorpus } from '../src/corpus/resolve';
import { exportFiles } from '../src/export';
import { buildGraph } from '../src/graph/buildGraph';
import { detectCommunities } from '../src/graph/communities';
import { layoutGraph } from '../src/layout/layout';
import { parseInputs } from '../src/pipeline';

const [file, withLayout] = process.argv.slice(2);
const stages: Record<string, { seconds: number; peakMb: number }> = {};
let t = performance.now();
const mark = (name: string) => {
  const now = performance.now();
  stages[name] = { seconds: (now - t) / 1000, peakMb: process.resourceUsage().maxRSS / 1024 };
  t = now;
};
const bytes = readFileSync(file!);
const parsed = parseInputs([{ name: file!, bytes }]); mark('parse');
const corpus = resolveCorpus(parsed); mark('resolve');
const { graph, ties } = buildGraph(corpus); mark('build');
const { communities, modularity } = detectCommunities(graph); mark('louvain');
if (withLayout === 'layout') { layoutGraph(graph); mark('layout'); }
let size = 0;
for (const f of exportFiles(graph, 'json')) for (const chunk of f.chunks()) size += chunk.length;
mark('export');
const report = buildReport(corpus, { ties: ties.count, skippedPapers: ties.skippedPapers, maxAuthors: 500, droppedTies: ties.droppedTies });
process.stdout.write(JSON.stringify({ file, mb: bytes.length / 1e6, papers: report.papers, authors: report.authors, ties: report.edges, droppedTies: ties.droppedTies, skipped: ties.skippedPapers.length, groups: communities.filter((c) => c.size > 1).length, modularity, exportMb: size / 1e6, stages }) + '\n');
