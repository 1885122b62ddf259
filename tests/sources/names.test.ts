// The name parser: forms, particles, accents, LaTeX, DBLP suffixes, and what is not a person.
import { describe, expect, it } from 'vitest';
import { displayName, parseName } from '../../src/sources/names';
import { nameKey } from '../../src/corpus/nameKey';

describe('parseName', () => {
  it('reads "Last, First" and "First Last" as the same person', () => {
    const a = parseName('Shum, Heung-Yeung');
    const b = parseName('Heung-Yeung Shum');
    expect(a).toMatchObject({ kind: 'person', given: 'Heung-Yeung', family: 'Shum' });
    expect(nameKey(a)).toBe(nameKey(b));
    expect(nameKey(parseName('Heung Yeung Shum'))).toBe(nameKey(a));
  });
  it('keeps particles with the family name', () => {
    expect(parseName('Anna van der Berg')).toMatchObject({ given: 'Anna', family: 'van der Berg' });
    expect(parseName('van der Berg, Anna')).toMatchObject({ given: 'Anna', family: 'van der Berg' });
    // Only a lowercase particle starts the family name: a capitalised one is part of the given names.
    expect(parseName('Ludwig Van Beethoven')).toMatchObject({ given: 'Ludwig Van', family: 'Beethoven' });
    expect(parseName('Zoë de Sá Pereira')).toMatchObject({ given: 'Zoë', family: 'de Sá Pereira' });
  });
  it('decodes LaTeX accents and folds accents in keys', () => {
    const n = parseName("G{\\'e}rard Depardieu");
    expect(displayName(n)).toBe('Gérard Depardieu');
    expect(nameKey(n)).toBe(nameKey(parseName('Gerard Depardieu')));
    expect(displayName(parseName('Hans M{\\"u}ller'))).toBe('Hans Müller');
    expect(displayName(parseName('Ren{\\ss}ler, Kai'))).toBe('Kai Renßler');
  });
  it('keeps DBLP homonym numbers out of the label but in the identity', () => {
    const n = parseName('Wei Wang 0001');
    expect(n).toMatchObject({ given: 'Wei', family: 'Wang', homonym: '0001' });
    expect(displayName(n)).toBe('Wei Wang');
    expect(nameKey(n)).not.toBe(nameKey(parseName('Wei Wang 0002')));
    expect(nameKey(n)).not.toBe(nameKey(parseName('Wei Wang')));
  });
  it('handles suffixes', () => {
    expect(parseName('King, Jr., Martin Luther')).toMatchObject({
      given: 'Martin Luther',
      family: 'King',
      suffix: 'Jr.',
    });
  });
  it('classifies markers, placeholders, teams and junk', () => {
    expect(parseName('et al.').kind).toBe('marker');
    expect(parseName('and others').kind).toBe('marker');
    expect(parseName('Anonymous').kind).toBe('placeholder');
    expect(parseName('[No author name available]').kind).toBe('placeholder');
    expect(parseName('StepFun').kind).toBe('team');
    expect(parseName('The ATLAS Collaboration').kind).toBe('team');
    expect(parseName('OpenAI').kind).toBe('team');
    expect(parseName(':').kind).toBe('invalid');
    expect(parseName('').kind).toBe('invalid');
  });
  it('keeps initials as written', () => {
    expect(parseName('Labanski, A.')).toMatchObject({ kind: 'person', given: 'A.', family: 'Labanski' });
  });
});
