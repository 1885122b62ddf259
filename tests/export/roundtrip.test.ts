// Exports read back by graphology's own parsers (and JSON by Graph.from): same nodes, edges and attributes; hostile
// text stays inert.
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/export';
import { toEdgesCsv, toNodesCsv } from '../../src/export/csv';
import { toGexf } from '../../src/export/gexf';
import { gexfChunks } from '../../src/export/gexfStream';
import { toGraphml } from '../../src/export/graphml';
import { toGraphJson } from '../../src/export/json';
import { resolveCorpus } from '../../src/corpus/resolve';
import { buildGraph } from '../../src/graph/buildGraph';
import { detectCommunities } from '../../src/graph/communities';
import { layoutGraph } from '../../src/layout/layout';
import { runSeeds } from '../helpers';
import { hostileCorpus } from '../graph/fixtures';

const seeds = runSeeds({ layout: true, weighting: 'fractional' }).graph;

function hostileGraph() {
  const { graph } = buildGraph(hostileCorpus());
  detectCommunities(graph);
  layoutGraph(graph);
  return graph;
}

describe('round trips', () => {
  it('graph JSON is exactly graphology serialization, written in chunks', () => {
    expect(toGraphJson(seeds)).toBe(JSON.stringify(seeds.export()) + '\n');
  });
  it('graph JSON reads back with Graph.from', () => {
    const back = Graph.from(JSON.parse(toGraphJson(seeds)));
    expect(back.order).toBe(seeds.order);
    expect(back.size).toBe(seeds.size);
    expect(back.getNodeAttributes('jiang-daxin')).toEqual(seeds.getNodeAttributes('jiang-daxin'));
    expect(back.getAttribute('papers')).toEqual(seeds.getAttribute('papers'));
    const papers = back.getAttribute('papers') as {
      id: string;
      authors: string[];
      complete: boolean;
      sources: string[];
    }[];
    expect(papers.find((p) => p.id === 'arxiv:2507.19427')).toMatchObject({
      complete: true,
      sources: ['seeds/002_729da12e29e03aff.txt:13', 'seeds/004_19ce7dee7ee9430d.txt:1'],
    });
  });
  it('GEXF reads back with the same nodes, edges, weights and viz', () => {
    const back = parseGexf(Graph, toGexf(seeds));
    expect(back.order).toBe(seeds.order);
    expect(back.size).toBe(seeds.size);
    const a = back.getNodeAttributes('jiang-daxin');
    const b = seeds.getNodeAttributes('jiang-daxin');
    expect(a).toMatchObject({
      label: b.label,
      papers: b.papers,
      community: b.community,
      x: b.x,
      y: b.y,
      size: b.size,
      aliases: b.aliases.join('; '),
    });
    expect(String(a.color).toLowerCase().replace(/\s/g, '')).toMatch(/^(#|rgb)/);
    seeds.forEachEdge((_e, attr, s, t) => {
      expect(back.getEdgeAttribute(back.edge(s, t)!, 'weight')).toBeCloseTo(attr.weight, 9);
    });
  });
  it('GraphML reads back with the same nodes, edges and attributes', () => {
    const back = parseGraphml(Graph, toGraphml(seeds));
    expect(back.order).toBe(seeds.order);
    expect(back.size).toBe(seeds.size);
    expect(back.getNodeAttributes('nie-hao')).toMatchObject({
      label: 'Hao Nie',
      papers: 4,
      aliases: 'Hao Nie; Hao, Nie; Nie Hao; Nie, Hao',
    });
    const e = seeds.edge('jiang-daxin', 'shum-heungyeung')!;
    expect(back.getEdgeAttributes(back.edge('jiang-daxin', 'shum-heungyeung')!)).toMatchObject({
      weight: seeds.getEdgeAttribute(e, 'weight'),
      papers: seeds.getEdgeAttribute(e, 'papers'),
    });
  });
  it('CSV has a nodes file and an edges file with one row each', () => {
    const nodes = Papa.parse<Record<string, string>>(toNodesCsv(seeds), { header: true, skipEmptyLines: true });
    const edges = Papa.parse<Record<string, string>>(toEdgesCsv(seeds), { header: true, skipEmptyLines: true });
    expect(nodes.data).toHaveLength(seeds.order);
    expect(edges.data).toHaveLength(seeds.size);
    expect(nodes.data.find((r) => r.id === 'jiang-daxin')).toMatchObject({ label: 'Daxin Jiang', papers: '11' });
    expect(exportGraph(seeds, 'csv').map((f) => f.suffix)).toEqual(['.csv', '.edges.csv']);
  });
  it('same inputs and options give byte-identical files in every format', () => {
    const again = runSeeds({ layout: true, weighting: 'fractional' }).graph;
    for (const f of ['gexf', 'graphml', 'json', 'csv'] as const)
      expect(exportGraph(again, f)).toEqual(exportGraph(seeds, f));
  });
});

describe('untrusted text in exports', () => {
  const g = hostileGraph();
  it('GEXF and GraphML stay well-formed and carry the text literally', () => {
    for (const xml of [toGexf(g), toGraphml(g)]) {
      expect(xml).not.toMatch(/<img|<b>|\u0001|id="a0<&>"/);
      const back = xml.includes('<gexf') ? parseGexf(Graph, xml) : parseGraphml(Graph, xml);
      const labels = back.mapNodes((_n, a) => a.label as string).sort();
      expect(labels).toContain('Zoë <b>Bold</b>');
      expect(labels).toContain('Ann "Quote" O\'Hara & Co');
      expect(labels).toContain('Tab\tCtrl\uFFFDName');
    }
  });
  it('CSV quotes text and makes formula-like cells inert', () => {
    const rows = Papa.parse<Record<string, string>>(toNodesCsv(g), { header: true, skipEmptyLines: true }).data;
    const labels = rows.map((r) => r.label!);
    for (const l of labels) expect(l).not.toMatch(/^\s*[=+\-@]/);
    expect(labels).toContain('\'=HYPERLINK("http://x") Smith');
    expect(labels).toContain("'@SUM Jones");
    expect(labels).toContain("'+Plus Minus");
    expect(labels).toContain('\'-Minus Plus');
    const edgeRows = Papa.parse<Record<string, string>>(toEdgesCsv(g), { header: true, skipEmptyLines: true }).data;
    for (const r of edgeRows) for (const v of Object.values(r)) expect(v).not.toMatch(/^\s*[=+@]/);
  });
});

describe('streamed GEXF for huge graphs', () => {
  it('reads back like the library output', async () => {
    const { gexfChunks } = await import('../../src/export/gexfStream');
    const streamed = parseGexf(Graph, [...gexfChunks(seeds, 'test')].join(''));
    const library = parseGexf(Graph, toGexf(seeds));
    expect(streamed.order).toBe(library.order);
    expect(streamed.size).toBe(library.size);
    expect(streamed.getNodeAttributes('jiang-daxin')).toEqual(library.getNodeAttributes('jiang-daxin'));
    library.forEachEdge((_e, a, s, t) => { expect(streamed.getEdgeAttributes(streamed.edge(s, t)!)).toEqual(a); });
  });
});

describe('authors known only from a suspect author list', () => {
  // Three real people who never worked together, then a list that pairs their names one place off.
  let line = 0;
  const rec = (title: string, authors: string[]) => ({
    file: 'x',
    line: ++line,
    format: 'csv' as const,
    title,
    authors,
    truncated: false,
    categories: [],
    organisations: [],
  });
  const records = [
    rec('S1', ['Fay Hill', 'Pat One']), rec('S2', ['Gus Ivy', 'Pat Two']), rec('S3', ['Hal Jay', 'Pat Three']),
    rec('Damaged', ['Fay Qwen', 'Gus Hill', 'Hal Ivy', 'Ida Jay', 'Jon Kay']),
  ];
  const { graph } = buildGraph(resolveCorpus([{ file: 'x', format: 'csv', records, issues: [] }]));
  detectCommunities(graph);
  layoutGraph(graph);
  const flagged = ['Fay Qwen', 'Gus Hill', 'Hal Ivy', 'Ida Jay', 'Jon Kay']
    .map((label) => graph.findNode((_n, a) => a.label === label) ?? '');
  it('carry the flag in graph JSON, GEXF (both writers), GraphML and CSV; everyone else does not', () => {
    expect(flagged.every(Boolean)).toBe(true);
    const fayHill = graph.findNode((_n, a) => a.label === 'Fay Hill')!;
    const isFlagged = (g: Graph, n: string) => g.getNodeAttribute(n, 'suspect') === true;
    const gexf = parseGexf(Graph, toGexf(graph));
    const streamed = parseGexf(Graph, [...gexfChunks(graph, 'test')].join(''));
    const graphml = parseGraphml(Graph, toGraphml(graph));
    const json = Graph.from(JSON.parse(toGraphJson(graph)));
    for (const g of [gexf, streamed, graphml, json]) {
      for (const n of flagged) expect(isFlagged(g, n), n).toBe(true);
      expect(isFlagged(g, fayHill)).toBe(false);
    }
    const rows = Papa.parse<Record<string, string>>(toNodesCsv(graph), { header: true }).data;
    expect(rows.filter((r) => r.suspect === 'true').map((r) => r.id).sort()).toEqual([...flagged].sort());
    expect(rows.find((r) => r.id === fayHill)!.suspect).toBe('false');
    const papers = graph.getAttribute('papers') as { title: string; suspect?: boolean }[];
    expect(papers.filter((p) => p.suspect).map((p) => p.title)).toEqual(['Damaged']);
  });
});
