// What one screen of a big graph shows (the group map, a group, an ego network), and the text form of each view.

import type { SerializedGraph } from 'graphology-types';
import type { EdgeAttributes, NodeAttributes } from '../types';

/** A view of a big graph: the map of groups, one group (or one of its sub-groups), or an author's ego network. */
export type AtlasTarget =
  | { kind: 'map' }
  | { kind: 'group'; group: number; sub?: number }
  | { kind: 'ego'; author: string; depth: 1 | 2 }
  /** A roster's members and the collaborators they share (made from pasted names: not kept in URLs). */
  | { kind: 'roster' };

export interface Crumb { label: string; target: AtlasTarget }

/** A node of a map level stands for a group: which one, and how many authors it holds. */
export interface GroupNodeAttributes extends NodeAttributes { members: number; opens: string }

export interface AtlasLevel {
  target: AtlasTarget;
  title: string;
  /** Breadcrumbs from the map down to this view (this view last). */
  trail: Crumb[];
  graph: SerializedGraph<NodeAttributes, EdgeAttributes>;
  /** Ties drawn, ties the view has in all, and the cap that chose the strongest (0 when none was cut). */
  ties: { shown: number; total: number; cap: number };
  /** Nodes drawn and nodes the view has in all (a map shows the largest groups; an ego network its strongest ties). */
  nodes: { shown: number; total: number };
  /** What the view leaves out and how to reach it. */
  notes: string[];
}

export interface AtlasOptions {
  /** Groups drawn on the map (the largest); search reaches everyone else. */
  mapGroups: number;
  /** Links drawn on a map: each group's strongest few, then the strongest others up to `mapLinks`. */
  mapLinks: number;
  mapLinksPerGroup: number;
  /** A group with more members opens as a map of its sub-groups. */
  splitAbove: number;
  /** Ties drawn in a group or ego view before "show more". */
  tieCap: number;
  /** The largest cap "show more" reaches. */
  maxTieCap: number;
  /** Authors drawn in a depth-2 ego network (the most strongly tied). */
  egoNodes: number;
  /** Papers sent with a view for its panels. */
  papers: number;
  resolution: number;
  seed: number;
}

export const atlasDefaults: AtlasOptions = {
  mapGroups: 300, mapLinks: 1200, mapLinksPerGroup: 3, splitAbove: 1500, tieCap: 3000, maxTieCap: 100_000,
  egoNodes: 1500, papers: 20_000, resolution: 1, seed: 42,

};

/** Above this many authors a graph opens on its group map instead of whole. */
export const ATLAS_MIN_AUTHORS = 3000;

export function targetToString(t: AtlasTarget): string {
  if (t.kind === 'map' || t.kind === 'roster') return t.kind;
  if (t.kind === 'group') return `group:${t.group}${t.sub === undefined ? '' : `.${t.sub}`}`;
  return `ego:${t.depth}:${t.author}`;
}

/** Reads a view's text form; undefined for anything malformed (URLs and API parameters are untrusted). */
export function parseTarget(text: string): AtlasTarget | undefined {
  if (text === 'map') return { kind: 'map' };
  const g = /^group:(\d{1,9})(?:\.(\d{1,9}))?$/.exec(text);
  if (g) return { kind: 'group', group: Number(g[1]), ...(g[2] !== undefined ? { sub: Number(g[2]) } : {}) };
  const e = /^ego:([12]):(.{1,300})$/s.exec(text);
  if (e && isAuthorKey(e[2]!)) return { kind: 'ego', author: e[2]!, depth: Number(e[1]) as 1 | 2 };
  return undefined;
}

/** Author keys are short printable text: no control characters. */
export function isAuthorKey(key: string): boolean {
  return key.length > 0 && key.length <= 300 && !/[\u0000-\u001f\u007f]/.test(key);
}

export function sameTarget(a: AtlasTarget, b: AtlasTarget): boolean {
  return targetToString(a) === targetToString(b);
}
