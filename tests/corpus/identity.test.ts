// Identity rules on small corpora built for the purpose: merges need evidence, never two names of one paper,
// aliases override.
import { describe, expect, it } from 'vitest';
import { parseAliases } from '../../src/corpus/aliases';
import { resolveCorpus } from '../../src/corpus/resolve';
import type { PaperRecord, ParseResult } from '../../src/types';

let line = 0;
function rec(file: string, title: string, authors: string[], extra: Partial<PaperRecord> = {}): PaperRecord {
  return {
    file, line: ++line, format: 'csv', title, authors, truncated: false, categories: [], organisations: [], ...extra,
  };
}
const source = (file: string, records: PaperRecord[]): ParseResult => ({ file, format: 'csv', records, issues: [] });
const labels = (c: ReturnType<typeof resolveCorpus>) => c.authors.map((a) => a.label).sort();

describe('author identity', () => {
  it('merges accents, case, hyphens and order of writing by key', () => {
    const c = resolveCorpus([
      source('a', [
        rec('a', 'P1', ['José García', 'Heung-Yeung Shum']),
        rec('a', 'P2', ['GARCIA, Jose', 'Shum, Heung Yeung']),
      ]),
    ]);
    expect(labels(c)).toEqual(['Heung-Yeung Shum', 'José García']);
  });
  it('never merges two spellings that appear on one paper', () => {
    const c = resolveCorpus([
      source('a', [
        rec('a', 'P1', ['Li Wei', 'Wei Li', 'Ann Lee']),
        rec('a', 'P2', ['Li Wei', 'Ann Lee', 'Bo Chen']),
        rec('a', 'P3', ['Wei Li', 'Ann Lee', 'Bo Chen']),
      ]),
    ]);
    expect(labels(c)).toEqual(['Ann Lee', 'Bo Chen', 'Li Wei', 'Wei Li']);
  });
  it('merges a reversed spelling only with shared co-authors', () => {
    const shared = resolveCorpus([
      source('a', [
        rec('a', 'P1', ['Nie Hao', 'Ann Lee', 'Bo Chen']),
        rec('a', 'P2', ['Hao Nie', 'Ann Lee', 'Bo Chen']),
      ]),
    ]);
    expect(shared.authors).toHaveLength(3);
    expect(shared.authors.find((a) => a.aliases.includes('Nie Hao'))!.aliases).toEqual(['Hao Nie', 'Nie Hao']);
    expect(shared.authorMerges[0]).toMatchObject({ rule: 'reversed-order' });
    const strangers = resolveCorpus([
      source('a', [rec('a', 'P1', ['Nie Hao', 'Ann Lee']), rec('a', 'P2', ['Hao Nie', 'Bo Chen'])]),
    ]);
    expect(strangers.authors).toHaveLength(4);
  });
  it('merges initials into the one compatible full name that shares a co-author', () => {
    const c = resolveCorpus([
      source('a', [
        rec('a', 'P1', ['Labanski, A.', 'Kim, S.']),
        rec('a', 'P2', ['Anna Labanski', 'Kim, S.']),
        rec('a', 'P3', ['Anna Labanski', 'Oscar Wilde']),
      ]),
    ]);
    expect(labels(c)).toEqual(['Anna Labanski', 'Oscar Wilde', 'S. Kim']);
    expect(c.authorMerges[0]).toMatchObject({ rule: 'initials', spellings: ['A. Labanski', 'Anna Labanski'] });
    const ambiguous = resolveCorpus([
      source('a', [
        rec('a', 'P1', ['Labanski, A.', 'Kim, S.']),
        rec('a', 'P2', ['Anna Labanski', 'Kim, S.']),
        rec('a', 'P3', ['Adam Labanski', 'Kim, S.']),
      ]),
    ]);
    expect(labels(ambiguous)).toEqual(['A. Labanski', 'Adam Labanski', 'Anna Labanski', 'S. Kim']);
  });
  it('gives each author a distinct id: the name, else the name with its identifier, else a number', () => {
    const c = resolveCorpus([source('a', [
      rec('a', 'P1', ['Ann Lee', 'Bo Chen'], { authorIds: ['0000-0001-0000-0001', ''] }),
      rec('a', 'P2', ['Ann Lee', 'Cy Dee'], { authorIds: ['0000-0001-0000-0002', ''] }),
      rec('a', 'P3', ['Ann Lee', 'Ed Fox']),
      rec('a', 'P4', ['Ann Lee 0002', 'Gil Hu']),
    ])]);
    const ids = c.authors.filter((a) => a.label === 'Ann Lee').map((a) => a.id);
    expect(ids).toEqual(['lee-ann', 'lee-ann-0000-0001-0000-0002', 'lee-ann-2', 'lee-ann-0002']);
  });
  it('counts a name listed twice on one paper once', () => {
    const c = resolveCorpus([source('a', [rec('a', 'P1', ['Ann Lee', 'Lee, Ann', 'Bo Chen'])])]);
    expect(c.papers[0]!.authors).toHaveLength(2);
    expect(c.issues).toContainEqual(expect.objectContaining({ code: 'duplicate-author' }));
  });
  it('lets an aliases file force and forbid merges', () => {
    const records = [
      rec('a', 'P1', ['Changxin Miao', 'Ann Lee']),
      rec('a', 'P2', ['Changxing Miao', 'Ann Lee']),
      rec('a', 'P3', ['Nie Hao', 'Ann Lee', 'Bo Chen']),
      rec('a', 'P4', ['Hao Nie', 'Ann Lee', 'Bo Chen']),
    ];
    const rules = parseAliases(
      'aliases.txt',
      '# ours\nChangxin Miao = Changxing Miao\nHao Nie != Nie Hao\nnonsense line\n',
    );
    const c = resolveCorpus([source('a', records)], { aliases: rules });
    expect(c.authors).toHaveLength(5);
    expect(labels(c)).toEqual(expect.arrayContaining(['Ann Lee', 'Bo Chen', 'Hao Nie', 'Nie Hao']));
    expect(c.authors.find((a) => a.family === 'Miao')!.aliases).toEqual(['Changxin Miao', 'Changxing Miao']);
    expect(c.authorMerges).toEqual([expect.objectContaining({ rule: 'alias-file' })]);
    expect(c.issues).toContainEqual(expect.objectContaining({ code: 'alias-syntax', file: 'aliases.txt', line: 4 }));
  });
  it('drops markers, teams and placeholders from the people and flags truncation', () => {
    const c = resolveCorpus([
      source('a', [rec('a', 'P1', ['Ann Lee', 'The CMS Collaboration', 'Anonymous', 'et al.'])]),
    ]);
    expect(labels(c)).toEqual(['Ann Lee']);
    expect(c.papers[0]).toMatchObject({ complete: false, organisations: ['The CMS Collaboration'] });
  });
});

