// The group map's views on a small hand-made graph: groups and links summed as counted by hand, sub-groups of a big
// group, ego networks of depth 1 and 2, the tie cap, and view names that reject anything malformed.
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { createAtlas } from '../../src/atlas/atlas';
import { graphAtlasData } from '../../src/atlas/graphAtlas';
import { parseTarget, targetToString } from '../../src/atlas/level';
import { backboneLinks } from '../../src/atlas/mapLevel';
import type { CoauthorGraph } from '../../src/graph/buildGraph';
import type { EdgeAttributes, NodeAttributes } from '../../src/types';

/**
 * Group 0: a0..a5 (a clique of a0-a2 and a clique of a3-a5, joined by a2-a3); group 1: b0..b2 (a triangle);
 * group 2: c0 alone. Between groups: a0-b0 (weight 2) and a1-b1 (weight 1); b2-c0 (weight 0.5).
 */
function handMade(): CoauthorGraph {
  const g: CoauthorGraph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected' });
  const add = (k: string, community: number, papers: number) =>
    g.addNode(k, {
      label: k.toUpperCase(),
      papers,
      community,
      x: 0,
      y: 0,
      size: 1,
      color: ['#111111', '#222222', '#333333'][community]!,
      aliases: [k.toUpperCase()],
    });
  ['a0', 'a1', 'a2', 'a3', 'a4', 'a5'].forEach((k, i) => add(k, 0, i + 1));
  ['b0', 'b1', 'b2'].forEach((k) => add(k, 1, 2));
  add('c0', 2, 1);
  const tie = (a: string, b: string, weight: number, paper: string) =>
    g.addEdge(a, b, { weight, papers: 1, paperIds: [paper] });
  tie('a0', 'a1', 3, 'p1'); tie('a0', 'a2', 3, 'p1'); tie('a1', 'a2', 3, 'p1');
  tie('a3', 'a4', 3, 'p2'); tie('a3', 'a5', 3, 'p2'); tie('a4', 'a5', 3, 'p2'); tie('a2', 'a3', 0.5, 'p3');
  tie('b0', 'b1', 1, 'p4'); tie('b0', 'b2', 1, 'p4'); tie('b1', 'b2', 1, 'p4');
  tie('a0', 'b0', 2, 'p5'); tie('a1', 'b1', 1, 'p6'); tie('b2', 'c0', 0.5, 'p7');
  g.setAttribute('communities', [
    { id: 0, size: 6, label: 'A group' },
    { id: 1, size: 3, label: 'B group' },
    { id: 2, size: 1, label: 'C' },
  ]);
  const paper = (id: string, authors: string[], year: number) => ({
    id,
    title: `Paper ${id}`,
    year,
    authors,
    complete: true,
    sources: ['x:1'],
  });
  g.setAttribute('papers', [
    paper('p1', ['a0', 'a1', 'a2'], 2020),
    paper('p2', ['a3', 'a4', 'a5'], 2021),
    paper('p3', ['a2', 'a3'], 2019),
    paper('p4', ['b0', 'b1', 'b2'], 2018),
    paper('p5', ['a0', 'b0'], 2022),
    paper('p6', ['a1', 'b1'], 2017),
    paper('p7', ['b2', 'c0'], 2016),
  ]);
  return g;
}

