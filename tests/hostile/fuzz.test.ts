// Property-based tests (fast-check): every parser and the name parser never throw, end quickly on random and mutated
// real input, and keep the well-formed entries around a broken one. Each property runs within a fixed time budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseName } from '../../src/sources/names';
import { parseBytes, parseText } from '../../src/sources/parseSource';
import { formats } from '../../src/sources/registry';
import { parseInputs, runFromParsed } from '../../src/pipeline';
import { FIXTURES, PAGES, SEEDS } from '../helpers';
import type { FormatId } from '../../src/types';

const BUDGET = { numRuns: 120, interruptAfterTimeLimit: 6000, seed: 20261122 };
/** A hang shows up as a run far beyond this; normal inputs here parse in milliseconds. */
const SLOW_MS = 3000;

const samples: { format: FormatId; text: string }[] = [
  { format: 'author-page', text: readFileSync(join(SEEDS, '000_1c85854ef3a0aa7e.txt'), 'utf8').slice(0, 6000) },
  { format: 'arxiv-listing', text: readFileSync(join(PAGES, 'arxiv-listing.txt'), 'utf8') },
  { format: 'paper-cards', text: readFileSync(join(SEEDS, '002_729da12e29e03aff.txt'), 'utf8') },
  { format: 'related-papers', text: readFileSync(join(PAGES, 'related-papers.txt'), 'utf8') },
  {
    format: 'bibtex',
    text:
      readFileSync(join(FIXTURES, 'dblp-excerpt.bib'), 'utf8') + readFileSync(join(FIXTURES, 'hard-cases.bib'), 'utf8'),
  },
  { format: 'ris', text: readFileSync(join(FIXTURES, 'scopus-excerpt.ris'), 'utf8').slice(0, 8000) },
  { format: 'csl-json', text: readFileSync(join(FIXTURES, 'acl-excerpt.csl.json'), 'utf8') },
  { format: 'arxiv-atom', text: readFileSync(join(FIXTURES, 'arxiv-2entries.atom.xml'), 'utf8') },
  { format: 'dblp-xml', text: readFileSync(join(FIXTURES, 'dblp-excerpt.xml'), 'utf8') },
  { format: 'csv', text: readFileSync(join(FIXTURES, 'scopus-export.csv'), 'utf8') },
];

function timed<T>(f: () => T): T {
  const t = performance.now();
  const out = f();
  expect(performance.now() - t).toBeLessThan(SLOW_MS);
  return out;
}

/** Mutations of real text: truncation, spliced random text or bytes, duplicated and deleted slices. */
const mutated = (text: string) =>
  fc.oneof(
    fc.nat(text.length).map((n) => text.slice(0, n)),
    fc
      .tuple(fc.nat(text.length), fc.string({ unit: 'binary', maxLength: 80 }))
      .map(([at, junk]) => text.slice(0, at) + junk + text.slice(at)),
    fc
      .tuple(fc.nat(text.length), fc.nat(text.length), fc.nat(text.length))
      .map(([a, b, at]) => text.slice(0, at) + text.slice(Math.min(a, b), Math.max(a, b)) + text.slice(at)),
    fc.tuple(fc.nat(text.length), fc.nat(400)).map(([at, len]) => text.slice(0, at) + text.slice(at + len)),
    fc
      .tuple(
        fc.nat(text.length),
        fc.constantFrom('{', '}', '"', '@', '<', '>', '&', '\\', '\n', '\u0000', ',', ' and ', 'et al.', '\uD800'),
      )
      .map(([at, c]) => text.slice(0, at) + c.repeat(7) + text.slice(at)),
  );

describe('fuzz: parsers never throw and end quickly', () => {
  for (const sample of samples) {
    it(`${sample.format} on mutated real input`, () => {
      const parser = formats.find((f) => f.id === sample.format)!;
      fc.assert(fc.property(mutated(sample.text), (text) => {
        const r = timed(() => parser.parse('fuzz.txt', text));
        expect(Array.isArray(r.records)).toBe(true);
        for (const i of r.issues) expect(i.file).toBe('fuzz.txt');
      }), BUDGET);
    });
  }
  it('detection and every parser on random text and bytes', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'grapheme', maxLength: 2000 }), fc.string({ unit: 'binary', maxLength: 2000 })),
        (text) => {
          timed(() => parseText('random.txt', text));
          for (const f of formats) timed(() => f.parse('random.txt', text));
        },
      ),
      BUDGET,
    );
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4000 }), (bytes) => {
      const r = timed(() => parseBytes('random.bin', bytes));
      expect(r.file).toBe('random.bin');
    }), BUDGET);
  });
  it('the whole pipeline on mutated seeds', () => {
    const seed = samples[0]!.text;
    fc.assert(fc.property(mutated(seed), (text) => {
      const run = timed(() =>
        runFromParsed(parseInputs([{ name: 'a.txt', bytes: new TextEncoder().encode(text) }]), { layout: false }),
      );
      expect(run.graph.order).toBe(run.corpus.authors.length);
    }), { ...BUDGET, numRuns: 40 });
  });
});

