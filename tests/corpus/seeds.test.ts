// The seed corpus, with answers checked by hand against the five pages (see the comments for how each was counted).
import { beforeAll, describe, expect, it } from 'vitest';
import { findAuthor } from '../../src/corpus/findAuthor';
import { looksLikeTeam, parseName } from '../../src/sources/names';
import type { PipelineResult } from '../../src/pipeline';
import { formatReport } from '../../src/corpus/formatReport';
import { mergeDefaults } from '../../src/corpus/mergeAuthors';
import { buildReport } from '../../src/corpus/report';
import { resolveCorpus } from '../../src/corpus/resolve';
import { parseInputs } from '../../src/pipeline';
import { runSeeds, seedFiles } from '../helpers';

let run: PipelineResult;
beforeAll(() => { run = runSeeds(); });

const papersOf = (name: string) => {
  const a = findAuthor(run.corpus, name).match;
  if (!a) throw new Error(`no author ${name}`);
  return a.papers.map((p) => run.corpus.papers[p]!.title).sort();
};

describe('seed corpus', () => {
  it('detects each layout', () => {
    expect(run.report.sources.map((s) => [s.file.slice(6, 9), s.format, s.records])).toEqual([
      ['000', 'author-page', 10],
      ['001', 'arxiv-listing', 10],
      ['002', 'paper-cards', 6],
      ['003', 'related-papers', 85],
      ['004', 'arxiv-listing', 10],
    ]);
  });
  it('counts distinct papers, papers with authors, authors and ties', () => {
    // 121 records; 7 are repeats: Predictable Scale ×3 (000, 002 under a longer title, 003), the four Step/InfinitePOD
    // papers of 000 again in 001 (abstract and arXiv id only), Step-3 in 002 and 004.
    expect(run.report.records).toBe(121);
    expect(run.report.papers).toBe(114);
    // 10 on the author page + 5 new cards (Predictable Scale is on the author page too); 001/004 add authors only
    // to repeats.
    expect(run.report.papersWithAuthors).toBe(15);
    // Independent count: distinct normalized names over all author lists, the Step-3 list re-paired,
    // "Nie Hao" = "Hao Nie".
    expect(run.report.authors).toBe(325);
    expect(run.report.edges).toBe(29953);
  });
  it('merges repeats on ids, abstracts and close titles with agreeing authors', () => {
    const evidence = run.report.paperMerges.flatMap((m) => m.evidence).join('\n');
    expect(evidence).toMatch(
      /000_1c85854ef3a0aa7e\.txt:2 = seeds\/002_729da12e29e03aff\.txt:10: titles 93% alike and 3 of 3 authors agree/,
    );
    const ids = run.report.paperMerges.map((m) => m.paper).sort();
    expect(ids.filter((id) => id.startsWith('arxiv:'))).toEqual([
      'arxiv:2502.03885',
      'arxiv:2502.10248',
      'arxiv:2502.11946',
      'arxiv:2503.11251',
      'arxiv:2507.19427',
    ]);
    expect(ids.filter((id) => id.startsWith('p:'))).toHaveLength(1);
    const ti2v = run.corpus.papers.find((p) => p.arxivId === '2503.11251')!;
    expect(ti2v.title).toBe(
      'Step-Video-TI2V Technical Report: A State-of-the-Art Text-Driven Image-to-Video Generation Model',
    );
    expect(ti2v.authors).toHaveLength(54);
  });
  it('keeps the most complete author list', () => {
    const predictable = run.corpus.papers.find((p) => p.title.startsWith('Predictable Scale'))!;
    expect(predictable.authors).toHaveLength(11);
    expect(predictable.complete).toBe(true);
    const cards = run.corpus.papers.filter((p) => p.sources.every((s) => s.includes('/002_')));
    expect(cards.every((p) => !p.complete && p.authors.length <= 3)).toBe(true);
  });
  it('pins paper counts of specific authors', () => {
    expect(papersOf('Jiang, Daxin')).toHaveLength(11);
    expect(papersOf('Xiangyu Zhang')).toHaveLength(6);
    expect(papersOf('Heung-Yeung Shum')).toHaveLength(5);
    expect(papersOf('Houyi Li')).toEqual([
      'Multi-matrix Factorization Attention',
      'Predictable Scale: Part I -- Optimal Hyperparameter Scaling Law in Large Language Model Pretraining',
      'Step-3 is Large yet Affordable: Model-system Co-design for Cost-effective Decoding',
    ]);
    expect(papersOf('Hanshan Zhang')).toHaveLength(4);
  });
  it('repairs the shifted Step-3 list and reports the evidence', () => {
    expect(run.report.repairs).toHaveLength(1);
    const r = run.report.repairs[0]!;
    expect(r).toMatchObject({ file: 'seeds/004_19ce7dee7ee9430d.txt', line: 1 });
    expect(r.before.slice(0, 3)).toEqual(['Bin StepFun', 'Bojun :', 'Changyi Wang']);
    expect(r.after.slice(0, 6)).toEqual([
      'Bin Wang',
      'Bojun Wang',
      'Changyi Wan',
      'Guanzhe Huang',
      'Hanpeng Hu',
      'Haonan Jia',
    ]);
    expect(r.after.slice(-4)).toEqual(['Binxing Jiao', 'Daxin Jiang', 'Heung-Yeung Shum', 'Xiangyu Zhang']);
    expect(r.evidence).toMatch(/2 places later turns \d+ of 198 names into names known/);
    const step3 = run.corpus.papers.find((p) => p.arxivId === '2507.19427')!;
    expect(step3.authors).toHaveLength(196);
    expect(step3.organisations).toContain('StepFun');
  });
  it('merges the reversed "Nie Hao" only on shared co-authors, and reports it', () => {
    expect(run.report.merges).toHaveLength(1);
    expect(run.report.merges[0]).toMatchObject({ rule: 'reversed-order', author: 'nie-hao', label: 'Hao Nie' });
    expect(run.report.nearMisses.map((m) => m.spellings.join('/'))).toContain('Changxin Miao/Changxing Miao');
  });
  it('suggests the person meant by a name written family name first with a typo', () => {
    // "Jang Daxin" is Daxin Jiang with his family name first and a letter dropped: neither order matches a key, and
    // only the family-first reading is near his label (distance 1, against 7 as written).
    const labels = (q: string) => findAuthor(run.corpus, q).suggestions.map((a) => a.label);
    expect(findAuthor(run.corpus, 'Jang Daxin').match).toBeUndefined();
    expect(labels('Jang Daxin')[0]).toBe('Daxin Jiang');
    expect(labels('Nie Hoa')[0]).toBe('Hao Nie');
    expect(labels('Daxin Jang')[0]).toBe('Daxin Jiang');
  });
  it('has no fragment, team, marker or mis-paired name among its authors', () => {
    for (const a of run.corpus.authors) {
      expect(a.given.length, a.label).toBeGreaterThan(0);
      expect(a.family).toMatch(/^\p{Lu}[\p{L}'-]+$/u);
      expect(looksLikeTeam(a.label), a.label).toBe(false);
      expect(parseName(a.label).kind, a.label).toBe('person');
    }
    const labels = new Set(run.corpus.authors.map((a) => a.label));
    for (const bad of ['Bin StepFun', 'Daxin Zhang', 'Heung-Yeung Jiao', 'Xiangyu Jiang', 'StepFun', 'Nie Hao'])
      expect(labels.has(bad), bad).toBe(false);
  });
  it('scans all look-alike candidates of the seeds, and says so when a budget stops the scan', () => {
    expect(run.report.nearMissScan).toMatchObject({ complete: true });
    expect(run.report.nearMissScan!.pairs).toBeGreaterThan(0);
    const stopped = resolveCorpus(parseInputs(seedFiles()), { merge: { ...mergeDefaults, nearMissMaxPairs: 0 } });
    expect(stopped.nearMisses).toEqual([]);
    expect(stopped.nearMissScan).toEqual({ pairs: 0, complete: false });
    expect(
      formatReport(buildReport(stopped, { ties: 0, skippedPapers: [], maxAuthors: 500, droppedTies: 0 })),
    ).toContain('the scan stopped after 0 candidate pairs; more look-alikes may exist');
    expect(formatReport(run.report)).not.toContain('the scan stopped');
  });
});
