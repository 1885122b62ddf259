// A real client reads the exports: networkx (Debian python3-networkx) loads GEXF and GraphML; counts, weights and
// labels match the graph JSON.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toGexf } from '../../src/export/gexf';
import { toGraphml } from '../../src/export/graphml';
import { toGraphJson } from '../../src/export/json';
import { runSeeds } from '../helpers';

const SCRIPT = `
import json, sys, networkx as nx
out = {}
for kind, path in (("gexf", sys.argv[1]), ("graphml", sys.argv[2])):
    g = nx.read_gexf(path) if kind == "gexf" else nx.read_graphml(path)
    out[kind] = {
        "nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "directed": g.is_directed(),
        "labels": {n: d.get("label") for n, d in g.nodes(data=True)},
        "papers": {n: d.get("papers") for n, d in g.nodes(data=True)},
        "weights": {"|".join(sorted((u, v))): d.get("weight") for u, v, d in g.edges(data=True)},
    }
print(json.dumps(out))
`;

describe('networkx reads the exports', () => {
  it('GEXF and GraphML agree with the graph JSON', () => {
    const { graph } = runSeeds({ layout: true, weighting: 'fractional' });
    const dir = mkdtempSync(join(tmpdir(), 'cg-nx-'));
    writeFileSync(join(dir, 'g.gexf'), toGexf(graph));
    writeFileSync(join(dir, 'g.graphml'), toGraphml(graph));
    const json = JSON.parse(toGraphJson(graph)) as {
      nodes: { key: string; attributes: { label: string; papers: number } }[];
      edges: { source: string; target: string; attributes: { weight: number } }[];
    };
    const result = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', SCRIPT, join(dir, 'g.gexf'), join(dir, 'g.graphml')], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      }),
    );
    for (const kind of ['gexf', 'graphml'] as const) {
      const r = result[kind];
      expect(r.nodes).toBe(json.nodes.length);
      expect(r.edges).toBe(json.edges.length);
      expect(r.directed).toBe(false);
      for (const n of json.nodes) {
        expect(r.labels[n.key]).toBe(n.attributes.label);
        expect(r.papers[n.key]).toBe(n.attributes.papers);
      }
      for (const e of json.edges)
        expect(r.weights[[e.source, e.target].sort().join('|')]).toBeCloseTo(e.attributes.weight, 9);
    }
  });
});
