// --roster FILE on build and report: the roster matched to the corpus, its network summarised in the report, and
// (for build) the graph cut to its members and the outside collaborators they share.

import { readFileSync } from 'node:fs';
import type { Report } from '../corpus/report';
import { matchRoster, parseRoster } from '../corpus/roster';
import type { CoauthorGraph, GraphPaper } from '../graph/buildGraph';
import { rosterNetwork } from '../graph/rosterNetwork';
import { decodeBytes } from '../sources/decode';
import type { Corpus } from '../types';
import { FatalError, reason } from './errors';

export function applyRoster(path: string, corpus: Corpus, graph: CoauthorGraph, report: Report): CoauthorGraph {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) { throw new FatalError(`${path}: cannot read roster file (${reason(e)})`); }
  const { entries, issues } = parseRoster(decodeBytes(path, bytes).text, path);
  if (!entries.length) throw new FatalError(`${path}: no names in the roster file (one name per line)`);
  const matches = matchRoster(corpus, entries);
  const ids = matches.matched.map((m) => m.author.id);
  const { network, subgroupOf, shared } = rosterNetwork(graph, ids, {
    resolution: graph.getAttribute('resolution') as number, seed: graph.getAttribute('seed') as number,
  });
  report.roster = { file: path, ...matches, network };
  report.issues.push(...issues);
  for (const i of issues) report.issueCounts[i.severity]++;
  // The roster's graph: members and the outside collaborators they share, every tie among them.
  const keep = (n: string) => subgroupOf.has(n) || shared.has(n);
  const sub = graph.nullCopy() as CoauthorGraph;
  sub.replaceAttributes({ ...graph.getAttributes() });
  graph.forEachNode((n, a) => {
    if (!keep(n)) return;
    const group = subgroupOf.get(n);
    const member = group !== undefined
      ? { roster: 'member' as const, rosterGroup: group } : { roster: 'shared' as const };

    sub.addNode(n, { ...a, ...member });


  });
  graph.forEachEdge((e, a, s, t) => { if (keep(s) && keep(t)) sub.addEdgeWithKey(e, s, t, a); });
  const papers = (graph.getAttribute('papers') as GraphPaper[] | undefined) ?? [];
  sub.setAttribute('papers', papers.filter((p) => p.authors.some(keep)));
  sub.setAttribute('roster', { file: path, members: network.members, shared: shared.size, ties: network.ties });
  return sub;
}
