// Sub-groups of a large group: Louvain on the ties inside it (seeded), numbered by size, each named by its centre.

import type { TieArrays } from '../graph/groups';
import { numberGroups } from '../graph/groupNumbers';
import { groupCenters, louvainOnArrays } from '../graph/groups';
import type { AuthorInfo, TieInfo } from './data';

export interface Subgroups {
  /** Sub-group of each member key. */
  of: Map<string, number>;
  sizes: number[];
  /** Most central member of each sub-group. */
  centers: AuthorInfo[];
}

export function subgroups(
  members: AuthorInfo[], ties: TieInfo[], options: { resolution: number; seed: number },
): Subgroups {

  const index = new Map(members.map((m, i) => [m.key, i]));
  const inside = ties.filter((t) => index.has(t.a) && index.has(t.b));
  const arrays: TieArrays = {
    order: members.length, count: inside.length,
    source: Int32Array.from(inside, (t) => index.get(t.a)!), target: Int32Array.from(inside, (t) => index.get(t.b)!),
    weight: Float64Array.from(inside, (t) => t.weight),
  };
  const { membership } = louvainOnArrays(arrays, options);
  const { group, sizes } = numberGroups(members.length, membership);
  const centers = groupCenters(arrays, group, sizes.length);
  const of = new Map(members.map((m, i) => [m.key, group[i]!]));
  return { of, sizes, centers: [...centers].map((c) => members[c]!) };
}
