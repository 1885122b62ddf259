// Sidebar controls and the search box: each input writes the view state and asks for a refresh.

import type { Explorer } from './explorer';
import { byId, el } from './dom';
import type { ViewState } from './viewState';

export interface ControlHooks {
  explorer: () => Explorer | undefined;
  state: ViewState;
  /** Weighting or resolution changed: communities must be recomputed in the worker. */
  recompute: () => void;
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
}

export function wireControls(h: ControlHooks): void {
  const refresh = () => h.explorer()?.refresh();
  byId<HTMLInputElement>('min-weight').addEventListener('input', (e) => { h.state.minWeight = Number((e.target as HTMLInputElement).value); byId('min-weight-value').textContent = String(h.state.minWeight); refresh(); });
  byId<HTMLInputElement>('min-papers').addEventListener('input', (e) => { h.state.minPapers = Number((e.target as HTMLInputElement).value); byId('min-papers-value').textContent = String(h.state.minPapers); refresh(); });
  byId<HTMLSelectElement>('ego').addEventListener('change', (e) => { h.state.ego = Number((e.target as HTMLSelectElement).value) as ViewState['ego']; refresh(); });
  byId<HTMLSelectElement>('weighting').addEventListener('change', (e) => { h.state.weighting = (e.target as HTMLSelectElement).value === 'fractional' ? 'fractional' : 'count'; h.recompute(); });
  byId<HTMLInputElement>('resolution').addEventListener('change', (e) => { h.state.resolution = Number((e.target as HTMLInputElement).value); byId('resolution-value').textContent = String(h.state.resolution); h.recompute(); });
  byId<HTMLInputElement>('resolution').addEventListener('input', (e) => { byId('resolution-value').textContent = (e.target as HTMLInputElement).value; });
  wireSearch(h);
}

function wireSearch(h: ControlHooks): void {
  const input = byId<HTMLInputElement>('search');
  const list = byId<HTMLUListElement>('suggestions');
  let hits: { key: string }[] = [];
  let active = -1;
  const choose = (key: string) => { list.hidden = true; input.value = h.explorer()?.graph.getNodeAttribute(key, 'label') ?? ''; h.explorer()?.focusAuthor(key, true); };
  const render = () => {
    const ex = h.explorer();
    const found = ex ? ex.search(input.value) : [];
    hits = found;
    active = found.length ? 0 : -1;
    list.replaceChildren(...found.map((f, i) => {
      const li = el('li', { role: 'option', 'aria-selected': String(i === active), 'data-key': f.key }, el('span', {}, f.label), el('span', { class: 'matched' }, f.matched ? `as “${f.matched}” · ${f.papers} papers` : `${f.papers} paper${f.papers === 1 ? '' : 's'}`));
      li.addEventListener('mousedown', (e) => { e.preventDefault(); choose(f.key); });
      return li;
    }));
    if (input.value.trim() && !found.length) list.replaceChildren(el('li', { class: 'matched' }, 'No author matches'));
    list.hidden = !input.value.trim();
  };
  input.addEventListener('input', render);
  input.addEventListener('focus', () => { if (input.value.trim()) render(); });
  input.addEventListener('blur', () => { list.hidden = true; });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!hits.length) return;
      active = (active + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (hits[active]) choose(hits[active]!.key);
    } else if (e.key === 'Escape') list.hidden = true;
  });
}
