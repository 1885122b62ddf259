// Renders the data-quality report as plain text (terminal, and the explorer's "download report").

import type { Report } from './report';
import { formatYears } from './years';
import { thousands } from './thousands';

const clip = (xs: string[]) => `${xs.slice(0, 6).join(', ')}${xs.length > 6 ? ', …' : ''}`;

export function formatReport(r: Report): string {
  const out: string[] = [];
  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  out.push('coauthor-graph data-quality report', '');
  out.push(`Sources (${r.sources.length} files, ${r.records} records)`);
  const w = Math.max(4, ...r.sources.map((s) => s.file.length));
  out.push(`  ${pad('file', w)}  ${pad('format', 36)} records  with authors  truncated  issues`);
  for (const s of r.sources) {
    const counts = `${pad(s.records, 8)} ${pad(s.withAuthors, 13)} ${pad(s.truncated, 10)} ${s.issues}`;
    out.push(`  ${pad(s.file, w)}  ${pad(s.formatLabel, 36)} ${counts}`);
  }
  out.push('', r.years ? `Totals for the years ${formatYears(r.years)}` : 'Totals');
  if (r.years) {
    const y = r.years;
    out.push(`  papers outside the years      ${y.outside}`,
      `  papers without a year         ${y.withoutYear} (left out: no year to place them)`);
  }
  out.push(`  papers (after deduplication)  ${r.papers}`);
  out.push(`  papers with authors           ${r.papersWithAuthors}`);
  out.push(`  authors                       ${r.authors}`);
  out.push(`  ties (co-author pairs)        ${r.edges}`);
  const { error, warning, info } = r.issueCounts;
  out.push(`  issues                        ${error} errors, ${warning} warnings, ${info} notes`);
  out.push('', `Papers merged across sources (${r.paperMerges.length})`);
  for (const m of r.paperMerges) {
    out.push(`  ${m.paper}  "${m.title}"`);
    for (const e of m.evidence) out.push(`      ${e}`);
  }
  const forms = `${r.formOnlyMerges} authors seen both as "Last, First" and "First Last"`;
  out.push('', `Author merges (${r.merges.length}; plus ${forms})`);
  for (const m of r.merges) {
    out.push(`  ${m.label} [${m.author}] ← ${m.spellings.join(' | ')}`, `      ${m.rule}: ${m.evidence}`);
  }
  out.push('', `Repaired author lists (${r.repairs.length})`);
  for (const p of r.repairs) {
    out.push(`  ${p.file}:${p.line}  "${p.title}"`, `      ${p.message}: ${p.evidence}`);
    const some = (names: string[]) => `${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''}`;
    out.push(`      before: ${some(p.before)}`, `      after:  ${some(p.after)}`);
  }
  out.push('', `Suspect author lists, read as written (${r.suspectLists.length})`);
  for (const p of r.suspectLists) {
    out.push(`  ${p.file}:${p.line}  "${p.title}"`, `      ${p.message}: ${p.evidence}`);
    out.push(`      as written:    ${clip(p.before)}`, `      shifted would: ${clip(p.after)}`);
  }
  out.push('', `Names told apart by identifier (${r.identifierSplits.length})`);
  for (const s of r.identifierSplits) {
    const who = s.people.map((p) => `${p.id} (${p.ids.join(', ') || 'no identifier'})`);
    out.push(`  ${s.name}: ${who.join('; ')}`);

  }
  out.push('', `Look-alike names kept apart (${r.nearMisses.length})`);
  if (r.nearMissScan && !r.nearMissScan.complete) {
    const pairs = thousands(r.nearMissScan.pairs);
    out.push(`  (the scan stopped after ${pairs} candidate pairs; more look-alikes may exist)`);
  }
  for (const m of r.nearMisses) out.push(`  ${m.spellings.join(' / ')}: ${m.reason}`);
  if (r.skippedPapers.length || r.droppedTies) {
    out.push('', `Papers adding no ties (more than ${r.maxAuthors} authors): ${r.skippedPapers.length}`);
    for (const s of r.skippedPapers) out.push(`  ${s.id}  ${s.authors} authors  "${s.title}"`);
    if (r.droppedTies) out.push(`  ${r.droppedTies} weakest ties dropped to stay within graphology's edge limit`);
  }
  out.push('', `Issues (${r.issues.length})`);
  for (const i of r.issues) out.push(`  ${i.file}:${i.line}  ${i.severity}  ${i.code}  ${i.message}`);
  if (r.roster) out.push('', ...formatRoster(r.roster));
  return out.join('\n') + '\n';
}

const people = (xs: { label: string }[]) => xs.map((x) => x.label).join(', ');

function formatRoster(r: NonNullable<Report['roster']>): string[] {
  const n = r.network;
  const counts = `${r.matched.length} matched, ${r.ambiguous.length} ambiguous, ${r.unmatched.length} unmatched`;
  const out = [`Roster ${r.file}: ${counts}`];
  const at = (m: { line: number; name: string }) => `  ${r.file}:${m.line}  "${m.name}"`;
  for (const m of r.matched) if (m.how === 'initials') out.push(`${at(m)} matched by initials: ${m.author.label}`);
  for (const m of r.ambiguous) {
    out.push(`${at(m)} is ambiguous: ${m.candidates.map((c) => `${c.label} [${c.id}]`).join(', ')}`);
  }
  for (const m of r.unmatched) {
    out.push(`${at(m)} not found${m.suggestions.length ? ` (closest: ${m.suggestions.join(', ')})` : ''}`);
  }
  out.push(`  ${n.members} members, ${n.ties} ties among them, ${n.subgroups.length} sub-groups`);
  n.subgroups.forEach((g, i) => out.push(`  sub-group ${i + 1}: ${people(g)}`));
  if (n.isolated.length) out.push(`  no co-author in the roster: ${people(n.isolated)}`);
  if (n.shared.length) {
    out.push(`  outside collaborators they share: ${n.shared.map((s) => `${s.label} (${s.members})`).join(', ')}`);
  }
  if (n.bridges.length) {
    const b = n.bridges.map((x) =>
      `${x.label}${x.external ? ' (outside)' : ''} → ${x.subgroups} other sub-group${x.subgroups > 1 ? 's' : ''}`);

    out.push(`  bridges between sub-groups: ${b.join(', ')}`);
  }
  return out;
}
