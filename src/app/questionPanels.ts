// Panels for the research questions: the chain between two people, a group (papers per year, bridges, brokers),
// a roster, and the small pieces the author panel adds (broker measures, "path to…").

import type { Bridge } from '../graph/brokers';
import type { PathChain, PathView } from '../graph/pathView';
import type { RosterNetwork } from '../graph/rosterNetwork';
import type { RosterMatches } from '../corpus/roster';
import { el } from './dom';
import type { AuthorHit } from '../atlas/data';
import { pushTo } from '../compact/listMap';

export interface QuestionActions {
  focusAuthor: (key: string) => void;
  selectTie: (a: string, b: string) => void;
  close: () => void;
}

const closeButton = (actions: QuestionActions) => {
  const b = el('button', { class: 'close', 'aria-label': 'close panel' }, '×');
  b.addEventListener('click', actions.close);
  return b;
};

const personLink = (id: string, label: string, actions: QuestionActions) => {
  const b = el('button', { class: 'link', 'data-author': id }, label);
  b.addEventListener('click', () => actions.focusAuthor(id));
  return b;
};

const pct = (x: number) => `${Math.round(x * 100)}%`;
/** Only a plain hex colour reaches a style attribute. */
const safeColor = (c: string) => (/^#[0-9a-f]{6}$/i.test(c) ? c : '#999');

/** "Betweenness 0.012 (rank 5 of 325) · 40% of co-authors in other groups". */
export function brokerLine(
  betweenness: number | undefined, rank: number, order: number, outside: number | undefined,
): HTMLElement {
  if (betweenness === undefined) return el('span');
  const title = 'betweenness: share of shortest chains between other people that pass through this author';
  return el('p', { class: 'broker', title },
    `Betweenness ${betweenness.toPrecision(2)} (rank ${rank} of ${order})`,
    outside !== undefined ? ` · ${pct(outside)} of co-authors in other groups` : '');
}

/** An input with suggestions that asks for the chain from the focused author to the one chosen. */
export function pathPicker(search: (q: string) => AuthorHit[], choose: (key: string) => void): HTMLElement {
  const input = el('input', {
    type: 'search', id: 'path-to', placeholder: 'Collaboration distance to… (name)', autocomplete: 'off',
  }) as HTMLInputElement;
  const list = el('ul', { class: 'path-suggestions', role: 'listbox' });
  list.hidden = true;
  let hits: AuthorHit[] = [];
  input.addEventListener('input', () => {
    hits = search(input.value).slice(0, 6);
    list.replaceChildren(...hits.map((h) => {
      const li = el('li', { role: 'option', 'data-key': h.key }, h.label);
      li.addEventListener('mousedown', (e) => { e.preventDefault(); list.hidden = true; choose(h.key); });
      return li;
    }));
    list.hidden = !hits.length;
  });
  input.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || !hits[0]) return;
    e.preventDefault(); list.hidden = true; choose(hits[0].key);
  });
  return el('div', { class: 'path-picker' }, input, list);
}

function chainBlock(title: string, c: PathChain, actions: QuestionActions): HTMLElement {
  const hops = c.hops.map((h) => {
    const shared = el('button', { class: 'count', title: 'show the shared papers' }, `${h.papers.length} shared`);
    shared.addEventListener('click', () => actions.selectTie(h.from.id, h.to.id));
    return el('li', { class: 'hop' },
      personLink(h.from.id, h.from.label, actions), ' — ', personLink(h.to.id, h.to.label, actions), ' ', shared,
      el('ul', { class: 'hop-papers' }, ...h.papers.slice(0, 3).map((p) => el('li', {}, `${p.year ?? ''} ${p.title}`))),
      h.papers.length > 3 ? el('div', { class: 'hint' }, `… and ${h.papers.length - 3} more`) : '');
  });
  return el('div', { class: 'chain' }, el('h3', {}, title), el('ol', { class: 'hops' }, ...hops));
}

export function renderPathPanel(root: HTMLElement, v: PathView, actions: QuestionActions): void {
  const head = el('h2', { id: 'panel-name' }, `${v.from.label} → ${v.to.label}`);
  if (v.distance === null) {
    root.replaceChildren(closeButton(actions), head, el('p', { class: 'path-none' }, v.note ?? 'no chain'));
    root.hidden = false;
    return;
  }
  const count = v.chains === 1 ? '1 shortest chain' : `${v.chains.toLocaleString('en-US')} shortest chains`;
  const shown = v.chains > v.shown.length ? `, ${v.shown.length} shown` : '';
  const blocks = v.shown.map((c, i) => chainBlock(`Chain ${i + 1}`, c, actions));
  if (v.strongest) {
    blocks.push(chainBlock(`Strongest chain (cost ${v.strongest.cost}, sum of 1/shared papers)`, v.strongest, actions));
  }
  root.replaceChildren(closeButton(actions), head,
    el('p', { class: 'path-distance' }, `Collaboration distance ${v.distance} · ${count}${shown}`),
    ...blocks);
  root.hidden = false;
}