describe('list repair', () => {
  it('does not re-pair a list just because shifted pairings are common names elsewhere', () => {
    // Every given × family combination exists somewhere, but the shifted names never appear together on a paper.
    const givens = ['Wei', 'Li', 'Min', 'Jun', 'Hui', 'Yan'];
    const families = ['Zhang', 'Wang', 'Chen', 'Liu', 'Yang', 'Zhao'];
    const others = givens.flatMap((g, i) =>
      families
        .filter((_, j) => j !== (i + 3) % 6)
        .map((f, j) => rec('grid', `Solo ${i}-${j}`, [`${g} ${f}`, `Pat Other${i}${j}`])),
    );
    const list = rec('x', 'Target', givens.map((g, i) => `${g} ${families[(i + 3) % 6]}`));
    const c = resolveCorpus([source('grid', others), source('x', [list])]);
    expect(c.repairs).toEqual([]);
    // The same list does get re-paired when the shifted names are a team that publishes together.
    const team = rec('team', 'Team paper', givens.map((g, i) => `${g} ${families[(i + 4) % 6]}`));
    const repaired = resolveCorpus([source('grid', others), source('team', [team]), source('x', [list])]);
    expect(repaired.repairs).toHaveLength(1);
    expect(repaired.repairs[0]!.message).toBe('author list re-paired (shift +1)');
  });
});

