// List repair on damaged lists made from real DBLP author lists (../shared/data): several lengths, shifts both ways and
// prefixes of several shapes. Repaired where the corpus holds the evidence, flagged where it is thin, never invented.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hash32 } from '../../src/corpus/hash';
import { resolveCorpus } from '../../src/corpus/resolve';
import { buildGraph } from '../../src/graph/buildGraph';
import { parseInputs } from '../../src/pipeline';
import type { Corpus, PaperRecord, Repair } from '../../src/types';
import { SHARED_DATA } from '../helpers';
import type { SimpleName } from './damagedLists';
import { PREFIXES, candidates, damage, nameText } from './damagedLists';

interface Case { line: number; kind: 'evidence' | 'strangers'; shift: number; want: string[]; written: string[] }
type Outcome = 'exact' | 'partial' | 'wrong' | 'flagged' | 'left';

const LENGTHS = [5, 6, 8, 10, 12];
const SHIFTS = [1, 2, 3, -1, -2, -3];

let records: PaperRecord[];
let cases: Case[];
let corpus: Corpus;
let originalLines: Set<number>;

function outcome(c: Case): { outcome: Outcome; repair?: Repair; suspect?: Repair } {
  const repair = corpus.repairs.find((r) => r.line === c.line);
  const suspect = corpus.suspectLists.find((r) => r.line === c.line);
  if (repair) {
    const right = repair.after.every((a) => c.want.includes(a));
    return { outcome: !right ? 'wrong' : repair.after.length === c.want.length ? 'exact' : 'partial', repair };
  }
  return { outcome: suspect ? 'flagged' : 'left', suspect };
}

beforeAll(() => {
  const bytes = new Uint8Array(readFileSync(join(SHARED_DATA, 'dblp-2016-18-venues.bib.gz')));
  const [parsed] = parseInputs([{ name: 'dblp.bib', bytes }]);
  records = parsed!.records;
  originalLines = new Set(records.map((r) => r.line));
  const pool = candidates(records).sort((a, b) => (hash32(String(a.index)) < hash32(String(b.index)) ? -1 : 1));
  const used = new Set<string>();
  const taken = new Set<number>();
  const free = (i: number) => !taken.has(i) && records[i]!.authors.every((a) => !used.has(a));
  const take = (i: number) => { taken.add(i); for (const a of records[i]!.authors) used.add(a); };
  cases = [];
  const damageRecord = (i: number, names: SimpleName[], shift: number, variant: number, kind: Case['kind']) => {
    const prefix = PREFIXES[Math.abs(shift)]![variant % 2]!;
    const r = records[i]!;
    r.authors = damage(names, { shift, prefix });
    cases.push({ line: r.line, kind, shift, want: names.map(nameText), written: r.authors });
  };
  let variant = 0;
  // Lists whose authors all co-author with one another on other papers: the evidence a repair needs is there.
  for (const length of LENGTHS) for (const shift of SHIFTS) {
    const c = pool.find((x) => x.names.length === length && x.linked >= 0.8 * length && free(x.index));
    if (!c) continue;
    take(c.index);
    damageRecord(c.index, c.names, shift, variant++, 'evidence');
  }
  // Lists glued from strangers (one name from each of n unrelated papers), then damaged: nothing may re-pair them.
  const loners = pool.filter((x) => x.linked === 0 && x.names.length >= 2);
  for (const length of [5, 6, 8]) for (const shift of [1, 2, -1]) {
    const from = loners.filter((x) => free(x.index)).slice(0, length);
    if (from.length < length) continue;
    from.forEach((x) => take(x.index));
    const names = from.map((x) => x.names[0]!);
    damageRecord(from[0]!.index, names, shift, variant++, 'strangers');
  }
  corpus = resolveCorpus([parsed!]);
}, 300_000);