/** Papers per year as small bars; papers without a year counted apart. */
function yearChart(perYear: Map<number, number>, undated: number): HTMLElement {
  const years = [...perYear.keys()].sort((a, b) => a - b);
  const first = years[0]; const last = years[years.length - 1];
  if (first === undefined || last === undefined) {
    return el('p', { class: 'hint' }, `No dated papers${undated ? ` (${undated} without a year)` : ''}.`);
  }
  const max = Math.max(...perYear.values());
  const bars = [];
  for (let y = first; y <= last; y++) {
    const n = perYear.get(y) ?? 0;
    bars.push(el('div', { class: 'year-bar', title: `${y}: ${n} paper${n === 1 ? '' : 's'}`, 'data-year': String(y) },
      el('span', { class: 'fill', style: `height:${Math.round((n / max) * 100)}%` })));
  }
  return el('div', {},
    el('div', { class: 'year-chart', role: 'img', 'aria-label': 'papers per year' }, ...bars),
    el('div', { class: 'year-axis hint' }, el('span', {}, String(first)), el('span', {}, String(last))),
    undated ? el('p', { class: 'hint' }, `${undated} paper${undated === 1 ? '' : 's'} without a year`) : '');
}

export interface GroupFacts {
  id: number; label: string; size: number; color: string;
  perYear: Map<number, number>; undated: number;
  bridges: (Bridge & { key: string; label: string; toLabel: string })[];
  brokers: { key: string; label: string; betweenness: number }[];
}

/** Bridges gathered by the group they lead to, the group with the most ties first. */
function bridgesByGroup(bridges: GroupFacts['bridges']): [string, GroupFacts['bridges']][] {
  const by = new Map<string, GroupFacts['bridges']>();
  for (const b of bridges) pushTo(by, b.toLabel, b);
  const total = (l: GroupFacts['bridges']) => l.reduce((s, b) => s + b.ties, 0);
  return [...by].sort((x, y) => total(y[1]) - total(x[1]) || (x[0] < y[0] ? -1 : 1));
}

export function renderGroupPanel(root: HTMLElement, g: GroupFacts, actions: QuestionActions): void {
  const bridges = bridgesByGroup(g.bridges).map(([to, list]) => el('li', {}, el('b', {}, `→ ${to}: `),
    ...list.slice(0, 4).flatMap((b, i) => [i ? ', ' : '', personLink(b.key, b.label, actions), ` (${b.ties})`]),
    list.length > 4 ? ` and ${list.length - 4} more` : ''));
  const brokers = g.brokers.map((b) =>
    el('li', {}, personLink(b.key, b.label, actions), ` ${b.betweenness.toPrecision(2)}`));
  root.replaceChildren(closeButton(actions),
    el('h2', { id: 'panel-name' }, g.label),
    el('div', { class: 'community-chip' }, el('span', { class: 'swatch', style: `background:${safeColor(g.color)}` }),
      `group ${g.id} · ${g.size} members`),
    el('h3', {}, 'Papers per year'), yearChart(g.perYear, g.undated),
    el('h3', {}, `Bridges to other groups (${bridges.length})`),
    el('ul', { class: 'bridges' }, ...bridges),
    el('h3', {}, 'Brokers (highest betweenness)'),
    el('ol', { class: 'brokers' }, ...brokers));
  root.hidden = false;
}

export function renderRosterPanel(
  root: HTMLElement, m: RosterMatches, n: RosterNetwork, actions: QuestionActions,
): void {
  const people = (xs: { id: string; label: string }[]) =>
    xs.flatMap((x, i) => [i ? ', ' : '', personLink(x.id, x.label, actions)]);
  const matched = `${m.matched.length} matched, ${m.ambiguous.length} ambiguous, ${m.unmatched.length} unmatched`;
  const shared = n.shared.map((s) => el('li', {}, personLink(s.id, s.label, actions), ` · ${s.members} members`));
  root.replaceChildren(closeButton(actions),
    el('h2', { id: 'panel-name' }, 'Roster'),
    el('p', { class: 'roster-summary' }, `${matched} · ${n.members} members, ${n.ties} ties among them`),
    m.ambiguous.length ? el('div', {}, el('h3', {}, 'Ambiguous names'), el('ul', { class: 'roster-ambiguous' },
      ...m.ambiguous.map((a) => el('li', {}, `“${a.name}” (line ${a.line}): `, ...people(a.candidates))))) : '',
    m.unmatched.length ? el('div', {}, el('h3', {}, 'Not found'), el('ul', { class: 'roster-unmatched' },
      ...m.unmatched.map((u) => el('li', {}, `“${u.name}” (line ${u.line})`,
        u.suggestions.length ? el('span', { class: 'hint' }, ` closest: ${u.suggestions.join(', ')}`) : '')))) : '',
    el('h3', {}, `Sub-groups (${n.subgroups.length})`),
    el('ol', { class: 'roster-subgroups' }, ...n.subgroups.map((g) => el('li', {}, ...people(g)))),
    n.isolated.length ? el('p', { class: 'hint' }, 'No co-author in the roster: ', ...people(n.isolated)) : '',
    el('h3', {}, `Outside collaborators they share (${n.shared.length})`),
    el('ol', { class: 'roster-shared' }, ...shared),

    el('h3', {}, `Bridges between sub-groups (${n.bridges.length})`),
    el('ol', { class: 'roster-bridges' }, ...n.bridges.map((b) => el('li', {}, personLink(b.id, b.label, actions),
      `${b.external ? ' (outside)' : ''} → ${b.subgroups} other sub-group${b.subgroups === 1 ? '' : 's'}`))));
  root.hidden = false;
}
