// Database exports bibliometricians start from (Web of Science, PubMed/MEDLINE, Scopus CSV, OpenAlex, Crossref),
// on test files written from each format's public documentation, with answers checked by hand; and identities that
// follow the identifiers the sources give. Detection refuses what it cannot read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInputs, runFromParsed } from '../../src/pipeline';
import { parseBytes, parseText } from '../../src/sources/parseSource';
import { FIXTURES } from '../helpers';

const fixture = (name: string) => parseBytes(name, new Uint8Array(readFileSync(join(FIXTURES, name))));
const corpusOf = (...names: string[]) => runFromParsed(parseInputs(names.map((name) => ({
  name, bytes: new Uint8Array(readFileSync(join(FIXTURES, name))),
}))), { layout: false });
const people = (run: ReturnType<typeof corpusOf>) => run.corpus.authors.map((a) => [a.label, a.ids ?? []]);

describe('Web of Science', () => {
  it('plain text: BOM, FN/VR header, AF names over AU, multi-line title, 104 authors, group author, OI and RI', () => {
    const r = fixture('wos-export.txt');
    expect(r.format).toBe('wos');
    expect(r.records.map((x) => x.sourceKey)).toEqual([
      'WOS:000600000000001',
      'WOS:000600000000002',
      'WOS:000600000000003',
    ]);
    const first = r.records[0]!;
    expect(first.authors).toHaveLength(104);
    expect(first.authors.slice(0, 2)).toEqual(['Engel, Klara', 'Ullrich, Marta']);
    expect(first.title).toBe(
      'Measurement of the production cross section of heavy quark pairs in proton collisions at high energy ' +
        'with a large collaborative detector',
    );
    expect(first).toMatchObject({
      year: 2021,
      doi: '10.1016/j.physletb.2021.136000',
      organisations: ['ATLAS-like Detector Collaboration'],
    });
    expect(first.authorIds![0]).toBe('orcid:0000-0002-1825-0097');
    expect(first.authorIds![1]).toBe('researcherid:A-1234-2010');
    expect(first.authorIds![first.authors.indexOf('Quast, Bruno')]).toBe('orcid:0000-0001-5109-3700');
    expect(first.authorIds!.filter(Boolean)).toHaveLength(3);
    // The third record has AU only (older records).
    expect(r.records[2]!.authors).toEqual(['Moreau, C', 'Lindqvist, P']);
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });
  it('one ORCID under "Engel, Klara" and "Engel, K." is one person; the report lists the merge', () => {
    const run = corpusOf('wos-export.txt');
    const engel = run.corpus.authors.filter((a) => a.aliases.some((x) => x.startsWith('Engel, K')));
    expect(engel.map((a) => [a.label, a.ids, a.aliases, a.papers.length])).toEqual([
      ['Klara Engel', ['orcid:0000-0002-1825-0097'], ['Engel, K.', 'Engel, Klara'], 2],
    ]);
    expect(run.report.merges).toContainEqual(expect.objectContaining({ rule: 'identifier', label: 'Klara Engel' }));
    // 104 people on the first paper, Camille Moreau and Per Lindqvist on the second, and "Moreau, C" and
    // "Lindqvist, P" of the third stay apart: their only co-authors are each other, spelled with initials too.
    expect(run.report.authors).toBe(108);
  });
  it('tab-delimited: the same fields from a header row', () => {
    const r = fixture('wos-tabs.txt');
    expect(r.format).toBe('wos');
    expect(r.records.map((x) => [x.authors, x.title, x.year])).toEqual([
      [['Engel, Klara', 'Moreau, Camille'], 'Beam tests of a tile calorimeter', 2020],
      [['Lindqvist, Per', 'Moreau, Camille'], 'Readout electronics for calorimeters', 2021],
    ]);
    expect(r.records[0]!.authorIds).toEqual(['orcid:0000-0002-1825-0097', '']);
  });
});

