// Louvain on the seeds: deterministic for a seed, labelled, coloured; the Step team and the entity-linking group
// fall apart.
import { describe, expect, it } from 'vitest';
import { toGraphJson } from '../../src/export/json';
import { runSeeds } from '../helpers';

describe('communities', () => {
  it('are the same across runs with the same seed, bytes included', () => {
    const a = runSeeds({ layout: true });
    const b = runSeeds({ layout: true });
    expect(toGraphJson(a.graph)).toBe(toGraphJson(b.graph));
    expect(a.modularity).toBeGreaterThan(0.1);
  });
  it('store modularity, sizes, labels and colours', () => {
    const { graph, communities } = runSeeds({ weighting: 'fractional' });
    const attr = graph.getAttributes();
    expect(attr).toMatchObject({ weighting: 'fractional', resolution: 1, seed: 42 });
    expect(attr.modularity).toBeGreaterThan(0.2);
    const sizes = communities.map((c) => c.size);
    expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
    expect(sizes.reduce((s, x) => s + x, 0)).toBe(graph.order);
    expect(new Set(communities.slice(0, 5).map((c) => c.color)).size).toBe(5);
    graph.forEachNode((_n, a) => expect(a.color).toBe(communities[a.community]!.color));
  });
  it('separate groups a reader of the seed pages would expect', () => {
    const { graph } = runSeeds({ weighting: 'fractional' });
    const c = (id: string) => graph.getNodeAttribute(id, 'community');
    // Daxin Jiang's entity-linking papers (Zilin Xiao, Linjun Shou, Ming Gong, Jian Pei) form one group…
    expect(c('xiao-zilin')).toBe(c('shou-linjun'));
    expect(c('gong-ming')).toBe(c('pei-jian'));
    // …apart from the StepFun video and audio teams.
    expect(c('xiao-zilin')).not.toBe(c('ma-guoqing'));
    expect(c('xiao-zilin')).not.toBe(c('huang-ailin'));
    // The InfinitePOD systems paper's own authors stay together.
    expect(c('shou-chenchen')).toBe(c('liu-guyue'));
  });
});
