// Small corpora with weights worked out by hand, shared by the graph and export tests.
import { resolveCorpus } from '../../src/corpus/resolve';
import type { Author, Corpus, Paper, PaperRecord } from '../../src/types';

export function records(list: [string, string[]][], file = 'hand.csv'): PaperRecord[] {
  return list.map(([title, authors], i) => ({
    file, line: i + 2, format: 'csv', title, authors, truncated: false, categories: [], organisations: [],
  }));
}

/** P1 {A,B,C}, P2 {A,B}, P3 {A,B,C,D}. */
export function handCorpus() {
  return resolveCorpus([{ file: 'hand.csv', format: 'csv', issues: [], records: records([
    ['Paper One', ['Ann Able', 'Ben Baker', 'Cat Cole']],
    ['Paper Two', ['Ann Able', 'Ben Baker']],
    ['Paper Three', ['Ann Able', 'Ben Baker', 'Cat Cole', 'Dan Dove']],
  ]) }]);
}

/**
 * A corpus whose names and titles carry markup, quotes, control characters and formula prefixes, built directly (the
 * name parser would reject some).
 */
export function hostileCorpus(): Corpus {
  const labels = [
    'Zoë <b>Bold</b>',
    'Ann "Quote" O\'Hara & Co',
    '=HYPERLINK("http://x") Smith',
    '@SUM Jones',
    '+Plus Minus',
    '-Minus Plus',
    'Tab\tCtrl\u0001Name',
  ];
  const authors: Author[] = labels.map((label, i) => ({
    id: `a${i}<&>`,
    label,
    given: '',
    family: label,
    aliases: [label, `${label} (alias)`],
    papers: [],
  }));
  const papers: Paper[] = [
    {
      id: 'p:1',
      title: '<img src=x onerror=alert(1)> & "quotes" \u0001',
      authors: [0, 1, 2, 3],
      complete: true,
      sources: ['evil.csv:2'],
      categories: [],
      organisations: [],
    },
    {
      id: 'p:2',
      title: '=1+1',
      authors: [0, 4, 5, 6],
      complete: true,
      sources: ['evil.csv:3'],
      categories: [],
      organisations: [],
    },
  ];
  papers.forEach((p, i) => p.authors.forEach((a) => authors[a]!.papers.push(i)));
  return {
    authors,
    papers,
    sources: [], authorMerges: [], paperMerges: [], nearMisses: [], repairs: [], suspectLists: [],
    identifierSplits: [], issues: [],
  };
}