describe('list repair on short lists, weighed pairwise', () => {
  // A five-person team; no other paper lists more than two of them together.
  const team = [
    rec('t', 'T1', ['Ann Lee', 'Bo Chen', 'Zoe Park']), rec('t', 'T2', ['Cy Dee', 'Di Fox', 'Ed Gray']),
    rec('t', 'T3', ['Ed Gray', 'Ann Lee']), rec('t', 'T4', ['Bo Chen', 'Cy Dee']),
  ];
  // Three real people who have never worked together.
  const strangers = [
    rec('s', 'S1', ['Fay Hill', 'Pat One']),
    rec('s', 'S2', ['Gus Ivy', 'Pat Two']),
    rec('s', 'S3', ['Hal Jay', 'Pat Three']),
  ];
  // A correct list of people the corpus knows: nothing to repair.
  const known = [rec('k', 'K1', ['Kim Ng', 'Lu Orr']), rec('k', 'K2', ['Mo Poe', 'Nat Quin', 'Oz Roe'])];
  const run = () => resolveCorpus([
    source('t', team), source('s', strangers), source('k', known),
    source('x', [
      rec('x', 'Damaged team paper', ['Ann Lab:', 'Bo Lee', 'Cy Chen', 'Di Dee', 'Ed Fox']),
      rec('x', 'Damaged strangers paper', ['Fay Lab:', 'Gus Hill', 'Hal Ivy', 'Ida Jay', 'Jon Kay']),
      rec('x', 'Correct paper', ['Kim Ng', 'Lu Orr', 'Mo Poe', 'Nat Quin', 'Oz Roe']),
    ]),
  ]);
  it('re-pairs a five-name list shifted by one on pairwise co-author evidence', () => {
    const c = run();
    const r = c.repairs.find((x) => x.title === 'Damaged team paper')!;
    expect(r.message).toBe('author list re-paired (shift +1)');
    expect(r.after).toEqual(['Ann Lee', 'Bo Chen', 'Cy Dee', 'Di Fox', 'Ed Gray']);
    expect(r.evidence).toContain(
      'turns 4 of 5 names into names known from other papers (0 as written), 4 of them co-authors',
    );
    expect(r.evidence).toContain('completed from the one known co-author of the team with that name: Ed Gray');
    expect(r.evidence).toContain('2 of the re-paired names appear together on another paper');
    const paper = c.papers.find((p) => p.title === 'Damaged team paper')!;
    expect(paper.authors.map((a) => c.authors[a]!.label)).toEqual(r.after);
    expect(paper).toMatchObject({ complete: true });
    expect(paper.suspect).toBeUndefined();
  });
  it('flags, and does not re-pair, a list whose shifted names are real but never work together', () => {
    const c = run();
    expect(c.repairs.map((r) => r.title)).toEqual(['Damaged team paper']);
    expect(c.suspectLists).toHaveLength(1);
    const s = c.suspectLists[0]!;
    expect(s).toMatchObject({ code: 'suspect-list', title: 'Damaged strangers paper' });
    expect(s.message).toBe('author list looks mis-paired (shift +1); read as written and flagged');
    expect(s.evidence).toBe('pairing each given name with the family name 1 place later turns 3 of 5 names into names '
      + 'known from other papers (0 as written), 0 of them co-authors of each other on other papers; '
      + 'too little evidence to re-pair it');
    expect(s.after).toEqual(['Fay Hill', 'Gus Ivy', 'Hal Jay', 'Ida Kay']);
    const paper = c.papers.find((p) => p.title === 'Damaged strangers paper')!;
    expect(paper.suspect).toBe(true);
    expect(paper.authors.map((a) => c.authors[a]!.label)).toEqual(
      ['Fay Lab:', 'Gus Hill', 'Hal Ivy', 'Ida Jay', 'Jon Kay'].filter((n) => n !== 'Fay Lab:'),
    );
    expect(c.issues).toContainEqual(expect.objectContaining({ code: 'suspect-list', severity: 'warning', file: 'x' }));
  });
  it('leaves a correct list of known people as written', () => {
    const c = run();
    const paper = c.papers.find((p) => p.title === 'Correct paper')!;
    expect(paper.authors.map((a) => c.authors[a]!.label)).toEqual(['Kim Ng', 'Lu Orr', 'Mo Poe', 'Nat Quin', 'Oz Roe']);
    expect(paper.suspect).toBeUndefined();
  });
});

