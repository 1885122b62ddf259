// Group labels: topic words and phrases from titles and abstracts; generic research words and a series name that is
// on most papers stay out; on the seeds the audio, video and scaling-law teams read as such.
import { describe, expect, it } from 'vitest';
import { groupWords, termsOf } from '../../src/graph/groupLabels';
import { paperTermTable } from '../../src/graph/paperTerms';
import { runSeeds } from '../helpers';

describe('terms', () => {
  it('keeps topic words and adjacent pairs; stop and generic words break pairs; plurals and sizes fold away', () => {
    expect(termsOf('Scaling Laws for a 7B Model: Technical Report on Graph Kernels')).toEqual([
      'scaling', 'law', 'scaling law', 'graph', 'kernel', 'graph kernel',
    ]);
    expect(termsOf('Towards an Efficient Approach to Speech Interaction')).toEqual([
      'speech',
      'interaction',
      'speech interaction',
    ]);
  });
});

describe('paper term table', () => {
  it('counts each paper\'s terms as termsOf reads them, past the first thousand distinct terms', () => {
    // 600 papers of two fresh words each (word, word, phrase: 1,800 distinct terms), the abstract repeating the title
    // and adding a word of the previous paper: uses = 2 × abstract count + 1 for a title term.
    const letter = (n: number) => String.fromCharCode(97 + (n % 26));
    const word = (i: number) => `w${letter(i)}${letter(Math.floor(i / 26))}${letter(Math.floor(i / 676))}q`;
    const titles = Array.from({ length: 600 }, (_, p) => `${word(2 * p)} ${word(2 * p + 1)}`);
    const abstracts = titles.map((t, p) => `${t}. ${t}. ${p ? word(2 * p - 1) : ''}`);
    const { vocab, start, ids, uses } = paperTermTable({
      count: titles.length, title: (p) => titles[p]!, abstract: (p) => abstracts[p]!,
    });
    expect(vocab.size).toBeGreaterThan(1024);
    for (let p = 0; p < titles.length; p++) {
      const expected = new Map<string, number>();
      for (const t of termsOf(abstracts[p]!)) expected.set(t, (expected.get(t) ?? 0) + 2);
      for (const t of new Set(termsOf(titles[p]!))) expected.set(t, (expected.get(t) ?? 0) + 1);
      const got = new Map<string, number>();
      for (let k = start[p]!; k < start[p + 1]!; k++) got.set(vocab.textOf(ids[k]!), uses[k]!);
      expect(got, titles[p]).toEqual(expected);
    }
  });
});

describe('group words', () => {
  // Group 0 writes about speech, group 1 about video; "Nova" (the series) is on every paper.
  const papers = [
    { title: 'Nova Speech: Speech Interaction at Scale', authors: [0, 1, 2], abstract: 'We study speech interaction.' },
    { title: 'Nova Speech Interaction with Dialogue', authors: [0, 1], abstract: '' },
    { title: 'Nova Video: Video Generation Report', authors: [3, 4, 5], abstract: 'Video generation from text.' },
    { title: 'Nova Video Generation in Practice', authors: [3, 4], abstract: '' },
    { title: 'Nova Study of Tokenizers', authors: [0, 3], abstract: '' },
    ...Array.from({ length: 8 }, (_, i) => ({ title: `Nova Note ${i} on Topic${i}`, authors: [6 + i], abstract: '' })),
  ];
  const group = Int32Array.from([0, 0, 0, 1, 1, 1, ...Array.from({ length: 8 }, (_, i) => 2 + i)]);
  const sizes = [3, 3, ...Array.from({ length: 8 }, () => 1)];
  const words = groupWords({
    count: papers.length, title: (p) => papers[p]!.title, abstract: (p) => papers[p]!.abstract,
    authors: (p) => papers[p]!.authors,
  }, group, sizes);
  it('names each group by its own topic, a phrase where the phrase carries the word', () => {
    expect(words[0]).toContain('speech interaction');
    expect(words[1]).toContain('video generation');
    expect(words.slice(2)).toEqual(Array.from({ length: 8 }, () => []));
  });
  it('leaves out the series name on every paper and the generic words', () => {
    for (const w of words.flat()) expect(['nova', 'report', 'practice', 'study']).not.toContain(w);
  });
});

describe('seed groups', () => {
  const { communities } = runSeeds({ layout: false });
  const labelOf = (word: RegExp) => communities.filter((c) => word.test(c.label)).map((c) => c.label);
  it('label the StepFun audio, video and scaling-law teams differently, each by its topic', () => {
    const audio = labelOf(/audio|speech/); const video = labelOf(/video/); const scaling = labelOf(/scaling law/);
    expect([audio.length, video.length, scaling.length]).toEqual([1, 1, 1]);
    expect(new Set([audio[0], video[0], scaling[0]]).size).toBe(3);
  });
  it('never use the series name or generic report words', () => {
    for (const c of communities)
      expect(c.label.split(' · ')[1] ?? '').not.toMatch(/\b(step|report|technical|study|towards|approach|results)\b/);
  });
});
