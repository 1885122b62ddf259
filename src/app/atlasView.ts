// The group map in the page: where views come from (the worker or a served store), breadcrumbs, notes, "show more".

import type { AuthorHit } from '../atlas/data';
import type { AtlasLevel, AtlasTarget } from '../atlas/level';
import { targetToString } from '../atlas/level';
import type { Report } from '../corpus/report';
import { el } from './dom';

export interface AtlasClient {
  level(target: AtlasTarget, cap?: number): Promise<AtlasLevel>;
  search(query: string, limit: number): Promise<AuthorHit[]>;
}

/** What `serve` says about its store (GET /api/info). */
export interface StoreInfo { store: string; authors: number; papers: number; ties: number; groups: number }

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  const body = await res.json().catch(() => ({ error: `${res.status} ${res.statusText}` })) as T & { error?: string };
  if (!res.ok) throw new Error(body.error ?? `${res.status} ${res.statusText}`);
  return body;
}

/** The served store's API, or undefined when the page was not opened by `serve`. */
export interface StoreClient extends AtlasClient {
  info: StoreInfo;
  report(): Promise<{ report: Report; text: string }>;
}

export async function storeClient(onWait?: () => void): Promise<StoreClient | undefined> {
  let info: StoreInfo | undefined;
  // A server still preparing its store answers 503: wait for it (about 15 s for millions of papers).
  for (let wait = 0; !info; wait++) {
    try {
      const res = await fetch('api/info');
      if (res.status === 503 && wait < 300) { onWait?.(); await new Promise((r) => setTimeout(r, 1000)); continue; }
      if (!res.ok || !(res.headers.get('content-type') ?? '').includes('application/json')) return undefined;
      info = await res.json() as StoreInfo;
    } catch { return undefined; }
  }
  return {
    info,
    level: (target, cap) => getJson<AtlasLevel>(`api/view?${new URLSearchParams({
      target: targetToString(target), ...(cap ? { ties: String(cap) } : {}),
    })}`),
    search: async (query, limit) => {
      const params = new URLSearchParams({ q: query, limit: String(limit) });
      return (await getJson<{ hits: AuthorHit[] }>(`api/search?${params}`)).hits;
    },
    report: () => getJson<{ report: Report; text: string }>('api/report'),
  };
}

const n = (x: number) => x.toLocaleString('en-US');

/** A map view: its nodes are groups (a click opens one). */
export function isGroupView(level: AtlasLevel): boolean {
  return level.graph.nodes.some((x) => !!x.attributes && 'opens' in x.attributes);
}

/** The sidebar summary of a view. */
export function describeLevel(level: AtlasLevel, shownNodes: number, shownEdges: number): string {
  const papers = ((level.graph.attributes as { papers?: unknown[] } | undefined)?.papers ?? []).length;
  return isGroupView(level)
    ? `${n(shownNodes)} groups and ${n(shownEdges)} links shown · click a group to open it`
    : `${n(shownNodes)} authors and ${n(shownEdges)} ties shown · ${n(papers)} papers`;
}

/** Breadcrumbs, what the view leaves out, and "show more ties" when a cap cut some. */
export function renderAtlasBar(
  root: HTMLElement, level: AtlasLevel, open: (target: AtlasTarget, cap?: number) => void,
): void {
  const crumbs = el('nav', { class: 'crumbs', 'aria-label': 'where you are' });
  level.trail.forEach((c, i) => {
    if (i) crumbs.append(el('span', { class: 'crumb-sep' }, '›'));
    const last = i === level.trail.length - 1;
    const item = last ? el('span', { class: 'crumb current', 'aria-current': 'page' }, c.label)
      : el('button', { class: 'crumb link', 'data-target': targetToString(c.target) }, c.label);
    if (!last) item.addEventListener('click', () => open(c.target));
    crumbs.append(item);
  });
  const groups = isGroupView(level);
  const ties = groups ? 'links between groups' : 'ties';
  const { nodes, ties: drawn } = level;
  const shown = `${n(nodes.shown)}${nodes.shown < nodes.total ? ` of ${n(nodes.total)}` : ''}`;
  const strongest = drawn.cap
    ? `the ${n(drawn.shown)} strongest of ${n(drawn.total)} ${ties}` : `${n(drawn.total)} ${ties}`;
  const facts = el('span', { class: 'level-facts' },
    `${level.title} · ${shown} ${groups ? 'groups' : 'authors'} · ${strongest}`);

  const parts: (HTMLElement | string)[] = [crumbs, facts];
  if (level.ties.cap && level.target.kind !== 'map') {
    const label = `Show more ties (up to ${n(level.ties.cap * 4)})`;
    const more = el('button', { id: 'show-more-ties', type: 'button' }, label);

    more.addEventListener('click', () => open(level.target, level.ties.cap * 4));
    parts.push(more);
  }
  for (const note of level.notes) parts.push(el('span', { class: 'level-note' }, note));
  root.replaceChildren(...parts);
  root.hidden = false;
}