describe('paper deduplication', () => {
  it('merges the same paper across files by close title and agreeing authors, keeping the complete list', () => {
    const c = resolveCorpus([
      source('x', [rec('x', 'Deep Graph Sketches for Co-citation', ['Ann Lee', 'Bo Chen'], { truncated: true })]),
      source('y', [rec('y', 'Deep Graph Sketches for Co-citation Streams', ['Ann Lee', 'Bo Chen', 'Cy Dee'])]),
    ]);
    expect(c.papers).toHaveLength(1);
    expect(c.papers[0]).toMatchObject({ complete: true });
    expect(c.papers[0]!.authors).toHaveLength(3);
  });
  it('never merges distinct works just because titles match', () => {
    const c = resolveCorpus([
      source('x', [
        rec('x', 'Introduction', ['Ann Lee', 'Bo Chen'], { year: 2001 }),
        rec('x', 'Editorial', ['Ann Lee'], { year: 2010 }),
      ]),
      source('y', [
        rec('y', 'Introduction', ['Ann Lee', 'Bo Chen'], { year: 2012 }),
        rec('y', 'Editorial', ['Zed Zimmer'], { year: 2010 }),
      ]),
      source('z', [
        rec('z', 'Introduction', ['Ann Lee', 'Bo Chen'], { year: 2001, arxivId: '1111.1111' }),
        rec('z', 'Introduction', ['Ann Lee', 'Bo Chen'], { year: 2001, arxivId: '2222.2222' }),
      ]),
    ]);
    // x/Introduction (2001) may join one of z's 2001 versions; the two z versions have different ids; 2012 and the
    // other Editorial stay apart.
    expect(c.papers.filter((p) => p.title === 'Introduction')).toHaveLength(3);
    expect(c.papers.filter((p) => p.title === 'Editorial')).toHaveLength(2);
  });
  it('keeps distinct entries of one file apart even with the same title', () => {
    const c = resolveCorpus([source('x', [rec('x', 'Reviewers', ['Ann Lee']), rec('x', 'Reviewers', ['Ann Lee'])])]);
    expect(c.papers).toHaveLength(2);
  });
  it('merges an abstract-only entry with its titled version by abstract text', () => {
    const abstract =
      'We study how collaboration networks change when large consortia join a field, using twenty years of ' +
      'publication records and a new normalisation of co-authorship weights for hyper-authored papers in physics.';
    const c = resolveCorpus([
      source('x', [rec('x', 'Consortia and Collaboration', ['Ann Lee', 'Bo Chen'], { abstract })]),
      source('y', [rec('y', '', [], { abstract, arxivId: '2401.00001' })]),
    ]);
    expect(c.papers).toHaveLength(1);
    expect(c.papers[0]).toMatchObject({ id: 'arxiv:2401.00001', title: 'Consortia and Collaboration' });
  });
  it('reports look-alikes one typo apart with co-authors in common, not names two edits apart or DBLP homonyms', () => {
    const c = resolveCorpus([source('a', [
      rec('a', 'P1', ['Changxin Miao', 'Ann Lee']), rec('a', 'P2', ['Changxing Miao', 'Ann Lee', 'Bo Chen']),
      rec('a', 'P3', ['Jeffery Clouse', 'Bo Chen']), rec('a', 'P4', ['Jeffrey Clouse', 'Bo Chen']),
      rec('a', 'P5', ['Anan Qian', 'Ann Lee']), rec('a', 'P6', ['Noan Qian', 'Ann Lee']),
      rec('a', 'P7', ['Ashish Gupta 0001', 'Ann Lee']), rec('a', 'P8', ['Ashish Gupta 0002', 'Ann Lee']),
      rec('a', 'P9', ['Marta Ruiz', 'Eve Stone']), rec('a', 'P10', ['Maria Ruiz', 'Oscar Wilde']),
    ])]);
    expect(c.nearMisses.map((m) => `${m.spellings.join(' / ')}: ${m.reason.split(';')[0]}`)).toEqual([
      'Changxin Miao / Changxing Miao: one letter apart with 1 co-author in common',
      'Jeffery Clouse / Jeffrey Clouse: two letters swapped with 1 co-author in common',
    ]);
    // Candidates are the typo pairs, shared co-authors or not (Marta and Maria Ruiz share none).
    expect(c.nearMissScan).toEqual({ pairs: 3, complete: true });
  });
});
