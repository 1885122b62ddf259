// The name parser's fast path for plain names gives exactly what the general path gives, on real and awkward names.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cleanNameText, cleanNameTextGenerally, isLatinLetter, parseNameGenerally, parsePlainName,
} from '../../src/sources/names';
import { parseInputs } from '../../src/pipeline';
import { seededRng } from '../../src/graph/rng';
import { FIXTURES, SHARED_DATA, seedFiles, stringsUpTo } from '../helpers';

/** Words of plain names, most of what a corpus holds. */
const PLAIN = [
  'Anna', 'Wei', 'Zoë', 'Łukasz', 'Dvořák', "O'Brien", "D'Alembert", 'Jean-Luc', 'J.', 'J.-P.', 'Tanaka',
];
/** Words that meet every other rule of the parser: particles, suffixes, markers, placeholders, teams, scripts. */
const WORDS = [
  ...PLAIN, "d'", 'JK', 'STS', 'van', 'Van', 'der', 'de', 'De', 'al', 'el', 'y', 'bin', 'dos', 'ter',
  'Jr.', 'jr', 'Sr', 'II', 'iii', 'IV', 'v', 'V',
  'et', 'al.', 'and', 'others', 'etc.', 'Anonymous', 'anon.', 'n.', 'a.', 'N', 'A', 'not', 'available', 'none',
  'Unknown', 'author', 'Group', 'Labs', 'lab', 'AI', 'DeepSeek-AI', 'University', 'Universität', 'consortium',
  'StepFun', 'OpenAI', 'McDonald', 'MacLeod', 'x', '-', '.', "'", '0001', '0002', '123', '12345', 'x1', 'é', 'e\u0301',
  'ǅemal', 'ß', 'Æsa', '×', 'Ωmega', 'Иван', '李', 'GARCÍA', 'garcía', 'Müller', 'ÆØÅ', 'ı', 'ĳ',
];
const JOINS = [' ', '  ', ', ', ',', '\t', ' , '];

function awkwardNames(count: number, seed: number): string[] {
  const next = seededRng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    // Mostly short names of plain words and single spaces, so that many reach the fast path, some barely.
    const words = 1 + Math.floor(next() * next() * 10);
    const word = () => pick(next() < 0.6 ? PLAIN : WORDS);
    let name = word();
    for (let w = 1; w < words; w++) name += (next() < 0.8 ? ' ' : pick(JOINS)) + word();
    if (next() < 0.05) name = ` ${name}`;
    if (next() < 0.05) name += pick([' ', '.', ',', ';', ' 0001']);
    out.push(name);
  }
  return out;
}

/** Every name the fast path answers gets the general path's answer; returns how many it answered. */
function agreeing(names: Iterable<string>): number {
  let fast = 0;
  const wrong: string[] = [];
  for (const name of names) {
    const parsed = parsePlainName(name);
    if (!parsed) continue;
    fast++;
    if (JSON.stringify(parsed) !== JSON.stringify(parseNameGenerally(name))) wrong.push(name);
  }
  expect(wrong).toEqual([]);
  return fast;
}

function authorsOf(files: { name: string; bytes: Uint8Array }[]): Set<string> {
  const names = new Set<string>();
  for (const source of parseInputs(files)) for (const r of source.records) for (const a of r.authors) names.add(a);
  return names;
}

describe('parseName fast path', () => {
  it('agrees with the general path on 200,000 awkward names made of every rule\'s words', () => {
    const names = awkwardNames(200_000, 7);
    const fast = agreeing(names);
    // The generator must reach the fast path often, or the comparison would prove little.
    expect(fast).toBeGreaterThan(50_000);
  });

  it('agrees on every author of the seeds, the fixtures and the 74k DBLP file, and answers most of them', () => {
    const file = (dir: string, name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) });
    const fixtures = readdirSync(FIXTURES).map((f) => file(FIXTURES, f));
    const small = authorsOf([...seedFiles(), ...fixtures]);
    expect(agreeing(small)).toBeGreaterThan(small.size / 2);
    const dblp = authorsOf([file(SHARED_DATA, 'dblp-2016-18-venues.bib.gz')]);
    expect(dblp.size).toBeGreaterThan(60_000);
    expect(agreeing(dblp)).toBeGreaterThan(dblp.size * 0.8);
  });

  it('takes only letters that are NFC in any order: no pair of them composes', () => {
    const letters: string[] = [];
    for (let c = 0; c < 0x300; c++) {
      const letter = String.fromCharCode(c);
      if (isLatinLetter(c) || /[A-Za-z]/.test(letter)) letters.push(letter);
    }
    expect(letters.length).toBeGreaterThan(400);
    const pairs = letters.flatMap((x) => letters.map((y) => x + y));
    const composing = pairs.filter((pair) => pair.normalize('NFC') !== pair);
    expect(composing).toEqual([]);
    // The check is real: a letter and a combining accent do compose.
    expect('e\u0301'.normalize('NFC')).not.toBe('e\u0301');
  });

  it('leaves what it cannot be sure of to the general path', () => {
    const unsure = ['Smith, John', 'et al.', 'Research Group', 'Wei Wang  0001', 'Anna', 'Zoe\u0301 Sato', 'J. Doe 12'];
    for (const name of unsure) {
      expect(parsePlainName(name)).toBeUndefined();
    }
    expect(parsePlainName('Wei Wang 0001'))
      .toEqual({ raw: 'Wei Wang 0001', kind: 'person', given: 'Wei', family: 'Wang', homonym: '0001' });
    expect(parsePlainName('Anna van der Berg Jr.'))
      .toMatchObject({ given: 'Anna', family: 'van der Berg', suffix: 'Jr.' });
  });
});

describe('cleanNameText fast path', () => {
  it('agrees with the general path on every short text over an alphabet of awkward characters', () => {
    const alphabet = ['a', 'Z', ' ', '.', ',', ';', '\\', '{', '~', '*', '^', 'é', '\u0301', '\u00A0', '†', '1',
      '\t'];
    const all = stringsUpTo(alphabet, 4);
    expect(all.length).toBeGreaterThan(80_000);
    expect(all.filter((t) => cleanNameText(t) !== cleanNameTextGenerally(t))).toEqual([]);
  });
});
