// The community legend: colour, label and size of each group; a click shows or hides the group, › opens its panel.

import { TAIL_COLOR } from '../graph/palette';
import { el } from './dom';

export interface LegendEntry { id: number; size: number; label: string; color: string }

const SHOWN = 20;

export function renderLegend(
  root: HTMLElement, entries: LegendEntry[], hidden: Set<number>, toggle: (id: number) => void,
  open: (id: number) => void, singlesNote = (n: number) => `${n} author${n === 1 ? '' : 's'} without co-authors`,
): void {
  const groups = entries.filter((e) => e.size > 1);
  const singles = entries.length - groups.length;
  const list = el('ul', { class: 'legend' });
  for (const e of groups.slice(0, SHOWN)) {
    const off = hidden.has(e.id);
    const item = el('button', {
      class: `legend-item${off ? ' off' : ''}`, 'data-community': String(e.id), 'aria-pressed': String(!off),
      title: off ? 'show this group' : 'hide this group',
    },
      el('span', { class: 'swatch', style: `background:${/^#[0-9a-f]{6}$/i.test(e.color) ? e.color : TAIL_COLOR}` }),
      el('span', { class: 'legend-label' }, e.label),
      el('span', { class: 'legend-size' }, String(e.size)));
    item.addEventListener('click', () => toggle(e.id));
    const details = el('button', {
      class: 'legend-open', 'data-group': String(e.id), title: 'this group: papers per year, bridges, brokers',
    }, '›');

    details.addEventListener('click', () => open(e.id));
    list.append(el('li', { class: 'legend-row' }, item, details));
  }
  const more = groups.length > SHOWN
    ? el('p', { class: 'hint' }, `${groups.length - SHOWN} smaller groups in grey`) : null;

  const solo = singles ? el('p', { class: 'hint' }, singlesNote(singles)) : null;
  root.replaceChildren(list, more ?? '', solo ?? '');
}
