// Unicode form: names and titles leave the pipeline in NFC, whether they came as LaTeX accents, decomposed UTF-8
// or precomposed text, so the same name is the same string everywhere (search, exports, users' own joins).
import { describe, expect, it } from 'vitest';
import { toGraphJson } from '../../src/export/json';
import { runFromParsed } from '../../src/pipeline';
import { parseText } from '../../src/sources/parseSource';
import type { PaperRecord, ParseResult } from '../../src/types';

const rec = (file: string, line: number, title: string, authors: string[]): PaperRecord => ({
  file, line, format: 'csv', title, authors, truncated: false, categories: [], organisations: [],
});

describe('Unicode NFC', () => {
  it('makes one person of a name written with LaTeX accents, decomposed and precomposed', () => {
    const decomposed = 'Jo\u0308rg Fo\u0308\u00DFmeier';
    const precomposed = 'J\u00F6rg F\u00F6\u00DFmeier';
    expect(decomposed).not.toBe(precomposed);
    const results: ParseResult[] = [{
      file: 'a.csv', format: 'csv', issues: [], records: [
        rec('a.csv', 2, 'Cafe\u0301 networks', [decomposed, 'Ann Lee']),
        rec('a.csv', 3, 'Second paper', [precomposed, 'Ann Lee']),
      ],
    }];
    const bib = parseText(
      'b.bib',
      '@article{x, author = {F{\\"o}{\\ss}meier, J{\\"o}rg and Lee, Ann}, title = {Caf{\\\'e} graphs}, year = 2020}\n',
    );
    const { corpus, graph } = runFromParsed([...results, bib], { layout: false });
    const people = corpus.authors.filter((a) => a.family.startsWith('F'));
    expect(people).toHaveLength(1);
    expect(people[0]!.label).toBe(precomposed);
    expect(people[0]!.papers).toHaveLength(3);
    for (const a of corpus.authors) for (const s of [a.label, ...a.aliases]) expect(s).toBe(s.normalize('NFC'));
    for (const p of corpus.papers) expect(p.title).toBe(p.title.normalize('NFC'));
    expect(corpus.papers.map((p) => p.title)).toContain('Caf\u00E9 networks');
    expect(corpus.papers.map((p) => p.title)).toContain('Caf\u00E9 graphs');
    const json = toGraphJson(graph);
    expect(json).toBe(json.normalize('NFC'));
  });
});
