// Hostile names and huge papers: exports stay well-formed for any text, and a paper with thousands of authors is
// guarded and reported.
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toNodesCsv } from '../../src/export/csv';
import { toGexf } from '../../src/export/gexf';
import { toGraphml } from '../../src/export/graphml';
import { xmlSafe } from '../../src/export/xmlText';
import { buildGraph } from '../../src/graph/buildGraph';
import { collectTies } from '../../src/graph/ties';
import { resolveCorpus } from '../../src/corpus/resolve';
import { runFromParsed } from '../../src/pipeline';
import type { Corpus, PaperRecord } from '../../src/types';

function corpusWithLabels(labels: string[]): Corpus {
  const authors = labels.map((label, i) => ({
    id: `n${i}`,
    label,
    given: '',
    family: label,
    aliases: [label],
    papers: [0],
  }));
  return {
    authors,
    papers: [
      {
        id: 'p',
        title: labels.join(' '),
        authors: authors.map((_, i) => i),
        complete: true,
        sources: ['x:1'],
        categories: [],
        organisations: [],
      },
    ],
    sources: [], authorMerges: [], paperMerges: [], nearMisses: [], repairs: [], suspectLists: [],
    identifierSplits: [], issues: [],
  };
}

describe('exports for any text', () => {
  it('GEXF, GraphML and CSV stay parseable and carry the text (XML-illegal characters replaced)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), { minLength: 2, maxLength: 6 }),
        (labels) => {
          const { graph } = buildGraph(corpusWithLabels(labels));
          const gexf = parseGexf(Graph, toGexf(graph));
          const graphml = parseGraphml(Graph, toGraphml(graph));
          labels.forEach((l, i) => {
            expect(gexf.getNodeAttribute(`n${i}`, 'label')).toBe(xmlSafe(l));
            expect(graphml.getNodeAttribute(`n${i}`, 'label')).toBe(xmlSafe(l));
          });
          const rows = Papa.parse<Record<string, string>>(toNodesCsv(graph), { header: true }).data.filter((r) => r.id);
          expect(rows).toHaveLength(labels.length);
          for (const r of rows) expect(r.label).not.toMatch(/^\s*[=+\-@]|^[\t\r]/);
        },
      ),
      { numRuns: 150, interruptAfterTimeLimit: 8000, seed: 7 },
    );
  });
});

describe('huge papers', () => {
  it('a paper with thousands of authors adds no ties, stays in the corpus, and is reported', () => {
    const big = Array.from({ length: 3000 }, (_, i) => `Author${String.fromCharCode(65 + (i % 26))}${i} Person${i}`);
    const records: PaperRecord[] = [
      {
        file: 'physics.csv',
        line: 2,
        format: 'csv',
        title: 'Observation of a New Particle',
        authors: big,
        truncated: false,
        categories: [],
        organisations: [],
      },
      {
        file: 'physics.csv',
        line: 3,
        format: 'csv',
        title: 'A Small Paper',
        authors: [big[0]!, big[1]!],
        truncated: false,
        categories: [],
        organisations: [],
      },
    ];
    const run = runFromParsed([{ file: 'physics.csv', format: 'csv', records, issues: [] }], { layout: true });
    expect(run.corpus.papers[0]!.authors).toHaveLength(3000);
    expect(run.graph.order).toBe(3000);
    expect(run.graph.size).toBe(1);
    expect(run.report.skippedPapers).toEqual([
      { id: run.corpus.papers[0]!.id, title: 'Observation of a New Particle', authors: 3000 },
    ]);
    // Raising the guard lets the paper add its 4.5 million ties (aggregated in typed arrays); the tie ceiling then
    // keeps the 4 million strongest and says how many it dropped, and a higher ceiling keeps them all.
    const capped = collectTies(run.corpus, { maxAuthors: 5000 });
    expect(capped).toMatchObject({ count: 4_000_000, droppedTies: (3000 * 2999) / 2 - 4_000_000, skippedPapers: [] });
    expect(collectTies(run.corpus, { maxAuthors: 5000, maxTies: 5_000_000 }).count).toBe((3000 * 2999) / 2);
  });
  it('resolving stays linear in names: 20,000 authors on one paper', () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `Given${i} Family${i % 997}`);
    const c = resolveCorpus([
      {
        file: 'x',
        format: 'csv',
        issues: [],
        records: [
          {
            file: 'x',
            line: 1,
            format: 'csv',
            title: 'Huge',
            authors: names,
            truncated: false,
            categories: [],
            organisations: [],
          },
        ],
      },
    ]);
    expect(c.authors).toHaveLength(20_000);
  });
});
