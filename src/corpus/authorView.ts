// One author's papers and collaborators as the CLI prints them, from an in-memory corpus or from a store.

import type { Author, Corpus } from '../types';
import { collaboratorsOf } from './findAuthor';

export interface PaperBrief {
  id: string; title: string; year?: number; arxivId?: string; doi?: string; complete: boolean; suspect?: boolean;
  sources: string[];
}

export interface AuthorView {
  id: string;
  label: string;
  aliases: string[];
  /** Identifiers the sources gave (absent when none). */
  ids?: string[];
  community: number;
  papers: PaperBrief[];
  /** Strongest first (shared papers), then by name; ids of the shared papers. */
  collaborators: { id: string; label: string; papers: number; paperIds: string[] }[];
}

const listNote = (x: PaperBrief): string =>
  (x.suspect ? '  (author list looks mis-paired)' : '') + (x.complete ? '' : '  (author list incomplete)');

export function paperBrief(p: PaperBrief): PaperBrief {
  const { id, title, year, arxivId, doi, complete, sources } = p;
  return { id, title, year, arxivId, doi, complete, ...(p.suspect ? { suspect: true } : {}), sources };
}

export function authorView(corpus: Corpus, a: Author, community: number): AuthorView {
  return {
    id: a.id, label: a.label, aliases: a.aliases, ...(a.ids?.length ? { ids: a.ids } : {}), community,
    papers: a.papers.map((p) => paperBrief(corpus.papers[p]!)),
    collaborators: collaboratorsOf(corpus, a).map((c) => ({
      id: c.author.id, label: c.author.label, papers: c.papers.length,
      paperIds: c.papers.map((p) => corpus.papers[p]!.id),

    })),
  };
}

/** The author as JSON text (the `author --json` contract). */
export function authorJson(v: AuthorView): string {
  return JSON.stringify(v, null, 2) + '\n';
}

/** The author as plain text: papers, then collaborators strongest first with the shared papers. */
export function formatAuthor(v: AuthorView): string {
  const title = new Map(v.papers.map((p) => [p.id, p.title]));
  const out: string[] = [`${v.label}  [${v.id}]  community ${v.community}`, `  spellings: ${v.aliases.join(' | ')}`];
  if (v.ids?.length) out.push(`  identifiers: ${v.ids.join(' | ')}`);
  if (v.papers.length && v.papers.every((p) => p.suspect)) {
    out.push('  known only from author lists that look mis-paired: this may not be a real person (see the report)');
  }
  out.push('', `Papers (${v.papers.length})`);
  for (const x of v.papers) {
    out.push(`  ${x.year ?? '    '}  ${x.title}${x.arxivId ? `  arXiv:${x.arxivId}` : ''}${listNote(x)}`);
  }
  out.push('', `Collaborators (${v.collaborators.length}), strongest first`);
  for (const c of v.collaborators) {
    out.push(`  ${String(c.papers).padStart(3)}  ${c.label}`);
    for (const id of c.paperIds) out.push(`         - ${title.get(id)}`);
  }
  return out.join('\n') + '\n';
}
