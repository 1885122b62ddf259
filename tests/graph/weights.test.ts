// Tie weights worked out by hand for both weightings, the max-authors guard, and the node and edge contract.
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/buildGraph';
import { collectTies } from '../../src/graph/ties';
import { handCorpus } from './fixtures';
import { runSeeds } from '../helpers';

const key = (l: string) => l.toLowerCase().split(' ').reverse().join('-');

describe('tie weights', () => {
  const corpus = handCorpus();
  it('count: shared papers', () => {
    const { graph } = buildGraph(corpus, { weighting: 'count' });
    const w = (a: string, b: string) => graph.getEdgeAttribute(graph.edge(key(a), key(b))!, 'weight');
    expect(graph.order).toBe(4);
    expect(graph.size).toBe(6);
    expect(w('Ann Able', 'Ben Baker')).toBe(3);
    expect(w('Ann Able', 'Cat Cole')).toBe(2);
    expect(w('Cat Cole', 'Dan Dove')).toBe(1);
  });
  it('fractional: each paper adds 1/(n-1) to each of its ties', () => {
    const { graph } = buildGraph(corpus, { weighting: 'fractional' });
    const w = (a: string, b: string) => graph.getEdgeAttribute(graph.edge(key(a), key(b))!, 'weight');
    expect(w('Ann Able', 'Ben Baker')).toBeCloseTo(1 / 2 + 1 + 1 / 3, 9);
    expect(w('Ann Able', 'Cat Cole')).toBeCloseTo(1 / 2 + 1 / 3, 9);
    expect(w('Ben Baker', 'Dan Dove')).toBeCloseTo(1 / 3, 9);
    // Each author's strength sums to the number of co-authored papers (Newman): Ann is on 3 papers.
    let strength = 0;
    graph.forEachEdge(key('Ann Able'), (_e, a) => { strength += a.weight; });
    expect(strength).toBeCloseTo(3, 6);
  });
  it('keeps paper evidence on every edge', () => {
    const { graph } = buildGraph(corpus);
    const e = graph.getEdgeAttributes(graph.edge(key('Ann Able'), key('Cat Cole'))!);
    expect(e.papers).toBe(2);
    expect(e.paperIds).toEqual([corpus.papers[0]!.id, corpus.papers[2]!.id]);
    expect(graph.getNodeAttributes(key('Ann Able'))).toMatchObject({
      label: 'Ann Able',
      papers: 3,
      aliases: ['Ann Able'],
    });
  });
  it('papers over --max-authors add no ties but stay in the papers list', () => {
    const ties = collectTies(corpus, { maxAuthors: 3 });
    expect(ties.skippedPapers).toEqual([2]);
    const { graph } = buildGraph(corpus, { maxAuthors: 3, weighting: 'count' });
    expect(graph.hasNode(key('Dan Dove'))).toBe(true);
    expect(graph.degree(key('Dan Dove'))).toBe(0);
    expect(graph.getEdgeAttribute(graph.edge(key('Ann Able'), key('Ben Baker'))!, 'weight')).toBe(2);
    expect((graph.getAttribute('papers') as unknown[]).length).toBe(3);
  });
  it('keeps only the strongest ties when the tie ceiling is reached, and says how many it dropped', () => {
    const ties = collectTies(corpus, { maxTies: 2 });
    expect(ties.count).toBe(2);
    expect(ties.droppedTies).toBe(4);
    expect(Array.from(ties.papers)).toEqual([3, 2]);
  });
  it('under the ceiling keeps the strongest ties, ties at the cut by first appearance, for both weightings', () => {
    const { corpus: seeds } = runSeeds();
    const all = collectTies(seeds, { maxTies: 1e9 });
    for (const weighting of ['count', 'fractional'] as const) {
      const w = weighting === 'count' ? all.papers : all.fractional;
      // Reference: sort every tie by weight (strongest first), then by index, and take the first 5,000.
      const expected = Array.from({ length: all.count }, (_, i) => i)
        .sort((a, b) => w[b]! - w[a]! || a - b)
        .slice(0, 5000)
        .sort((a, b) => a - b);
      const kept = collectTies(seeds, { maxTies: 5000, weighting });
      expect(kept.count).toBe(5000);
      expect(kept.droppedTies).toBe(all.count - 5000);
      expect(Array.from(kept.source)).toEqual(expected.map((t) => all.source[t]));
      expect(Array.from(kept.target)).toEqual(expected.map((t) => all.target[t]));
      expect(Array.from(kept.papers)).toEqual(expected.map((t) => all.papers[t]));
    }
  });
});
