// Overlays drawn through the reducers: colour by mean publication year (with its legend), size by betweenness.

import { el } from './dom';

// Viridis stops: ordered in lightness, readable by colour-blind readers, grey stays free for "no year".
const STOPS = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'];
export const NO_YEAR_COLOR = '#c4c4c4';

function mix(a: string, b: string, t: number): string {
  const pa = [1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16));
  const pb = [1, 3, 5].map((i) => parseInt(b.slice(i, i + 2), 16));
  return `#${pa.map((x, i) => Math.round(x + (pb[i]! - x) * t).toString(16).padStart(2, '0')).join('')}`;
}

/** The colour of a mean year within the span (early dark blue, late yellow). */
export function yearColor(year: number | undefined, span: [number, number] | undefined): string {
  if (year === undefined || !span) return NO_YEAR_COLOR;
  const t = span[1] > span[0] ? Math.min(1, Math.max(0, (year - span[0]) / (span[1] - span[0]))) : 1;
  const x = t * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  return mix(STOPS[i]!, STOPS[i + 1]!, x - i);
}

export function renderYearLegend(root: HTMLElement, span: [number, number] | undefined): void {
  if (!span) { root.replaceChildren(el('p', { class: 'hint' }, 'No paper has a year: nothing to colour by.')); return; }
  root.replaceChildren(
    el('p', { class: 'hint' }, 'Colour: mean year of each author’s papers'),
    el('div', { class: 'year-gradient', style: `background:linear-gradient(90deg,${STOPS.join(',')})` }),
    el('div', { class: 'year-axis hint' }, el('span', {}, String(span[0])), el('span', {}, String(span[1]))),
    el('p', { class: 'hint' },
      el('span', { class: 'swatch', style: `background:${NO_YEAR_COLOR}` }), ' no dated paper'));

}

/** Node size for a betweenness (0…max): brokers up to five times a quiet author's size. */
export function brokerSize(betweenness: number | undefined, max: number): number {
  return 3 + 15 * Math.sqrt((betweenness ?? 0) / (max || 1));
}
