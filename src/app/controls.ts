// Sidebar controls and the search box: each input writes the view state and asks for a refresh.

import type { AuthorHit } from '../atlas/data';
import type { Explorer } from './explorer';
import { byId, el } from './dom';
import type { ViewState } from './viewState';

export interface ControlHooks {
  explorer: () => Explorer | undefined;
  state: ViewState;
  /** Weighting or resolution changed: communities must be recomputed in the worker. */
  recompute: () => void;
  /** The year range changed: the worker rebuilds the graph from those papers. */
  rebuildYears: () => void;
  /** A roster to match (its text, and where it came from). */
  roster: (name: string, text: string) => void;
  clearRoster: () => void;
  /** Author suggestions (the whole graph's, even when a view shows part of it), and what choosing one does. */
  findAuthors: (query: string) => Promise<AuthorHit[]>;
  chooseAuthor: (hit: AuthorHit) => void;
}

function setRange(id: string, value: number, max?: number): void {
  const input = byId<HTMLInputElement>(id);
  if (max !== undefined) input.max = String(max);
  input.value = String(value);
  byId(`${id}-value`).textContent = String(Number(value.toFixed(3)));
}

/** Puts the state's values into the inputs (after a load or a URL change). */
export function syncControls(state: ViewState, maxWeight: number, maxPapers: number): void {
  setRange('min-weight', state.minWeight, Math.max(1, Math.ceil(maxWeight)));
  byId<HTMLInputElement>('min-weight').step = maxWeight <= 3 ? '0.05' : '1';
  setRange('min-papers', state.minPapers, Math.max(2, maxPapers));
  byId<HTMLSelectElement>('ego').value = String(state.ego);
  byId<HTMLSelectElement>('weighting').value = state.weighting;
  setRange('resolution', state.resolution);
  byId<HTMLSelectElement>('color-by').value = state.colorBy;
  byId<HTMLSelectElement>('size-by').value = state.sizeBy;
  byId('roster-clear').hidden = !state.roster;
}

/** The year sliders' ends (the whole corpus's years) and positions (the state's range, or all years). */
export function syncYears(state: ViewState, span: [number, number] | undefined): void {
  byId('years-section').hidden = !span;
  if (!span) return;
  for (const id of ['year-from', 'year-to']) {
    const input = byId<HTMLInputElement>(id);
    input.min = String(span[0]); input.max = String(span[1]);
  }
  setRange('year-from', state.years?.[0] ?? span[0]);
  setRange('year-to', state.years?.[1] ?? span[1]);
}

export function wireControls(h: ControlHooks): void {
  const refresh = () => h.explorer()?.refresh();
  // Each control writes one field of the state, shows its value, and refreshes the view or recomputes the groups.
  const on = (id: string, event: 'input' | 'change', apply: (value: string) => void, then: () => void) => {
    byId<HTMLInputElement>(id).addEventListener(event, (e) => { apply((e.target as HTMLInputElement).value); then(); });
  };
  const show = (id: string, value: number) => { byId(`${id}-value`).textContent = String(value); };
  on('min-weight', 'input', (v) => { h.state.minWeight = Number(v); show('min-weight', h.state.minWeight); }, refresh);
  on('min-papers', 'input', (v) => { h.state.minPapers = Number(v); show('min-papers', h.state.minPapers); }, refresh);
  on('ego', 'change', (v) => { h.state.ego = Number(v) as ViewState['ego']; }, refresh);
  on('weighting', 'change', (v) => { h.state.weighting = v === 'fractional' ? 'fractional' : 'count'; }, h.recompute);
  const setResolution = (v: string) => { h.state.resolution = Number(v); show('resolution', h.state.resolution); };
  on('resolution', 'change', setResolution, h.recompute);
  on('resolution', 'input', (v) => { byId('resolution-value').textContent = v; }, () => undefined);
  on('color-by', 'change', (v) => { h.state.colorBy = v === 'year' ? 'year' : 'group'; }, refresh);
  on('size-by', 'change', (v) => { h.state.sizeBy = v === 'betweenness' ? 'betweenness' : 'papers'; }, refresh);
  wireYears(h);
  wireRoster(h);
  wireSearch(h);
}