describe('damaged lists made from real DBLP lists', () => {
  it('builds every case the design asks for', () => {
    const evidence = cases.filter((c) => c.kind === 'evidence');
    expect(new Set(evidence.map((c) => c.want.length))).toEqual(new Set(LENGTHS));
    expect(new Set(evidence.map((c) => c.shift))).toEqual(new Set(SHIFTS));
    expect(evidence.length).toBeGreaterThanOrEqual(28);
    expect(cases.filter((c) => c.kind === 'strangers').length).toBeGreaterThanOrEqual(6);
  });

  it('never re-pairs a list into names that were not its authors', () => {
    for (const c of cases) expect(outcome(c).outcome, c.written.join(', ')).not.toBe('wrong');
  });

  it('repairs most lists whose authors co-author elsewhere, short lists and every shift included', () => {
    const evidence = cases.filter((c) => c.kind === 'evidence');
    const results = evidence.map((c) => outcome(c).outcome);
    const repaired = results.filter((o) => o === 'exact' || o === 'partial').length;
    expect(repaired / evidence.length).toBeGreaterThanOrEqual(0.8);
    expect(results.filter((o) => o === 'exact').length).toBeGreaterThan(evidence.length / 2);
    // A partial repair only leaves out names that lost their partner (the last |shift| of the list).
    for (const c of evidence.filter((x) => outcome(x).outcome === 'partial')) {
      const kept = c.want.slice(0, c.want.length - Math.abs(c.shift));
      expect(outcome(c).repair!.after).toEqual(expect.arrayContaining(kept));
    }
    const shortRepaired = evidence.filter((c) => c.want.length <= 6 && outcome(c).repair);
    expect(new Set(shortRepaired.map((c) => Math.sign(c.shift)))).toEqual(new Set([1, -1]));
    expect(new Set(shortRepaired.map((c) => Math.abs(c.shift)))).toEqual(new Set([1, 2, 3]));
  });

  it('reports each repair with its evidence, and a prefix team as an organisation, not a person', () => {
    for (const c of cases) {
      const { repair } = outcome(c);
      if (!repair) continue;
      expect(repair.message).toBe(`author list re-paired (shift ${c.shift > 0 ? '+' : ''}${c.shift})`);
      expect(repair.evidence).toMatch(/co-authors of each other on other papers/);
      expect(repair.before).toEqual(c.written);
    }
    const repairedLines = new Set(corpus.repairs.map((r) => `dblp.bib:${r.line}`));
    const repairedPapers = corpus.papers.filter((p) => p.sources.some((s) => repairedLines.has(s)));
    const labels = new Set(repairedPapers.flatMap((p) => p.authors.map((a) => corpus.authors[a]!.label)));
    for (const bad of ['Team', 'Kimi', 'StepFun', 'Qwen', 'listed', 'Authors']) {
      expect([...labels].some((l) => l.split(' ').includes(bad)), bad).toBe(false);
    }
  });

  it('re-pairs none of the lists glued from strangers, and flags them: their shifted names are real people', () => {
    for (const c of cases.filter((x) => x.kind === 'strangers'))
      expect(outcome(c).outcome, c.written.join(', ')).toBe('flagged');
  });

  it('leaves every undamaged list of the file as written: no repair, no flag', () => {
    const damaged = new Set(cases.map((c) => c.line));
    const touched = [...corpus.repairs, ...corpus.suspectLists].filter((r) => !damaged.has(r.line));
    expect(originalLines.size).toBe(records.length);
    expect(touched).toEqual([]);
  });

  it('flags lists it cannot repair on evidence, and marks their papers and people in the graph', () => {
    const flagged = cases.filter((c) => outcome(c).outcome === 'flagged');
    expect(flagged.length).toBeGreaterThan(0);
    const { graph } = buildGraph(corpus);
    for (const c of flagged) {
      const { suspect } = outcome(c);
      expect(suspect!.message).toMatch(/^author list looks mis-paired \(shift [+-]\d\); read as written and flagged$/);
      expect(suspect!.evidence).toMatch(/too little evidence to re-pair it$/);
      const paper = corpus.papers.find((p) => p.sources.includes(`dblp.bib:${c.line}`))!;
      expect(paper.suspect).toBe(true);
      // People seen only on this list carry the flag into every export.
      for (const a of paper.authors) {
        const author = corpus.authors[a]!;
        expect(graph.getNodeAttribute(author.id, 'suspect')).toBe(author.papers.length === 1 ? true : undefined);
      }
    }
    expect(corpus.issues.filter((i) => i.code === 'suspect-list')).toHaveLength(corpus.suspectLists.length);
  });
});
