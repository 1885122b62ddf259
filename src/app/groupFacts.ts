// What a group's panel shows, gathered from the graph: its years, the bridges out of it and its main brokers.

import type { CoauthorGraph } from '../graph/buildGraph';
import { groupBridges } from '../graph/brokers';
import type { GraphFacts } from './graphFacts';
import type { GroupFacts } from './questionPanels';

/** Bridges listed at most (the strongest first), and brokers named. */
const MAX_BRIDGES = 500;
const MAX_BROKERS = 5;

export function groupFactsOf(
  graph: CoauthorGraph, facts: GraphFacts, c: { id: number; size: number; label: string },
): GroupFacts {
  const group = new Int32Array(graph.order);
  facts.keys.forEach((k, i) => { group[i] = graph.getNodeAttribute(k, 'community'); });
  const comms = (graph.getAttribute('communities') as { id: number; label: string }[] | undefined) ?? [];
  const label = (k: string) => graph.getNodeAttribute(k, 'label');
  const bridges = groupBridges(facts.index, group, c.id, MAX_BRIDGES).map((b) => ({
    ...b, key: facts.keys[b.author]!, label: label(facts.keys[b.author]!),
    toLabel: comms[b.toGroup]?.label ?? `group ${b.toGroup}`,
  }));
  const brokers = graph.filterNodes((_n, a) => a.community === c.id)
    .map((k) => ({ key: k, label: label(k), betweenness: graph.getNodeAttribute(k, 'betweenness') ?? 0 }))
    .sort((x, y) => y.betweenness - x.betweenness || (x.label < y.label ? -1 : 1)).slice(0, MAX_BROKERS);
  const member = graph.findNode((_n, a) => a.community === c.id);
  return {
    id: c.id, label: c.label, size: c.size, color: member ? graph.getNodeAttribute(member, 'color') : '#999',
    ...facts.groupYears(c.id), bridges, brokers,
  };
}
