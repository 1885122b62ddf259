// Names parsed ahead (while a reading thread works) give the name table exactly what parsing on demand gives.

import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/pipeline';
import { NamePrep } from '../../src/corpus/namePrep';
import { NameTable } from '../../src/corpus/nameTable';
import { resolveTable } from '../../src/corpus/resolveTable';
import { seedFiles } from '../helpers';

describe('NamePrep', () => {
  const spellings = readTable(seedFiles()).spellings;
  const extra = [
    'Smith, John\u0001orcid:0000-0001',
    'J. Smith\u0001orcid:0000-0001',
    'et al.',
    'Bojun :',
    'Arijit Team',
    '',
  ];
  const all = [...spellings, ...extra];

  it('parses in steps, in order, and hands each parse over once', () => {
    const prep = new NamePrep(all);
    expect(prep.step(3)).toBe(true);
    expect(prep.take(2)).toBeDefined();
    expect(prep.take(2)).toBeUndefined();
    expect(prep.take(3)).toBeUndefined();
    while (prep.step(100));
    expect(prep.step(100)).toBe(false);
    expect(prep.take(all.length - 1)).toBeDefined();
  });

  it('gives the same names, keys and folds as parsing on demand, whatever was prepared', () => {
    const plain = new NameTable(all);
    const partly = new NamePrep(all); partly.step(Math.floor(all.length / 2));
    const fully = new NamePrep(all); while (fully.step(64));
    for (const prep of [partly, fully]) {
      const table = new NameTable(all, prep);
      for (let id = 0; id < all.length; id++) expect(table.get(id)).toEqual(plain.get(id));
      expect(table.keys).toEqual(plain.keys);
    }
  });

  it('leaves the resolved seeds unchanged', () => {
    const ahead = readTable(seedFiles());
    while (ahead.namePrep.step(50));
    const a = resolveTable(ahead); const b = resolveTable(readTable(seedFiles()));
    expect(a.authors.ids).toEqual(b.authors.ids);
    expect(a.authors.labels).toEqual(b.authors.labels);
    expect(a.authorMerges).toEqual(b.authorMerges);
    expect([...a.paperAuthors.items]).toEqual([...b.paperAuthors.items]);
  });
});
