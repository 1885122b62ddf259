// The file formats researchers have, each on real excerpts (tests/fixtures name their sources) and on the full files
// in ../shared/data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInputs, runFromParsed } from '../../src/pipeline';
import { parseBytes } from '../../src/sources/parseSource';
import { FIXTURES, SHARED_DATA } from '../helpers';

const fixture = (name: string) => parseBytes(name, readFileSync(join(FIXTURES, name)));
const shared = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(SHARED_DATA, name))) });
const corpusOf = (...files: { name: string; bytes: Uint8Array }[]) =>
  runFromParsed(parseInputs(files), { layout: false });
const fixtureFile = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(FIXTURES, name))) });

describe('BibTeX', () => {
  it('reads DBLP entries: accents, homonym numbers, teams', () => {
    const r = fixture('dblp-excerpt.bib');
    expect(r.format).toBe('bibtex');
    expect(r.records).toHaveLength(10);
    expect(r.records[0]!.authors).toEqual(['Truls Amundsen Bjørklund', 'Michaela Götz', 'Johannes Gehrke']);
    const run = corpusOf(fixtureFile('dblp-excerpt.bib'));
    const labels = run.corpus.authors.map((a) => a.label);
    expect(labels).toContain('Björn Þór Jónsson');
    expect(run.corpus.authors.find((a) => a.label === 'Jianmin Wang')!.id).toBe('wang-jianmin-0001');
    expect(labels).not.toContain('Times-Ten Team');
    // 10 entries; authors counted by hand: 3+2+3+6+1+1+4+3+3 = 26 names, all distinct; the team is not a person.
    expect(run.report).toMatchObject({ papers: 10, papersWithAuthors: 9, authors: 26 });
  });
  it('decodes LaTeX, resolves @string macros (also from an earlier file) and keeps corporate authors out', () => {
    const run = corpusOf(fixtureFile('hard-cases.bib'), fixtureFile('strings-excerpt.bib'));
    // Files are read in the order given: hard-cases.bib first cannot see the macros, so order them as a user would.
    const ordered = corpusOf(fixtureFile('strings-excerpt.bib'), fixtureFile('hard-cases.bib'));
    const parsed = parseInputs([fixtureFile('strings-excerpt.bib'), fixtureFile('hard-cases.bib')]);
    const recs = parsed[1]!.records;
    expect(recs.map((r) => r.sourceKey)).toEqual(['accents2001', 'corporate2002', 'arxiv2004']);
    expect(recs[0]!.venue).toBe('Proc. SIGMOD');
    expect(recs[0]!.title).toBe('On the Quality of Co-authorship Data');
    expect(recs[1]).toMatchObject({ doi: '10.1000/XYZ.2002', title: 'Global Health Report' });
    expect(recs[2]).toMatchObject({ arxivId: '2401.00001' });
    const labels = ordered.corpus.authors.map((a) => a.label).sort();
    expect(labels).toEqual([
      'Ann Lee',
      'Anna van der Berg',
      'Bo Chen',
      'Gérard Depardieu',
      'Hans Christian Ørsted',
      'Hans Müller',
      'Jane Q. Public',
      'Stefan Renßler',
    ]);
    const corporate = ordered.corpus.papers.find((p) => p.title === 'Global Health Report')!;
    expect(corporate).toMatchObject({ complete: false, organisations: ['World Health Organization'] });
    expect(run.report.issues.some((i) => i.code === 'macros-only')).toBe(true);
  });
  it('reads field and entry names in any case, also names of one first letter and length in turn', () => {
    // "title"/"tyear" and "TITLE"/"Title" meet the scanner's cache of names read before in every order.
    const bib = [
      '@Article{a1, Title = {One}, TYEAR = {x}, title2 = {y}, Author = {Ann Lee}, YEAR = 2001}',
      '@ARTICLE{a2, tyear = {x}, TITLE = {Two}, author = {Bo Chen}, year = {2002}}',
      '@article{a3, title = {Three}, Tyear = {x}, AUTHOR = {Cy Dee}, Year = 2003}',
      '@InProceedings{a4, BookTitle = {Proc. A}, title = {Four}, author = {Di Eng}, year = 2004}',
      '@inproceedings{a5, booktitle = {Proc. B}, Title = {Five}, author = {Ed Fox}, year = 2005}',
    ].join('\n');
    const r = parseBytes('names.bib', new TextEncoder().encode(bib));
    expect(r.records.map((x) => [x.title, x.authors[0], x.year])).toEqual([
      ['One', 'Ann Lee', 2001], ['Two', 'Bo Chen', 2002], ['Three', 'Cy Dee', 2003], ['Four', 'Di Eng', 2004],
      ['Five', 'Ed Fox', 2005],
    ]);
    expect(r.records.slice(3).map((x) => x.venue)).toEqual(['Proc. A', 'Proc. B']);
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });
  it('reports a malformed entry with file:line and reads the entries after it', () => {
    const r = fixture('hard-cases.bib');
    expect(r.issues).toContainEqual(
      expect.objectContaining({ code: 'malformed-entry', severity: 'error', file: 'hard-cases.bib', line: 20 }),
    );
    expect(r.records.map((x) => x.sourceKey)).toEqual(['accents2001', 'corporate2002', 'arxiv2004']);
  });
  it('skips %-commented entries and keeps a software entry', () => {
    const r = fixture('apa-excerpt.bib');
    expect(r.records.map((x) => x.sourceKey)).toEqual(['9.8:1', '9.8:2', '10.1:18', '10.10:80']);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
  it('reads the full DBLP file and accounts for every record', () => {
    const run = corpusOf(shared('dblp-2016-18-venues.bib.gz'));
    // 74,758 entries (grep -c '^@'), every one read; 996 have an empty author field and 5 only a team
    // ("Times-Ten Team"…), all reported.
    expect(run.report.records).toBe(74758);
    expect(run.report.papers).toBe(74758);
    expect(run.report.papersWithAuthors).toBe(74758 - 996 - 5);
    expect(run.report.issues.filter((i) => i.code === 'no-authors')).toHaveLength(996);
    expect(run.report.issueCounts.error).toBe(0);
  }, 300_000);
});

describe('RIS', () => {
  it('reads Scopus records with initials as written and skips cited-reference lines quietly', () => {
    const r = fixture('scopus-excerpt.ris');
    expect(r.format).toBe('ris');
    expect(r.records).toHaveLength(2);
    expect(r.records[0]).toMatchObject({
      year: 2020,
      doi: '10.1016/j.psyneuen.2019.104501',
      authors: ['Labanski, A.', 'Langhorst, J.', 'Engler, H.', 'Elsenbruch, S.'],
    });
    expect(r.issues).toEqual([]);
    const run = corpusOf(fixtureFile('scopus-excerpt.ris'));
    expect(run.corpus.authors.map((a) => a.label)).toContain('A. Labanski');
  });
  it('counts the real exports: records and distinct authors (checked with grep and a script)', () => {
    expect(corpusOf(shared('formats/scopus.ris')).report).toMatchObject({ records: 6, authors: 25 });
    expect(corpusOf(shared('formats/pubmed_zotero.ris')).report).toMatchObject({ records: 6, authors: 26 });
    // 595 distinct "Family, Given" strings, one of which ("R. A. J. Nievelstein") is merged by initials with a
    // co-author in common.
    const zotero = corpusOf(shared('formats/baseline_zotero.ris')).report;
    expect(zotero).toMatchObject({ records: 100, authors: 594 });
    expect(zotero.merges.map((m) => m.spellings)).toEqual([['R. A. J. Nievelstein', 'Rutger A.J. Nievelstein']]);
  });
  it('reads a byte-order mark and a record without ER', () => {
    const text = '\uFEFFTY  - JOUR\nAU  - Lee, Ann\nTI  - One\nTY  - JOUR\nAU  - Chen, Bo\nTI  - Two\nER  - \n';
    const r = parseBytes('bom.ris', new TextEncoder().encode(text));
    expect(r.records.map((x) => x.title)).toEqual(['One', 'Two']);
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'missing-er', line: 4 }));
  });
});

