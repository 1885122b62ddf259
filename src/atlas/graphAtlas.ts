// The group map's questions answered from an in-memory graph (the explorer's worker holds the whole dropped corpus).

import type { CoauthorGraph, GraphPaper } from '../graph/buildGraph';
import { buildSearch } from '../app/search';
import type { AtlasData, AuthorInfo, GroupInfo, GroupLink, TieInfo } from './data';
import { pushTo } from '../compact/listMap';

export function graphAtlasData(graph: CoauthorGraph): AtlasData {
  const byGroup = new Map<number, string[]>();
  graph.forEachNode((k, a) => pushTo(byGroup, a.community, k));
  const info = (k: string): AuthorInfo => {
    const a = graph.getNodeAttributes(k);
    return {
      key: k, label: a.label, papers: a.papers, group: a.community, aliases: a.aliases,
      ...(a.ids ? { ids: a.ids } : {}), ...(a.suspect ? { suspect: true } : {}),
    };
  };
  const tie = (s: string, t: string, w: number, p: number): TieInfo => ({ a: s, b: t, weight: w, papers: p });
  let papersOf: Map<string, number[]> | undefined;
  let search: ReturnType<typeof buildSearch> | undefined;
  const allPapers = () => (graph.getAttribute('papers') as GraphPaper[] | undefined) ?? [];
  return {
    async groups(): Promise<GroupInfo[]> {
      // A graph saved by another tool may name no groups: its nodes' groups are counted, each named by its first
      // member.
      const comms = (graph.getAttribute('communities') as { id: number; size: number; label: string }[] | undefined)
        ?? [...byGroup].sort((a, b) => a[0] - b[0])
          .map(([id, keys]) => ({ id, size: keys.length, label: graph.getNodeAttribute(keys[0]!, 'label') }));
      return comms.map((c) => {
        const first = byGroup.get(c.id)?.[0];
        const color = first ? graph.getNodeAttribute(first, 'color') : '#b4b4b4';
        return { id: c.id, size: c.size, label: c.label, color };
      });
    },
    async links(): Promise<GroupLink[]> {
      const sums = new Map<number, GroupLink>();
      const groups = byGroup.size + 1;
      graph.forEachEdge((_e, a, s, t, sa, ta) => {
        if (sa.community === ta.community) return;
        const [x, y] = sa.community < ta.community ? [sa.community, ta.community] : [ta.community, sa.community];
        const id = x * groups + y;
        const l = sums.get(id) ?? { a: x, b: y, weight: 0, ties: 0 };
        l.weight += a.weight; l.ties++;
        sums.set(id, l);
      });
      return [...sums.values()];
    },
    async members(group) { return (byGroup.get(group) ?? []).map(info); },
    async tiesWithin(group) {
      const out: TieInfo[] = [];
      for (const k of byGroup.get(group) ?? []) {
        graph.forEachEdge(k, (_e, a, s, t, sa, ta) => {
          if (s === k && sa.community === ta.community) out.push(tie(s, t, a.weight, a.papers));
        });
      }
      return out;
    },
    async tiesOf(keys) {
      const out: TieInfo[] = [];
      for (const k of keys) {
        if (graph.hasNode(k)) graph.forEachEdge(k, (_e, a, s, t) => out.push(tie(s, t, a.weight, a.papers)));
      }

      return out;
    },
    async authors(keys) { return keys.filter((k) => graph.hasNode(k)).map(info); },
    async papers(keys, limit) {
      const papers = allPapers();
      if (!papersOf) {
        papersOf = new Map();
        const of = papersOf;
        papers.forEach((p, i) => { for (const a of p.authors) pushTo(of, a, i); });
      }
      const chosen = new Set<number>();
      for (const k of keys) for (const i of papersOf.get(k) ?? []) chosen.add(i);
      return [...chosen].sort((x, y) => (papers[y]!.year ?? 0) - (papers[x]!.year ?? 0) || x - y).slice(0, limit)
        .sort((x, y) => x - y).map((i) => papers[i]!);
    },
    async search(query, limit) {
      search ??= buildSearch(graph);
      return search(query, limit);
    },
  };
}
