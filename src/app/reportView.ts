// The data-quality report in the page: sources and their layouts, totals, merges, repairs and every issue with file:line.

import { formatYears } from '../corpus/years';
import type { Report } from '../corpus/report';
import { el } from './dom';

function table(head: string[], rows: (string | number)[][]): HTMLTableElement {
  return el('table', {}, el('thead', {}, el('tr', {}, ...head.map((h) => el('th', {}, h)))), el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c) => el('td', {}, String(c)))))));
}

function section(title: string, count: number, body: HTMLElement): HTMLElement {
  const d = el('details', { open: count > 0 && count <= 20 ? '' : undefined }, el('summary', {}, `${title} (${count})`), body);
  return d;
}

export function renderReport(root: HTMLElement, r: Report): void {
  root.replaceChildren(
    el('p', { class: 'totals' }, `${r.papers} papers (${r.papersWithAuthors} with authors) · ${r.authors} authors · ${r.edges} ties · ${r.records} records read · ${r.issueCounts.error} errors, ${r.issueCounts.warning} warnings, ${r.issueCounts.info} notes`),
    r.years ? el('p', { class: 'years-note' }, `Only the papers of ${formatYears(r.years)} make this graph: `
      + `${r.years.outside} papers from other years and ${r.years.withoutYear} papers without a year are left out.`) : '',
    table(['file', 'detected format', 'records', 'with authors', 'truncated', 'issues'], r.sources.map((s) => [s.file, s.formatLabel, s.records, s.withAuthors, s.truncated, s.issues])),
    section('Papers merged across sources', r.paperMerges.length, el('ul', {}, ...r.paperMerges.map((m) => el('li', {}, el('b', {}, m.title), el('ul', {}, ...m.evidence.map((e) => el('li', {}, e))))))),
    section('Author merges', r.merges.length, el('ul', {}, ...r.merges.map((m) => el('li', {}, el('b', {}, m.label), ` ← ${m.spellings.join(' | ')}`, el('div', { class: 'hint' }, `${m.rule}: ${m.evidence}`))))),
    section('Repaired author lists', r.repairs.length, el('ul', {}, ...r.repairs.map((p) => el('li', {}, el('b', {}, `${p.file}:${p.line} ${p.title}`), el('div', {}, `${p.message}: ${p.evidence}`), el('div', { class: 'hint' }, `before: ${p.before.slice(0, 8).join(', ')}…`), el('div', { class: 'hint' }, `after: ${p.after.slice(0, 8).join(', ')}…`))))),
    section('Suspect author lists (read as written)', r.suspectLists.length, el('ul', {}, ...r.suspectLists.map((p) =>
      el('li', {}, el('b', {}, `${p.file}:${p.line} ${p.title}`), el('div', {}, `${p.message}: ${p.evidence}`),
        el('div', { class: 'hint' }, `as written: ${p.before.slice(0, 8).join(', ')}…`))))),
    section('Names told apart by identifier', r.identifierSplits.length, el('ul', {}, ...r.identifierSplits.map((s) =>
      el('li', {}, el('b', {}, s.name), `: ${s.people.map((p) => `${p.id} (${p.ids.join(', ') || 'no identifier'})`).join('; ')}`)))),
    section('Look-alike names kept apart', r.nearMisses.length, el('div', {}, ...(r.nearMissScan && !r.nearMissScan.complete ? [el('div', { class: 'hint' }, `The scan stopped after ${r.nearMissScan.pairs.toLocaleString('en-US')} candidate pairs; more look-alikes may exist.`)] : []), el('ul', {}, ...r.nearMisses.map((m) => el('li', {}, `${m.spellings.join(' / ')}: ${m.reason}`))))),
    section(`Papers adding no ties (over ${r.maxAuthors} authors)`, r.skippedPapers.length, el('ul', {}, ...r.skippedPapers.map((s) => el('li', {}, `${s.title} (${s.authors} authors)`)))),
    section('Issues', r.issues.length, table(['where', 'severity', 'code', 'message'], r.issues.map((i) => [`${i.file}:${i.line}`, i.severity, i.code, i.message]))),
  );
}
