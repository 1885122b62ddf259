// Each seed layout parser on pages written for the tests (other papers, names and counts), detected by content.
import { describe, expect, it } from 'vitest';
import { page } from '../helpers';
import { splitTitleAuthors } from '../../src/sources/paperCards';

describe('author page layout', () => {
  const r = page('author-page.txt');
  it('is detected and read entry by entry', () => {
    expect(r.format).toBe('author-page');
    expect(r.records.map((x) => x.title)).toEqual([
      'Sparse Graph Sketches for Streaming Co-citation Analysis', 'Robust Author Disambiguation with Weak Supervision',
      'A Note on Louvain Resolution Limits', 'Citation Flows Between Physics and Computer Science',
    ]);
  });
  it('pairs "Last, First" parts, keeps particles, and notes "et al."', () => {
    expect(r.records[0]!.authors).toEqual([
      'Müller, Jörg',
      'van der Berg, Anna',
      "O'Neil, Cathy",
      'Dupont, Jean-Pierre',
    ]);
    expect(r.records[1]!.authors).toEqual(['Schmidt, Lena', 'Müller, Jörg', 'Nakamura, Haruki']);
    expect(r.records[1]!.truncated).toBe(true);
    expect(r.records[0]!.truncated).toBe(false);
  });
  it('keeps a paper without an abstract, with its line', () => {
    expect(r.records[3]!.abstract).toBeUndefined();
    expect(r.records[3]).toMatchObject({ line: 11, authors: ['Nakamura, Haruki', 'Müller, Jörg', 'Okafor, Chidi'] });
  });
});

describe('arXiv listing layout', () => {
  const r = page('arxiv-listing.txt');
  it('reads ids, dates, comments, titles and authors', () => {
    expect(r.format).toBe('arxiv-listing');
    expect(r.records[0]).toMatchObject({
      arxivId: '2403.01234',
      created: '2024-03-02',
      updated: '2024-05-17',
      year: 2024,
      comment: 'Accepted at JCDL 2024',
    });
    expect(r.records[1]).toMatchObject({
      title: 'Graph Neural Networks for Citation Recommendation',
      authors: ['Priya Raman', 'Tomás Herrera', 'Wei Zhang'],
      truncated: true,
      arxivId: '2311.04567',
    });
    expect(r.records[3]).toMatchObject({ arxivId: 'hep-ex/0601001', year: 2006, comment: '12 pages, 4 figures' });
  });
  it('keeps an entry whose id line is missing and says where', () => {
    expect(r.records).toHaveLength(4);
    expect(r.records[2]!.abstract).toMatch(/^Knowledge graphs of research software/);
    expect(r.records[2]!.arxivId).toBeUndefined();
    expect(r.issues).toContainEqual(
      expect.objectContaining({ code: 'missing-id', line: 16, file: 'arxiv-listing.txt' }),
    );
  });
});

describe('paper-card layout', () => {
  const r = page('paper-cards.txt');
  it('splits titles from the author lists glued to them', () => {
    expect(r.format).toBe('paper-cards');
    expect(r.records.map((x) => x.title)).toEqual([
      'Scaling Laws for Retrieval?',
      'Learning to Grasp from 10K Demonstrations',
      'BM25 Strikes Back in the Era of LLMs',
    ]);
    expect(r.records[0]!.authors).toEqual(['OpenAI', 'Yann LeCun', 'Ana McDonald']);
    expect(r.records[2]!.authors).toEqual(['María José García', 'Chen Wei']);
  });
  it('reads category, date, code flag, organisations and truncation', () => {
    expect(r.records[0]).toMatchObject({
      categories: ['AI'],
      created: 'Mar 3',
      organisations: ['mit', 'stanford'],
      truncated: true,
      comment: 'code available',
    });
    expect(r.records[1]).toMatchObject({ categories: ['RO'], year: 2023 });
  });
  it('splitTitleAuthors prefers the split whose first name has two words', () => {
    expect(splitTitleAuthors('Deep Nets for GPTJohn Smith, Mary Jones et al.')).toMatchObject({
      title: 'Deep Nets for GPT',
      authors: { names: ['John Smith', 'Mary Jones'] },
    });
    expect(splitTitleAuthors('Co-design for DecodingStepFun, Bin Wang et al.')).toMatchObject({
      title: 'Co-design for Decoding',
      authors: { names: ['StepFun', 'Bin Wang'] },
    });
    expect(splitTitleAuthors('Part I, Step Law -- Scaling in PretrainingHouyi Li, Wenzhen Zheng et al.')?.title).toBe(
      'Part I, Step Law -- Scaling in Pretraining',
    );
  });
});

describe('related-papers layout', () => {
  const r = page('related-papers.txt');
  it('reads title and abstract pairs and reports the page chrome it skipped', () => {
    expect(r.format).toBe('related-papers');
    expect(r.records.map((x) => x.title)).toEqual([
      'Can Graphs Explain Collaboration?',
      'Measuring Interdisciplinarity, Revisited',
      'Community Detection in Weighted Co-authorship Networks',
    ]);
    expect(r.records.every((x) => x.authors.length === 0 && x.abstract)).toBe(true);
    expect(r.issues.filter((i) => i.code === 'page-chrome').map((i) => i.line)).toEqual([1, 3, 5, 7]);
  });
});
