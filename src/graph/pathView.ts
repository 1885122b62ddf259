// A collaboration-distance answer as people read it: the chains of co-authors with the papers behind every hop,
// as text and as JSON (the `path` contract), from any source of names and tie papers (memory or a store).

import type { PaperBrief } from '../corpus/authorView';
import type { PathOptions, TieIndex } from './paths';
import { pathDefaults, shortestChains, strongestChain } from './paths';
import { thousands } from '../corpus/thousands';

export interface PathPerson { id: string; label: string }
export interface PathHop { from: PathPerson; to: PathPerson; papers: PaperBrief[] }
export interface PathChain { authors: PathPerson[]; hops: PathHop[] }

export interface PathView {
  from: PathPerson;
  to: PathPerson;
  /** Hops on a shortest chain; null when none was found. */
  distance: number | null;
  /** How many shortest chains there are. */
  chains: number;
  /** The first few of them (strongest hops first). */
  shown: PathChain[];
  /** With --strongest: the chain whose hops share the most papers (cost = sum of 1 / shared papers). */
  strongest?: PathChain & { cost: number };
  /** Why there is no chain: the two are not connected, or the search stopped at its bound. */
  note?: string;
}

/** Names and shared papers of authors by index; async so a store can answer. */
export interface PathSource {
  person: (a: number) => Promise<PathPerson>;
  hopPapers: (a: number, b: number) => Promise<PaperBrief[]>;
}

export interface PathViewOptions extends PathOptions { strongest: boolean }

const newestFirst = (x: PaperBrief, y: PaperBrief) => (y.year ?? 0) - (x.year ?? 0) || (x.title < y.title ? -1 : 1);

async function chainOf(authors: number[], source: PathSource): Promise<PathChain> {
  const people = await Promise.all(authors.map((a) => source.person(a)));
  const hops: PathHop[] = [];
  for (let i = 0; i + 1 < authors.length; i++) {
    const papers = (await source.hopPapers(authors[i]!, authors[i + 1]!)).sort(newestFirst);
    hops.push({ from: people[i]!, to: people[i + 1]!, papers });
  }
  return { authors: people, hops };
}

export async function pathView(
  index: TieIndex, from: number, to: number, source: PathSource, options: Partial<PathViewOptions> = {},
): Promise<PathView> {
  const opts = { ...pathDefaults, strongest: false, ...options };
  const view: PathView = {
    from: await source.person(from), to: await source.person(to), distance: null, chains: 0, shown: [],
  };
  const answer = shortestChains(index, from, to, opts);
  if ('unreachable' in answer) {
    view.note = `no chain of co-authors connects ${view.from.label} and ${view.to.label} `
      + `(${thousands(answer.visited)} authors reachable from the nearer one)`;
    return view;
  }
  if ('gaveUp' in answer) {
    view.note = `the search stopped after reaching ${thousands(answer.visited)} authors without a chain`;
    return view;
  }
  view.distance = answer.found.distance;
  view.chains = answer.found.count;
  for (const c of answer.found.chains) view.shown.push(await chainOf(c, source));
  if (opts.strongest) {
    const strong = strongestChain(index, from, to, opts);
    if ('found' in strong) {
      view.strongest = { ...(await chainOf(strong.found.chain, source)), cost: round(strong.found.cost) };
    }

  }
  return view;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function pathJson(v: PathView): string {
  return JSON.stringify(v, null, 2) + '\n';
}

const plural = (n: number, word: string) => `${thousands(n)} ${word}${n === 1 ? '' : 's'}`;

function chainLines(title: string, c: PathChain, maxPapers: number): string[] {
  const out = [title + c.authors.map((a) => a.label).join(' → ')];
  for (const h of c.hops) {
    out.push(`  ${h.from.label} — ${h.to.label} (${plural(h.papers.length, 'shared paper')})`);
    for (const p of h.papers.slice(0, maxPapers)) out.push(`      ${p.year ?? '    '}  ${p.title}`);
    if (h.papers.length > maxPapers) out.push(`      … and ${h.papers.length - maxPapers} more`);
  }
  return out;
}

export function formatPath(v: PathView, maxPapers = 3): string {
  const head = `Collaboration distance from ${v.from.label} to ${v.to.label}`;
  if (v.distance === null) return `${head}: none\n  ${v.note}\n`;
  const count = v.chains > Number.MAX_SAFE_INTEGER ? v.chains.toExponential(3) : plural(v.chains, 'shortest chain');
  const out = [`${head}: ${v.distance} (${count}${v.chains > v.shown.length ? `, ${v.shown.length} shown` : ''})`];
  v.shown.forEach((c, i) => out.push('', ...chainLines(`Chain ${i + 1}: `, c, maxPapers)));
  if (v.strongest) {
    const hops = plural(v.strongest.hops.length, 'hop');
    out.push('', ...chainLines(`Strongest chain (${hops}, cost ${v.strongest.cost} = sum of 1/shared papers): `,
      v.strongest, maxPapers));
  }
  return out.join('\n') + '\n';
}