describe('PubMed / MEDLINE', () => {
  it('FAU names, AUID ORCIDs on the author before them, collective names as teams, continued lines, DOI', () => {
    const r = fixture('pubmed.nbib');
    expect(r.format).toBe('medline');
    expect(r.records).toHaveLength(3);
    const first = r.records[0]!;
    expect(first).toMatchObject({
      sourceKey: 'PMID:31000001',
      year: 2019,
      doi: '10.1000/jmb.2019.0101',
      venue: 'Journal of Molecular Biology Examples',
      title:
        'Whole-genome sequencing of a rare bacterial strain from hospital wastewater reveals plasmid-borne resistance.',
      authors: ['Okafor, Chinwe A', 'Lindgren, Erik', 'Müller, Jürgen'],
      authorIds: ['orcid:0000-0002-1825-0097', '', 'orcid:0000-0001-5109-3700'],
      organisations: ['Hospital Wastewater Surveillance Consortium'],
    });
    expect(first.abstract).toBe(
      'We sequenced a strain isolated from hospital wastewater and found a plasmid carrying three resistance genes.',
    );
    expect(r.records[1]!.doi).toBe('10.1000/jmb.2020.0042');
    expect(r.records[2]).toMatchObject({ authors: [], organisations: ['Hospital Wastewater Surveillance Consortium'] });
  });
  it('the same ORCID under "Okafor, Chinwe A" and "Okafor, Chinwe" is one person', () => {
    const run = corpusOf('pubmed.nbib');
    expect(people(run)).toEqual([
      ['Chinwe A Okafor', ['orcid:0000-0002-1825-0097']],
      ['Erik Lindgren', []],
      ['Jürgen Müller', ['orcid:0000-0001-5109-3700']],
    ]);
  });
});

describe('Scopus CSV', () => {
  it('reads "Author full names" with their ids, and "Authors" with "Author(s) ID" when full names are missing', () => {
    const r = fixture('scopus-homonyms.csv');
    expect(r.records.map((x) => [x.sourceKey, x.authors, x.authorIds])).toEqual([
      ['2-s2.0-85000000001', ['Smith, John', 'Garcia, Maria'], ['scopus:57190000001', 'scopus:57190000003']],
      ['2-s2.0-85000000002', ['Smith, Jane', 'Chen, Li'], ['scopus:57190000002', 'scopus:57190000004']],
      ['2-s2.0-85000000003', ['Smith, J.', 'Garcia, M.'], ['scopus:57190000001', 'scopus:57190000003']],
      ['2-s2.0-85000000004', ['Chen, L.', 'Smith, J.'], ['scopus:57190000004', 'scopus:57190000002']],
    ]);
  });
  it('tells John Smith and Jane Smith apart by their Scopus ids although both are "Smith J.", and says so', () => {
    const run = corpusOf('scopus-homonyms.csv');
    expect(people(run)).toEqual([
      ['John Smith', ['scopus:57190000001']], ['Maria Garcia', ['scopus:57190000003']],
      ['Jane Smith', ['scopus:57190000002']], ['Li Chen', ['scopus:57190000004']],
    ]);
    expect(run.report.identifierSplits).toEqual([{ name: 'Smith, J.', people: [
      { id: 'smith-john', ids: ['scopus:57190000001'] }, { id: 'smith-jane', ids: ['scopus:57190000002'] },
    ] }]);
    expect(run.graph.getNodeAttribute('smith-jane', 'ids')).toEqual(['scopus:57190000002']);
  });
});

describe('OpenAlex', () => {
  it('JSON Lines: names as printed, OpenAlex ids and ORCIDs, the abstract rebuilt, a bad line told by number', () => {
    const r = fixture('openalex-works.jsonl');
    expect(r.format).toBe('openalex');
    expect(r.records.map((x) => [x.sourceKey, x.line, x.authors])).toEqual([
      ['W4200000001', 1, ['Lena Hoffmann', 'M. Rossi']],
      ['W4200000002', 2, ['Hoffmann, L.', 'Marco Rossi', 'Marco Rossi']],
      ['W4200000003', 3, ['Marco Rossi']],
    ]);
    expect(r.records[0]).toMatchObject({
      doi: '10.1000/geo.2021.1',
      year: 2021,
      venue: 'Journal of Glaciology Examples',
      abstract: 'Glaciers in the Alps have retreated.',
      authorIds: ['openalex:A5000000001 orcid:0000-0002-1825-0097', 'openalex:A5000000002'],
    });
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'json-line', severity: 'error', line: 4 }));
  });
  it('one person under two spellings (one OpenAlex id), two people under one name (two ids)', () => {
    const run = corpusOf('openalex-works.jsonl');
    expect(people(run)).toEqual([
      ['Lena Hoffmann', ['openalex:A5000000001', 'orcid:0000-0002-1825-0097']],
      ['Marco Rossi', ['openalex:A5000000002']], ['Marco Rossi', ['openalex:A5000000003']],
    ]);
    expect(run.corpus.authors[0]!.aliases).toEqual(['Hoffmann, L.', 'Lena Hoffmann']);
    expect(run.report.identifierSplits.map((s) => [s.name, s.people.map((p) => p.id)])).toEqual([
      ['Marco Rossi', ['rossi-marco', 'rossi-marco-openalex-a5000000003']],
    ]);
  });
  it('an API page ({"results": […]}) and a JSON array read alike', () => {
    const page = fixture('openalex-page.json');
    expect(page.records.map((x) => [x.authors, x.year])).toEqual([
      [['Sara Lind', 'Tomás Ruiz'], 2020],
      [['T. Ruiz'], 2021],
    ]);
    expect(page.records.map((x) => x.line)).toEqual([5, 15]);
    expect(people(corpusOf('openalex-page.json'))).toEqual([
      ['Sara Lind', ['openalex:A5100000001', 'orcid:0000-0001-5109-3700']], ['Tomás Ruiz', ['openalex:A5100000002']],
    ]);
  });
});

