// A view of authors (a group's members or an ego network): the strongest ties up to a cap, laid out, sized to the view.

import type { SerializedGraph } from 'graphology-types';
import type { GraphPaper } from '../graph/buildGraph';
import type { EdgeAttributes, NodeAttributes } from '../types';
import type { AuthorInfo, GroupInfo, TieInfo } from './data';
import { layoutLevel } from './layoutLevel';
import { strongestLinks } from './mapLevel';
import { scaledSize, sizeRange } from './sizes';
import { pushTo } from '../compact/listMap';

export interface MemberView { graph: SerializedGraph<NodeAttributes, EdgeAttributes>; shownTies: number }

/** Each tie's shared papers among those sent (sorted lists of paper positions, intersected). */
function sharedPapers(papers: GraphPaper[]): (a: string, b: string) => string[] {
  const of = new Map<string, number[]>();
  papers.forEach((p, i) => { for (const a of p.authors) pushTo(of, a, i); });
  return (a, b) => {
    const x = of.get(a) ?? []; const y = of.get(b) ?? [];
    const out: string[] = [];
    for (let i = 0, j = 0; i < x.length && j < y.length;) {
      if (x[i] === y[j]) { out.push(papers[x[i]!]!.id); i++; j++; } else if (x[i]! < y[j]!) i++; else j++;
    }
    return out;
  };
}

/**
 * Authors with their ties among themselves (strongest `cap` drawn), coloured by group and laid out by group (or by
 * `cluster` when given: a group's sub-groups).
 */
export function memberGraph(
  authors: AuthorInfo[], ties: TieInfo[], papers: GraphPaper[], groups: GroupInfo[], cap: number, seed: number,
  cluster?: (key: string) => number,
): MemberView {
  const inView = new Set(authors.map((a) => a.key));
  const drawn = strongestLinks(ties.filter((t) => inView.has(t.a) && inView.has(t.b)), cap);
  const local = new Map<number, number>();
  for (const a of [...authors].sort((x, y) => x.group - y.group)) {
    if (!local.has(a.group)) local.set(a.group, local.size);
  }
  const range = sizeRange(authors.length);
  const largest = authors.reduce((m, a) => Math.max(m, a.papers), 0);
  const clusters = authors.map((a) => ({ key: a.key, cluster: cluster ? cluster(a.key) : local.get(a.group)! }));
  const at = layoutLevel(clusters, drawn, seed);
  const shared = sharedPapers(papers);
  const counts = new Map<number, number>();
  for (const a of authors) counts.set(a.group, (counts.get(a.group) ?? 0) + 1);
  const communities = [...local].map(([g, id]) => ({
    id, size: counts.get(g)!, label: groups[g]?.label ?? `group ${g}`, group: g,
  }));

  return {
    shownTies: drawn.length,
    graph: {
      options: { type: 'undirected', multi: false, allowSelfLoops: false },
      attributes: { communities, papers },
      nodes: authors.map((a) => ({
        key: a.key,
        attributes: {
          label: a.label, papers: a.papers, community: local.get(a.group)!, color: groups[a.group]?.color ?? '#b4b4b4',
          aliases: a.aliases, size: scaledSize(a.papers, largest, range), ...at.get(a.key)!, group: a.group,
          ...(a.ids?.length ? { ids: a.ids } : {}), ...(a.suspect ? { suspect: true } : {}),
        } as NodeAttributes,
      })),
      edges: drawn.map((t, i) => ({
        key: `t${i}`, source: t.a, target: t.b, undirected: true,
        attributes: { weight: t.weight, papers: t.papers, paperIds: shared(t.a, t.b) },
      })),
    },
  };
}