describe('CSL-JSON', () => {
  it('reads authors, years and DBLP homonym numbers split into the family field', () => {
    const r = fixture('acl-excerpt.csl.json');
    expect(r.format).toBe('csl-json');
    expect(r.records.map((x) => x.year)).toEqual([2015, 1998, 2009]);
    const run = corpusOf(fixtureFile('acl-excerpt.csl.json'));
    const strube = run.corpus.authors.find((a) => a.family === 'Strube')!;
    expect(strube).toMatchObject({ label: 'Michael Strube', id: 'strube-michael-0001' });
    expect(run.corpus.authors.map((a) => a.label)).toContain('Gérard Sabah');
  });
  it('counts the full ACL file', () => {
    // 4,679 items; 5,566 distinct (family, given) pairs by a script that also folds "family: 0001".
    expect(corpusOf(shared('formats/dblp-conf-acl.csl.json.gz')).report).toMatchObject({
      records: 4679,
      papers: 4679,
      authors: 5566,
    });
  });
  it('keeps the items around a broken one', () => {
    const text =
      '[\n{"title": "A", "author": [{"family": "Lee", "given": "Ann"}]},\n{"title": "B", "author": [oops]},\n' +
      '{"title": "C", "author": [{"literal": "ACME Consortium"}]}\n]';
    const r = parseBytes('broken.json', new TextEncoder().encode(text));
    expect(r.records.map((x) => x.title)).toEqual(['A', 'C']);
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'bad-json', line: 3 }));
  });
});