function wireYears(h: ControlHooks): void {
  const from = byId<HTMLInputElement>('year-from'); const to = byId<HTMLInputElement>('year-to');
  const show = () => {
    byId('year-from-value').textContent = from.value;
    byId('year-to-value').textContent = to.value;
  };
  const apply = (moved: HTMLInputElement) => {
    // The two ends never cross: the one moved pushes the other.
    if (Number(from.value) > Number(to.value)) (moved === from ? to : from).value = moved.value;
    show();
    const all = from.value === from.min && to.value === to.max;
    h.state.years = all ? undefined : [Number(from.value), Number(to.value)];
    h.rebuildYears();
  };
  for (const input of [from, to]) {
    input.addEventListener('input', show);
    input.addEventListener('change', () => apply(input));
  }
  byId('years-all').addEventListener('click', () => { from.value = from.min; to.value = to.max; apply(from); });
}

function wireRoster(h: ControlHooks): void {
  const dialog = byId<HTMLDialogElement>('roster-dialog');
  const text = byId<HTMLTextAreaElement>('roster-text');
  let name = 'roster';
  byId('roster-open').addEventListener('click', () => dialog.showModal());
  byId<HTMLInputElement>('roster-file').addEventListener('change', async (e) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    name = file.name; text.value = await file.text();
  });
  text.addEventListener('input', () => { name = 'roster'; });
  byId('roster-show').addEventListener('click', () => { dialog.close(); h.roster(name, text.value); });
  byId('roster-clear').addEventListener('click', () => h.clearRoster());
}

/** Suggestions not back by then say they are coming. */
const SEARCHING_AFTER_MS = 250;

function wireSearch(h: ControlHooks): void {
  const input = byId<HTMLInputElement>('search');
  const list = byId<HTMLUListElement>('suggestions');
  let hits: AuthorHit[] = [];
  let active = -1;
  let asked = 0;
  const choose = (hit: AuthorHit) => {
    list.hidden = true;
    input.value = hit.label;
    h.chooseAuthor(hit);
  };
  const render = async () => {
    const query = input.value;
    const ask = ++asked;
    let found: AuthorHit[] = [];
    // A slow answer (a server that has just started makes its name index after the map) is said to be coming.
    const slow = setTimeout(() => {
      if (ask !== asked || !input.value.trim() || document.activeElement !== input) return;
      list.replaceChildren(el('li', { class: 'matched' }, 'Searching…'));
      list.hidden = false;
    }, SEARCHING_AFTER_MS);
    try { found = query.trim() ? await h.findAuthors(query) : []; } catch { found = []; }
    clearTimeout(slow);
    if (ask !== asked) return; // a later keystroke has its own answer
    hits = found;
    active = found.length ? 0 : -1;
    list.replaceChildren(...found.map((f, i) => {
      const papers = `${f.papers} paper${f.papers === 1 ? '' : 's'}`;
      const note = f.near ? `closest name · ${papers}` : f.matched ? `as “${f.matched}” · ${f.papers} papers` : papers;

      const li = el('li', { role: 'option', 'aria-selected': String(i === active), 'data-key': f.key },
        el('span', {}, f.label), el('span', { class: 'matched' }, note));
      li.addEventListener('mousedown', (e) => { e.preventDefault(); choose(f); });
      return li;
    }));
    if (input.value.trim() && !found.length) list.replaceChildren(el('li', { class: 'matched' }, 'No author matches'));
    list.hidden = !input.value.trim();
  };
  input.addEventListener('input', () => void render());
  input.addEventListener('focus', () => { if (input.value.trim()) void render(); });
  input.addEventListener('blur', () => { list.hidden = true; });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!hits.length) return;
      active = (active + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (hits[active]) choose(hits[active]!);
    } else if (e.key === 'Escape') list.hidden = true;
  });
}
