// The explorer's view state (focus, hover, filters, settings), kept apart from graph data, and its URL form.

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
}

export const viewDefaults: ViewState = { minWeight: 0, minPapers: 1, hiddenCommunities: new Set(), ego: 0, weighting: 'fractional', resolution: 1 };

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
  return s;
}
