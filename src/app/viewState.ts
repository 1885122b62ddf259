// The explorer's view state (focus, hover, filters, settings), kept apart from graph data, and its URL form.

import { atlasDefaults, parseTarget } from '../atlas/level';
import type { Weighting } from '../types';

export interface ViewState {
  /** Focused author (node key). */
  author?: string;
  /** Selected tie: the two node keys. */
  tie?: [string, string];
  hovered?: string;
  minWeight: number;
  minPapers: number;
  /** Communities hidden through the legend. */
  hiddenCommunities: Set<number>;
  /** Ego network depth around the focused author; 0 shows everything. */
  ego: 0 | 1 | 2;
  weighting: Weighting;
  resolution: number;
  /** With `author`: the other end of a collaboration-distance question. */
  pathTo?: string;
  /** Only the papers of these years make the graph (the worker rebuilds it). */
  years?: [number, number];
  /** Node colours: research groups, or the mean year of the author's papers. */
  colorBy: 'group' | 'year';
  /** Node sizes: papers, or betweenness (brokers stand out). */
  sizeBy: 'papers' | 'betweenness';
  /** A research group whose panel is open. */
  group?: number;
  /** A roster shown: its members, the outside collaborators they share, members' sub-groups (not in the URL). */
  roster?: { members: Set<string>; shared: Set<string> };
  /** On a big graph's group map: the view shown (`group:3`, `group:3.1`, `ego:1:KEY`; absent: the map). */
  view?: string;
  /** Ties drawn in that view, when "show more" raised the cap. */
  ties?: number;
}

export const viewDefaults: ViewState = {
  minWeight: 0, minPapers: 1, hiddenCommunities: new Set(), ego: 0, weighting: 'fractional', resolution: 1,
  colorBy: 'group', sizeBy: 'papers',
};

export function initialState(): ViewState {
  return { ...viewDefaults, hiddenCommunities: new Set() };
}

/** Serializes the shareable part of the state (not hover) into a URL hash. */
export function stateToHash(s: ViewState): string {
  const p = new URLSearchParams();
  if (s.author) p.set('author', s.author);
  if (s.tie) p.set('tie', s.tie.join('|'));
  if (s.minWeight !== viewDefaults.minWeight) p.set('minWeight', String(s.minWeight));
  if (s.minPapers !== viewDefaults.minPapers) p.set('minPapers', String(s.minPapers));
  if (s.hiddenCommunities.size) p.set('hide', [...s.hiddenCommunities].sort((a, b) => a - b).join(','));
  if (s.ego) p.set('ego', String(s.ego));
  if (s.weighting !== viewDefaults.weighting) p.set('weighting', s.weighting);
  if (s.resolution !== viewDefaults.resolution) p.set('resolution', String(s.resolution));
  if (s.pathTo) p.set('path', s.pathTo);
  if (s.years) p.set('years', s.years.join('-'));
  if (s.colorBy !== viewDefaults.colorBy) p.set('color', s.colorBy);
  if (s.sizeBy !== viewDefaults.sizeBy) p.set('size', s.sizeBy);
  if (s.group !== undefined) p.set('group', String(s.group));
  if (s.view) p.set('view', s.view);
  if (s.ties) p.set('ties', String(s.ties));
  const text = p.toString();
  return text ? `#${text}` : '';
}

const num = (v: string | null, fallback: number, min: number, max: number): number => {
  const n = v === null ? NaN : Number(v);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
};

/** Reads a URL hash back into state; unknown or malformed values fall back to defaults. */
export function hashToState(hash: string): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const s = initialState();
  const author = p.get('author');
  if (author) s.author = author;
  const tie = p.get('tie')?.split('|');
  if (tie && tie.length === 2 && tie[0] && tie[1]) s.tie = [tie[0], tie[1]];
  s.minWeight = num(p.get('minWeight'), 0, 0, 1e6);
  s.minPapers = num(p.get('minPapers'), 1, 1, 1e6);
  s.hiddenCommunities = new Set((p.get('hide') ?? '').split(',').filter((x) => /^\d+$/.test(x)).map(Number));
  const ego = num(p.get('ego'), 0, 0, 2);
  s.ego = (ego === 1 || ego === 2 ? ego : 0);
  s.weighting = p.get('weighting') === 'count' ? 'count' : 'fractional';
  s.resolution = num(p.get('resolution'), 1, 0.05, 20);
  const pathTo = p.get('path');
  if (pathTo && s.author) s.pathTo = pathTo;
  const years = /^(\d{4})-(\d{4})$/.exec(p.get('years') ?? '');
  if (years && Number(years[1]) <= Number(years[2])) s.years = [Number(years[1]), Number(years[2])];
  if (p.get('color') === 'year') s.colorBy = 'year';
  if (p.get('size') === 'betweenness') s.sizeBy = 'betweenness';
  const group = p.get('group');
  if (group && /^\d+$/.test(group)) s.group = Number(group);
  const view = p.get('view');
  if (view && parseTarget(view)) s.view = view;
  const ties = num(p.get('ties'), 0, 0, atlasDefaults.maxTieCap);
  if (ties) s.ties = Math.floor(ties);
  return s;
}
