// A roster's network in the co-authorship graph: ties among its members, its sub-groups (Louvain on the members'
// own ties), the outside collaborators two or more members share, and who bridges the sub-groups.

import type { CoauthorGraph } from './buildGraph';
import { numberGroups } from './groupNumbers';
import { louvainOnArrays } from './groups';

export interface RosterPerson { id: string; label: string }

export interface RosterNetwork {
  members: number;
  /** Ties between two members. */
  ties: number;
  /** Members without a tie to another member. */
  isolated: RosterPerson[];
  /** Sub-groups of the members' own network (two or more members each), largest first. */
  subgroups: RosterPerson[][];
  /** Outside collaborators of two or more members, most members first. */
  shared: (RosterPerson & { members: number })[];
  /** People tied to members of two or more sub-groups: members first, then shared outside collaborators. */
  bridges: (RosterPerson & { subgroups: number; external: boolean })[];
}

export interface RosterNetworkOptions { resolution: number; seed: number; maxListed: number }
export const rosterNetworkDefaults: RosterNetworkOptions = { resolution: 1, seed: 42, maxListed: 25 };

export function rosterNetwork(
  graph: CoauthorGraph, memberKeys: string[], options: Partial<RosterNetworkOptions> = {},
): { network: RosterNetwork; subgroupOf: Map<string, number>; shared: Set<string> } {
  const opts = { ...rosterNetworkDefaults, ...options };
  const members = [...new Set(memberKeys)].filter((k) => graph.hasNode(k)).sort();
  const position = new Map(members.map((k, i) => [k, i]));
  const person = (k: string): RosterPerson => ({ id: k, label: graph.getNodeAttribute(k, 'label') });
  const source: number[] = []; const target: number[] = []; const weight: number[] = [];
  const outsideMembers = new Map<string, Set<string>>();
  for (const m of members) {
    graph.forEachEdge(m, (_e, attr, s, t) => {
      const other = s === m ? t : s;
      const j = position.get(other);
      if (j === undefined) {
        const set = outsideMembers.get(other) ?? new Set<string>();
        set.add(m); outsideMembers.set(other, set);
      } else if (position.get(m)! < j) { source.push(position.get(m)!); target.push(j); weight.push(attr.weight); }
    });
  }
  const arrays = {
    order: members.length, count: source.length, source: Int32Array.from(source), target: Int32Array.from(target),
    weight: Float64Array.from(weight),
  };
  const { membership } = louvainOnArrays(arrays, opts);
  const { group, sizes } = numberGroups(members.length, membership);
  const subgroupOf = new Map(members.map((k, i) => [k, group[i]!]));
  const degree = new Int32Array(members.length);
  for (let t = 0; t < source.length; t++) { degree[source[t]!]!++; degree[target[t]!]!++; }
  const subgroups = sizes.map((size, g) => (size > 1 ? members.filter((_, i) => group[i] === g).map(person) : []))
    .filter((l) => l.length > 1);
  const shared = [...outsideMembers].filter(([, s]) => s.size >= 2)
    .map(([k, s]) => ({ ...person(k), members: s.size }))
    .sort((a, b) => b.members - a.members || (a.label < b.label ? -1 : 1));
  // A bridge reaches members of sub-groups other than its own (an outside collaborator has none of its own).
  const reach = (k: string, own: number | undefined): number => {
    const groups = new Set<number>();
    graph.forEachNeighbor(k, (n) => {
      const g = subgroupOf.get(n);
      if (g !== undefined && g !== own && sizes[g]! > 1) groups.add(g);
    });
    return groups.size;
  };
  const inside = members.map((k) => ({ ...person(k), subgroups: reach(k, subgroupOf.get(k)), external: false }));
  const outside = shared.map((s) => ({ id: s.id, label: s.label, subgroups: reach(s.id, undefined), external: true }));
  const bridges = [...inside.filter((b) => b.subgroups >= 1), ...outside.filter((b) => b.subgroups >= 2)]
    .sort((a, b) => Number(a.external) - Number(b.external) || b.subgroups - a.subgroups
      || (a.label < b.label ? -1 : 1));


  const network: RosterNetwork = {
    members: members.length, ties: source.length,
    isolated: members.filter((_, i) => degree[i] === 0).map(person),
    subgroups, shared: shared.slice(0, opts.maxListed), bridges: bridges.slice(0, opts.maxListed),
  };
  return { network, subgroupOf, shared: new Set(shared.map((s) => s.id)) };
}
