// Louvain's raw communities as groups numbered by size, and their colours: apart from the louvain code, so that the
// groups worker loads only what it runs (graphology-communities-louvain is not among it).

import { int32s } from '../compact/uncounted';
import { communityPalette } from './palette';

/** Groups numbered by size (ties: first member in node order): each member's group and each group's size. */
export interface NumberedGroups { group: Int32Array; sizes: number[] }
/** Numbered groups with their colours. */
export interface ColoredGroups extends NumberedGroups { colors: string[] }

export function numberGroups(order: number, raw: Int32Array): NumberedGroups {
  const first = new Map<number, { size: number; first: number }>();
  for (let i = 0; i < order; i++) {
    const c = first.get(raw[i]!);
    if (c) c.size++; else first.set(raw[i]!, { size: 1, first: i });
  }
  const ordered = [...first].sort((a, b) => b[1].size - a[1].size || a[1].first - b[1].first);
  const idOf = new Map(ordered.map(([c], id) => [c, id]));
  const group = int32s(order);
  for (let i = 0; i < order; i++) group[i] = idOf.get(raw[i]!)!;
  return { group, sizes: ordered.map(([, v]) => v.size) };
}

/** The groups' colours, picked once their number is known (iwanthue: about 60 ms for 20 colours). */
export function colorGroups(numbered: NumberedGroups, seed: number): ColoredGroups {
  return { ...numbered, colors: communityPalette(numbered.sizes.length, seed) };
}
