// Research groups: seeded louvain on the tie weights, communities renumbered by size and labelled by their central author and title words.

import louvain from 'graphology-communities-louvain';
import type { CoauthorGraph, GraphPaper } from './buildGraph';
import { communityPalette } from './palette';
import { seededRng } from './rng';
import { foldWords } from '../corpus/fold';

export interface CommunityOptions {
  resolution: number;
  seed: number;
}

export const communityDefaults: CommunityOptions = { resolution: 1, seed: 42 };

/** How many of the largest groups get title words in their label. */
const WORDED_GROUPS = 200;

export interface CommunityInfo {
  id: number;
  size: number;
  label: string;
  color: string;
  /** Node key of the most central member (largest weighted degree inside the group). */
  center: string;
}

const STOP = new Set('a an and are as at be by for from in into is it its of on or over the to towards toward via vs with without using based new via we our can not no how what when why which do does large model models language learning'.split(' '));

/** A title's distinct words that can name a group (no stop words, numbers or short words). */
function labelWords(title: string): string[] {
  const out: string[] = [];
  for (const w of foldWords(title)) if (w.length > 2 && !STOP.has(w) && !/^\d+$/.test(w) && !out.includes(w)) out.push(w);
  return out;
}

/** The words that best tell a group's titles apart from the rest (tf·idf over titles). */
function tellingWords(titles: string[][], allDf: Map<string, number>, totalDocs: number, k = 3): string[] {
  const tf = new Map<string, number>();
  for (const words of titles) for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
  return [...tf].filter(([, n]) => n >= Math.min(2, titles.length))
    .map(([w, n]) => [w, n * Math.log(1 + totalDocs / (allDf.get(w) ?? 1))] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k).map(([w]) => w);
}

export function detectCommunities(graph: CoauthorGraph, options: Partial<CommunityOptions> = {}): { modularity: number; communities: CommunityInfo[] } {
  const opts = { ...communityDefaults, ...options };
  let modularity = 0;
  let raw: Record<string, number> = {};
  if (graph.size > 0) {
    const result = louvain.detailed(graph, { getEdgeWeight: 'weight', resolution: opts.resolution, rng: seededRng(opts.seed) });
    raw = result.communities; modularity = result.modularity;
  } else graph.forEachNode((n) => { raw[n] = 0; });
  // Isolated authors each form their own group in louvain; renumber by size, ties by first member in node order.
  const members = new Map<number, string[]>();
  graph.forEachNode((n) => { const c = raw[n] ?? -1; const l = members.get(c); if (l) l.push(n); else members.set(c, [n]); });
  const ordered = [...members.values()];
  const nodeOrder = new Map(graph.nodes().map((n, i) => [n, i]));
  ordered.sort((a, b) => b.length - a.length || nodeOrder.get(a[0]!)! - nodeOrder.get(b[0]!)!);
  const palette = communityPalette(ordered.length, opts.seed);
  const papers = (graph.getAttribute('papers') as GraphPaper[] | undefined) ?? [];
  // Title words only for the groups that get them in their label (the largest ones); the long tail is named by its centre.
  const worded = new Set<string>();
  for (const nodes of ordered.slice(0, WORDED_GROUPS)) if (nodes.length >= 3) for (const n of nodes) worded.add(n);
  const titleWords = papers.map((p) => (p.authors.length === 0 || p.authors.some((a) => worded.has(a)) ? labelWords(p.title) : []));
  const df = new Map<string, number>();
  for (const words of titleWords) for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
  const papersOf = new Map<string, number[]>();
  papers.forEach((p, i) => { for (const a of p.authors) { if (!worded.has(a)) continue; const l = papersOf.get(a); if (l) l.push(i); else papersOf.set(a, [i]); } });

  // Each member's weight of ties inside its own group, in one pass over the edges.
  const groupOf = new Map<string, number>();
  ordered.forEach((nodes, id) => { for (const n of nodes) groupOf.set(n, id); });
  const inner = new Map<string, number>();
  graph.forEachEdge((_e, attr, src, tgt) => {
    if (groupOf.get(src) !== groupOf.get(tgt)) return;
    inner.set(src, (inner.get(src) ?? 0) + attr.weight);
    inner.set(tgt, (inner.get(tgt) ?? 0) + attr.weight);
  });
  const communities: CommunityInfo[] = ordered.map((nodes, id) => {
    let center = nodes[0]!; let best = -1;
    for (const n of nodes) { const s = inner.get(n) ?? 0; if (s > best) { best = s; center = n; } }
    let words: string[] = [];
    if (id < WORDED_GROUPS && nodes.length >= 3) {
      const groupPapers = [...new Set(nodes.flatMap((n) => papersOf.get(n) ?? []))];
      words = tellingWords(groupPapers.map((i) => titleWords[i]!), df, papers.length);
    }
    const centerLabel = graph.getNodeAttribute(center, 'label');
    const label = words.length ? `${centerLabel} · ${words.join(', ')}` : centerLabel;
    return { id, size: nodes.length, label, color: palette[id]!, center };
  });
  graph.updateEachNodeAttributes((n, a) => { const id = groupOf.get(n)!; a.community = id; a.color = palette[id]!; return a; }, { attributes: ['community', 'color'] });
  graph.setAttribute('modularity', Math.round(modularity * 1e9) / 1e9);
  graph.setAttribute('resolution', opts.resolution);
  graph.setAttribute('seed', opts.seed);
  graph.setAttribute('communities', communities.map(({ id, size, label }) => ({ id, size, label })));
  return { modularity, communities };
}
