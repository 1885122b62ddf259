// Opening a saved graph JSON: attributes repaired, graphs saved without a layout get positions (a layout when
// small, group placement when large).
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { openGraphJson } from '../../src/app/openGraphJson';
import { toGraphJson } from '../../src/export/json';
import { runSeeds } from '../helpers';

const bytes = (text: string) => new TextEncoder().encode(text);
const distinctPositions = (g: Graph) => new Set(g.mapNodes((_n, a) => `${a.x},${a.y}`)).size;

describe('openGraphJson', () => {
  it('opens a graph built with --no-layout (every author at 0,0) with a real layout when it is small', () => {
    const { graph } = runSeeds({ layout: false });
    expect(distinctPositions(graph)).toBe(1);
    const opened = openGraphJson('seeds.json', bytes(toGraphJson(graph)))!;
    expect(opened.laidOut).toBe(true);
    expect(opened.graph.order).toBe(325);
    expect(distinctPositions(opened.graph)).toBeGreaterThan(300);
  });

  it('places the groups of a large graph without positions apart, the same way every time', () => {
    const g = new Graph({ type: 'undirected' });
    for (let i = 0; i < 6000; i++) g.addNode(`a${i}`, { label: `A ${i}`, papers: 1, community: i % 7, x: 0, y: 0 });
    for (let i = 0; i + 7 < 6000; i++)
      g.addUndirectedEdgeWithKey(`e${i}`, `a${i}`, `a${i + 7}`, { weight: 1, papers: 1, paperIds: [] });
    const json = bytes(JSON.stringify(g.export()));
    const a = openGraphJson('big.json', json)!;
    const b = openGraphJson('big.json', json)!;
    expect(a.laidOut).toBe(false);
    expect(distinctPositions(a.graph)).toBe(6000);
    expect(a.graph.mapNodes((_n, x) => [x.x, x.y])).toEqual(b.graph.mapNodes((_n, x) => [x.x, x.y]));
    // Members sit closer to their own group's centre than to the other groups' centres.
    const centre = (c: number) => {
      let x = 0;
      let y = 0;
      let n = 0;
      a.graph.forEachNode((_k, at) => {
        if (at.community === c) {
          x += at.x;
          y += at.y;
          n++;
        }
      });
      return [x / n, y / n] as const;
    };
    const centres = Array.from({ length: 7 }, (_, c) => centre(c));
    let own = 0;
    a.graph.forEachNode((_k, at) => {
      const d = centres.map(([x, y]) => Math.hypot(at.x - x, at.y - y));
      if (d.indexOf(Math.min(...d)) === at.community) own++;
    });
    expect(own / 6000).toBeGreaterThan(0.95);
  });

  it('fills missing attributes and rejects what is not a graph', () => {
    const opened = openGraphJson(
      'min.json',
      bytes('{"nodes":[{"key":"x"},{"key":"y","attributes":{"x":1,"y":2}}],"edges":[{"source":"x","target":"y"}]}'),
    )!;
    expect(opened.graph.getNodeAttributes('x')).toMatchObject({ label: 'x', papers: 1, community: 0, aliases: [] });
    expect(opened.graph.getEdgeAttributes(opened.graph.edge('x', 'y')!)).toMatchObject({
      weight: 1,
      papers: 1,
      paperIds: [],
    });
    expect(openGraphJson('list.json', bytes('[{"title":"a CSL item"}]'))).toBeUndefined();
    expect(openGraphJson('broken.json', bytes('{"nodes":[{"key":'))).toBeUndefined();
  });
});