describe('group map views', () => {
  it('the map: one node per group sized by members, links summed between groups', async () => {
    const level = await createAtlas(graphAtlasData(handMade())).level({ kind: 'map' });
    expect(
      level.graph.nodes.map((n) => [
        n.key,
        n.attributes!.label,
        (n.attributes as unknown as { members: number }).members,
      ]),
    ).toEqual([
      ['group:0', 'A group', 6],
      ['group:1', 'B group', 3],
      ['group:2', 'C', 1],
    ]);
    const links = level.graph.edges.map((e) => [e.source, e.target, e.attributes!.weight, e.attributes!.papers]);
    expect(links).toEqual([['group:0', 'group:1', 3, 2], ['group:1', 'group:2', 0.5, 1]]);
    const sizes = level.graph.nodes.map((n) => n.attributes!.size);
    expect(sizes[0]).toBeGreaterThan(sizes[1]!);
    expect(level.trail.map((c) => c.label)).toEqual(['Group map']);
  });

  it('an author without co-authors is in no group: left off the map and counted apart', async () => {
    const g = handMade();
    g.addNode('d0', { label: 'D0', papers: 1, community: 3, x: 0, y: 0, size: 1, color: '#444444', aliases: ['D0'] });
    g.setAttribute('communities', [...g.getAttribute('communities'), { id: 3, size: 1, label: 'D0' }]);
    const level = await createAtlas(graphAtlasData(g)).level({ kind: 'map' });
    // c0 is alone in its group but tied to b2: it stays a group of one; d0 has no tie at all.
    expect(level.graph.nodes.map((n) => n.key)).toEqual(['group:0', 'group:1', 'group:2']);
    expect(level.title).toBe('3 groups of 11 authors');
    expect(level.nodes).toEqual({ shown: 3, total: 3 });
    expect(level.notes).toEqual(['1 author without co-authors is in no group: search reaches every author.']);
    const few = await createAtlas(graphAtlasData(g), { mapGroups: 2 }).level({ kind: 'map' });
    expect(few.notes).toEqual([
      '1 smaller group (1 author) is not drawn; 1 author without co-authors is in no group: ' +
        'search reaches every author.',
    ]);
  });

  it('a group shows its members and their ties; the cap keeps the strongest and says how many exist', async () => {
    const atlas = createAtlas(graphAtlasData(handMade()));
    const whole = await atlas.level({ kind: 'group', group: 0 });
    expect(whole.graph.nodes.map((n) => n.key).sort()).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5']);
    expect(whole.ties).toEqual({ shown: 7, total: 7, cap: 0 });
    const capped = await atlas.level({ kind: 'group', group: 0 }, 6);
    expect(capped.ties).toEqual({ shown: 6, total: 7, cap: 6 });
    // The weakest tie (a2-a3, 0.5) is the one left out.
    expect(capped.graph.edges.some((e) => [e.source, e.target].sort().join() === 'a2,a3')).toBe(false);
    // Each drawn tie carries the papers behind it.
    const a0a1 = whole.graph.edges.find((e) => [e.source, e.target].sort().join() === 'a0,a1')!;
    expect(a0a1.attributes!.paperIds).toEqual(['p1']);
    expect(whole.trail.map((c) => targetToString(c.target))).toEqual(['map', 'group:0']);
  });

  it('a group above the split size opens on its sub-groups, and each sub-group on its members', async () => {
    const atlas = createAtlas(graphAtlasData(handMade()), { splitAbove: 4 });
    const subs = await atlas.level({ kind: 'group', group: 0 });
    expect(subs.graph.nodes.map((n) => (n.attributes as unknown as { members: number }).members)).toEqual([3, 3]);
    expect(subs.graph.edges.map((e) => e.attributes!.weight)).toEqual([0.5]);
    const first = await atlas.level({ kind: 'group', group: 0, sub: 0 });
    const second = await atlas.level({ kind: 'group', group: 0, sub: 1 });
    const sets = [first, second].map((l) => l.graph.nodes.map((n) => n.key).sort().join());
    expect(sets.sort()).toEqual(['a0,a1,a2', 'a3,a4,a5']);
    expect(first.trail).toHaveLength(3);
    await expect(atlas.level({ kind: 'group', group: 0, sub: 5 })).rejects.toThrow(/2 sub-groups/);
    await expect(atlas.level({ kind: 'group', group: 9 })).rejects.toThrow(/no group 9/);
  });

  it('ego networks: depth 1 is the author and collaborators, depth 2 adds theirs', async () => {
    const atlas = createAtlas(graphAtlasData(handMade()));
    const one = await atlas.level({ kind: 'ego', author: 'b0', depth: 1 });
    expect(one.graph.nodes.map((n) => n.key).sort()).toEqual(['a0', 'b0', 'b1', 'b2']);
    // Ties among the collaborators are drawn too (b1-b2), not only the author's.
    expect(one.graph.edges.map((e) => [e.source, e.target].sort().join()).sort()).toEqual([
      'a0,b0',
      'b0,b1',
      'b0,b2',
      'b1,b2',
    ]);
    expect(one.trail.map((c) => c.label)).toEqual(['Group map', 'B group', 'B0']);
    const two = await atlas.level({ kind: 'ego', author: 'b0', depth: 2 });
    expect(two.graph.nodes.map((n) => n.key).sort()).toEqual(['a0', 'a1', 'a2', 'b0', 'b1', 'b2', 'c0']);
    const limited = await createAtlas(graphAtlasData(handMade()), { egoNodes: 5 }).level({
      kind: 'ego',
      author: 'b0',
      depth: 2,
    });
    // Room for one more beyond b0's four: a1 pulls hardest (weight 3 to a0 plus 1 to b1).
    expect(limited.graph.nodes.map((n) => n.key).sort()).toEqual(['a0', 'a1', 'b0', 'b1', 'b2']);
    expect(limited.notes.join()).toMatch(/5 most strongly tied of 7/);
    // Papers of the view come with it, for the panel.
    expect((one.graph.attributes as { papers: { id: string }[] }).papers.map((p) => p.id).sort()).toEqual(['p4', 'p5']);
    await expect(atlas.level({ kind: 'ego', author: 'nobody', depth: 1 })).rejects.toThrow(/no author/);
  });

  it('a roster view holds the chosen authors and the ties among them', async () => {
    const level = await createAtlas(graphAtlasData(handMade())).rosterLevel(['a0', 'b0', 'c0', 'nobody']);
    expect(level.graph.nodes.map((n) => n.key).sort()).toEqual(['a0', 'b0', 'c0']);
    expect(level.graph.edges.map((e) => [e.source, e.target].sort().join())).toEqual(['a0,b0']);
    expect(level.trail.map((c) => targetToString(c.target))).toEqual(['map', 'roster']);
    expect(parseTarget('roster')).toBeUndefined();
  });

  it('search reaches every author of the whole graph', async () => {
    const hits = await createAtlas(graphAtlasData(handMade())).search('c0', 5);
    expect(hits.map((h) => [h.key, h.group])).toEqual([['c0', 2]]);
  });

  it('views are deterministic', async () => {
    const a = await createAtlas(graphAtlasData(handMade())).level({ kind: 'ego', author: 'b0', depth: 2 });
    const b = await createAtlas(graphAtlasData(handMade())).level({ kind: 'ego', author: 'b0', depth: 2 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('backbone links keep every group\'s strongest few before the strongest others', () => {
    const links = [
      { a: 'x', b: 'y', weight: 9 },
      { a: 'x', b: 'z', weight: 8 },
      { a: 'y', b: 'z', weight: 7 },
      { a: 'u', b: 'x', weight: 1 },
    ];
    expect(backboneLinks(links, 1, 2).map((l) => l.a + l.b)).toEqual(['xy', 'xz', 'ux']);
  });

  it('view names round-trip, and malformed ones are refused', () => {
    for (const t of ['map', 'group:3', 'group:3.1', 'ego:1:han-jiawei', 'ego:2:müller-jörg'])
      expect(targetToString(parseTarget(t)!)).toBe(t);
    for (const bad of [
      '',
      'maps',
      'group:',
      'group:-1',
      'group:1.2.3',
      'ego:3:x',
      'ego:1:',
      'ego:1:a\u0000b',
      `ego:1:${'x'.repeat(400)}`,
      'group:1e3',
    ]) {
      expect(parseTarget(bad), bad).toBeUndefined();
    }
  });
});