describe('Crossref', () => {
  it('message.items: given/family names, ORCIDs, organisations, issued year, JATS abstract as text', () => {
    const r = fixture('crossref-works.json');
    expect(r.format).toBe('crossref');
    expect(r.records.map((x) => [x.doi, x.year, x.authors, x.authorIds, x.organisations])).toEqual([
      [
        '10.1000/chem.2018.7',
        2018,
        ['Tanaka, Aiko', 'Okoro, Ben'],
        ['orcid:0000-0002-1825-0097', ''],
        ['Green Chemistry Network'],
      ],
      ['10.1000/chem.2019.9', 2019, ['Tanaka, A.', 'Okoro, Ben'], ['orcid:0000-0002-1825-0097', ''], []],
    ]);
    expect(r.records[0]!.abstract).toBe('Earth-abundant metals can replace noble metals.');
    expect(people(corpusOf('crossref-works.json'))).toEqual([
      ['Aiko Tanaka', ['orcid:0000-0002-1825-0097']],
      ['Ben Okoro', []],
    ]);
  });
});

describe('identity across sources', () => {
  it('a name with an identifier and the same name without one join only on shared co-authors', () => {
    const withId = 'title\tauthors\nP1\tLena Hoffmann; Marco Rossi\nP2\tLena Hoffmann; Ida Unrelated\n';
    const run = runFromParsed([parseText('plain.tsv', withId), fixture('openalex-works.jsonl')], { layout: false });
    const lenas = run.corpus.authors.filter((a) => a.family === 'Hoffmann');
    // "Lena Hoffmann" (no id) shares no co-author with the OpenAlex Lena Hoffmann (her co-authors are Marco Rossis
    // the identifiers tell apart, and the plain file's Marco Rossi has no id): she stays a person of her own.
    expect(lenas.map((a) => a.ids ?? [])).toEqual([[], ['openalex:A5000000001', 'orcid:0000-0002-1825-0097']]);
    const shared = 'title\tauthors\nP1\tAiko Tanaka; Ben Okoro\n';
    const joined = runFromParsed([parseText('plain.tsv', shared), fixture('crossref-works.json')], { layout: false });
    expect(people(joined)).toEqual([['Aiko Tanaka', ['orcid:0000-0002-1825-0097']], ['Ben Okoro', []]]);
    expect(joined.report.merges).toContainEqual(expect.objectContaining({ rule: 'identifier', label: 'Aiko Tanaka' }));
  });
});

describe('detection that refuses to guess', () => {
  it('tagged exports are never read as page layouts; an unknown one is "unknown format" with a hint', () => {
    const tagged = 'XA  - something\nXB  - Doe, Jane\nXB  - Roe, Richard\nXC  - A title\nZZ  - end\n';
    const r = parseText('odd.txt', tagged);
    expect(r.format).toBe('unknown');
    expect(r.issues[0]!.message).toMatch(/^unknown format: this looks like a tagged export/);
    const wosLike = 'AU Doe, J\n   Roe, R\nTI A title\nSO A JOURNAL\nXX 2020\n';
    expect(parseText('w.txt', wosLike).format).toBe('unknown');
  });
  it('says what an unreadable JSON, XML or table looks like', () => {
    expect(parseText('a.json', '{"foo": [1, 2, 3]}').issues[0]!.message).toMatch(
      /looks like JSON, but without the fields/,
    );
    expect(parseText('a.xml', '<root><item>1</item></root>').issues[0]!.message).toMatch(/looks like XML or HTML/);
    expect(parseText('a.csv', 'x,y,z\n1,2,3\n').issues[0]!.message).toMatch(
      /a table whose header has no author or title column \(columns: x, y, z\)/,
    );
  });
});
