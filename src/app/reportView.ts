// The data-quality report in the page: sources, totals, merges, repairs and every issue with file:line.

import { formatYears } from '../corpus/years';
import type { Report } from '../corpus/report';
import type { Repair } from '../types';
import { el } from './dom';

function table(head: string[], rows: (string | number)[][]): HTMLTableElement {
  const body = rows.map((r) => el('tr', {}, ...r.map((c) => el('td', {}, String(c)))));
  return el('table', {}, el('thead', {}, el('tr', {}, ...head.map((h) => el('th', {}, h)))), el('tbody', {}, ...body));
}

function section(title: string, count: number, body: HTMLElement): HTMLElement {
  const open = count > 0 && count <= 20 ? '' : undefined;
  return el('details', { open }, el('summary', {}, `${title} (${count})`), body);
}

const list = <T>(items: T[], item: (x: T) => (HTMLElement | string)[]) =>
  el('ul', {}, ...items.map((x) => el('li', {}, ...item(x))));
const first8 = (xs: string[]) => `${xs.slice(0, 8).join(', ')}…`;

/** A repaired or suspect author list: where, what was decided and why, and the names (`hints`). */
const listCase = (p: Repair, hints: string[]) => [
  el('b', {}, `${p.file}:${p.line} ${p.title}`), el('div', {}, `${p.message}: ${p.evidence}`),
  ...hints.map((h) => el('div', { class: 'hint' }, h)),
];

export function renderReport(root: HTMLElement, r: Report): void {
  const c = r.issueCounts;
  const totals = `${r.papers} papers (${r.papersWithAuthors} with authors) · ${r.authors} authors · ${r.edges} ties · `
    + `${r.records} records read · ${c.error} errors, ${c.warning} warnings, ${c.info} notes`;
  const pairs = r.nearMissScan?.pairs.toLocaleString('en-US');
  const scan = r.nearMissScan && !r.nearMissScan.complete
    ? [el('div', { class: 'hint' }, `The scan stopped after ${pairs} candidate pairs; more look-alikes may exist.`)]
    : [];
  const people = (s: Report['identifierSplits'][number]) =>
    s.people.map((p) => `${p.id} (${p.ids.join(', ') || 'no identifier'})`).join('; ');
  const years = r.years && `Only the papers of ${formatYears(r.years)} make this graph: ${r.years.outside} papers `
    + `from other years and ${r.years.withoutYear} papers without a year are left out.`;
  const issueRows = r.issues.map((i) => [`${i.file}:${i.line}`, i.severity, i.code, i.message]);
  root.replaceChildren(
    el('p', { class: 'totals' }, totals),
    years ? el('p', { class: 'years-note' }, years) : '',
    table(['file', 'detected format', 'records', 'with authors', 'truncated', 'issues'],
      r.sources.map((s) => [s.file, s.formatLabel, s.records, s.withAuthors, s.truncated, s.issues])),
    section('Papers merged across sources', r.paperMerges.length,
      list(r.paperMerges, (m) => [el('b', {}, m.title), list(m.evidence, (e) => [e])])),
    section('Author merges', r.merges.length, list(r.merges, (m) => [
      el('b', {}, m.label), ` ← ${m.spellings.join(' | ')}`,
      el('div', { class: 'hint' }, `${m.rule}: ${m.evidence}`)])),

    section('Repaired author lists', r.repairs.length,
      list(r.repairs, (p) => listCase(p, [`before: ${first8(p.before)}`, `after: ${first8(p.after)}`]))),
    section('Suspect author lists (read as written)', r.suspectLists.length,
      list(r.suspectLists, (p) => listCase(p, [`as written: ${first8(p.before)}`]))),
    section('Names told apart by identifier', r.identifierSplits.length,
      list(r.identifierSplits, (s) => [el('b', {}, s.name), `: ${people(s)}`])),
    section('Look-alike names kept apart', r.nearMisses.length,
      el('div', {}, ...scan, list(r.nearMisses, (m) => [`${m.spellings.join(' / ')}: ${m.reason}`]))),
    section(`Papers adding no ties (over ${r.maxAuthors} authors)`, r.skippedPapers.length,
      list(r.skippedPapers, (s) => [`${s.title} (${s.authors} authors)`])),
    section('Issues', r.issues.length,
      table(['where', 'severity', 'code', 'message'], issueRows)),

  );
}