describe('fuzz: the name parser', () => {
  it('never throws and returns a well-formed name', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.constantFrom('Müller, Jörg', '{\\"O}rsted', 'van der Berg, Anna', 'Wei Wang 0001', 'et al.'),
        ),
        (raw) => {
          const n = timed(() => parseName(raw));
          expect(['person', 'team', 'marker', 'placeholder', 'invalid']).toContain(n.kind);
          if (n.kind === 'person') expect(n.family.length).toBeGreaterThan(0);
        },
      ),
      { ...BUDGET, numRuns: 1000 },
    );
  });
  it('ends quickly on long pathological names', () => {
    for (const raw of [
      'a'.repeat(50_000),
      "{\\'".repeat(20_000),
      'A. '.repeat(20_000),
      ', '.repeat(20_000),
      'van '.repeat(20_000) + 'Berg',
    ])
      timed(() => parseName(raw));
  });
});

describe('fuzz: well-formed entries around a broken one survive', () => {
  const junk = fc
    .string({ unit: 'binary', minLength: 1, maxLength: 120 })
    .filter((s) => !/[@\n]|TY {2}-|ER {2}-/.test(s));
  it('BibTeX', () => {
    const bib = '@article{a, author = {Ann Lee}, title = {One}}\n\n@article{b, author = {Bo Chen}, title = {Two}}\n';
    fc.assert(fc.property(junk, (j) => {
      const text = bib.replace('\n\n@article{b', `\n@article{broken, title = {${j}\n\n@article{b`);
      const keys = parseText('x.bib', text, { format: 'bibtex' }).records.map((r) => r.sourceKey);
      expect(keys).toContain('a');
      expect(keys).toContain('b');
    }), BUDGET);
  });
  it('RIS', () => {
    fc.assert(fc.property(junk, (j) => {
      const text =
        `TY  - JOUR\nAU  - Lee, Ann\nTI  - One\nER  - \n${j}\n` + 'TY  - JOUR\nAU  - Chen, Bo\nTI  - Two\nER  - \n';
      expect(parseText('x.ris', text, { format: 'ris' }).records.map((r) => r.title)).toEqual(['One', 'Two']);
    }), BUDGET);
  });
  it('CSL-JSON', () => {
    fc.assert(fc.property(junk, (j) => {
      const text =
        '[{"title": "One", "author": [{"family": "Lee"}]},\n' +
        `{"title": ${JSON.stringify(j).slice(0, -1)} "broken": [},\n` +
        '{"title": "Two", "author": [{"family": "Chen"}]}]';
      const titles = parseText('x.json', text, { format: 'csl-json' }).records.map((r) => r.title);
      expect(titles[0]).toBe('One');
      expect(titles).toContain('Two');
    }), BUDGET);
  });
  it('DBLP XML', () => {
    fc.assert(fc.property(junk, (j) => {
      const text =
        '<dblp>\n<article key="a"><author>Ann Lee</author><title>One</title></article>\n' +
        `<article key="x"><author>${j.replace(/[<&]/g, '')}<title>Broken</article>\n` +
        '<article key="b"><author>Bo Chen</author><title>Two</title></article>\n</dblp>';
      const titles = parseText('x.xml', text, { format: 'dblp-xml' }).records.map((r) => r.title);
      expect(titles[0]).toBe('One');
      expect(titles).toContain('Two');
    }), BUDGET);
  });
  it('CSV', () => {
    fc.assert(fc.property(junk, (j) => {
      const text = `title,authors\nOne,Ann Lee\n"${j.replace(/"/g, '""')},oops\nTwo,Bo Chen\n`;
      const titles = parseText('x.csv', text, { format: 'csv' }).records.map((r) => r.title);
      expect(titles[0]).toBe('One');
      expect(titles).toContain('Two');
    }), BUDGET);
  });
});
