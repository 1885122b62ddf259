// Preparing graphology's neighbour indexes is a pure speed change: the same graph, neighbour order and bytes.
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { importPrepared, prepareAdjacency } from '../../src/graph/adjacency';
import type { EdgeAttributes, NodeAttributes } from '../../src/types';
import { runSeeds } from '../helpers';

describe('prepared adjacency', () => {
  it('imports a graph to the same serialization and neighbour order as graphology alone', () => {
    const { graph } = runSeeds({ layout: false });
    const data = graph.export();
    const plain = Graph.from(data);
    const prepared = importPrepared(
      new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected', multi: false, allowSelfLoops: false }),
      data,
    );
    expect(JSON.stringify(prepared.export())).toBe(JSON.stringify(plain.export()));
    for (const n of ['jiang-daxin', 'nie-hao', 'zhang-xiangyu'])
      expect(prepared.neighbors(n)).toEqual(plain.neighbors(n));
    expect(prepared.size).toBe(29953);
  });
  it('leaves a graph that already has edges alone, and edits still work after it', () => {
    const g = new Graph({ type: 'undirected' });
    g.addNode('a'); g.addNode('b'); g.addNode('c');
    g.addEdge('a', 'b');
    prepareAdjacency(g);
    g.addEdge('a', 'c');
    g.dropEdge('a', 'b');
    expect(g.neighbors('a')).toEqual(['c']);
    expect(g.size).toBe(1);
  });
});