describe('arXiv Atom and DBLP XML', () => {
  it('reads the arXiv API response', () => {
    const r = fixture('arxiv-2entries.atom.xml');
    expect(r.format).toBe('arxiv-atom');
    expect(r.records.map((x) => [x.arxivId, x.year, x.authors])).toEqual([
      ['1205.1001', 2012, ['Timo Fischer', 'H. Jelger Risselada', 'Richard L. C. Vink']],
      ['1001.1001', 2010, ['Philip G. Judge']],
    ]);
    expect(r.records[0]!.title).toBe(
      'Membrane lateral structure: The influence of immobilized particles on domain size',
    );
  });
  it('reads DBLP XML records with nested title markup, orcid attributes and homonyms', () => {
    const r = fixture('dblp-excerpt.xml');
    expect(r.format).toBe('dblp-xml');
    expect(r.records).toHaveLength(3);
    expect(r.records[2]).toMatchObject({
      title: 'CogniCryptGEN: generating code for the secure usage of crypto APIs',
      year: 2020,
      doi: '10.1145/3368826.3377905',
    });
    expect(r.records[0]!.authors).toEqual(['Xiaoming Li', 'María Jesús Garzarán', 'David A. Padua']);
    expect(corpusOf(shared('formats/bsrankings-sample100.xml')).report).toMatchObject({ records: 100, authors: 335 });
  });
  it('decodes HTML entities as in DBLP dumps', () => {
    const xml =
      '<?xml version="1.0"?>\n<dblp>\n<article key="a/b"><author>J&ouml;rg M&uuml;ller</author>' +
      '<author orcid="0000-0001-2345-6789">Ann Lee</author><title>T&amp;T.</title><year>2001</year></article>\n</dblp>';
    const r = parseBytes('e.xml', new TextEncoder().encode(xml));
    expect(r.records[0]).toMatchObject({ authors: ['Jörg Müller', 'Ann Lee'], title: 'T&T' });
  });
});

describe('CSV / TSV', () => {
  it('finds columns by header name and splits authors on ";" and " and "', () => {
    const r = fixture('scopus-export.csv');
    expect(r.format).toBe('csv');
    expect(r.records.map((x) => x.authors)).toEqual([
      ['Labanski A.', 'Langhorst J.', 'Engler H.', 'Elsenbruch S.'],
      ['Müller, Jörg', "O'Neil, Cathy"],
      ['Zoë Fontaine', 'Lars Ødegaard'],
      ['Anonymous'],
    ]);
    expect(r.records[1]).toMatchObject({ title: 'Graphs, "Quoted" Titles, and Commas', year: 2021, line: 3 });
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'empty-row', line: 5 }));
  });
  it('reads TSV with an id column, and deduplicates across files by arXiv id', () => {
    const r = fixture('people.tsv');
    expect(r.records[0]).toMatchObject({ arxivId: '2401.00001', authors: ['Ann Lee', 'Bo Chen', 'Anna van der Berg'] });
    const run = corpusOf(fixtureFile('people.tsv'), fixtureFile('hard-cases.bib'));
    const deep = run.corpus.papers.filter((p) => p.title === 'Deep Sketches');
    expect(deep).toHaveLength(1);
    expect(deep[0]!.sources).toEqual(['people.tsv:2', 'hard-cases.bib:25']);
  });
});
