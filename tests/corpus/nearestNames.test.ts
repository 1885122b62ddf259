// Suggestions for an unknown name: the bit-vector edit distance equals the plain one, names are scored as the
// definition says, and choosing the nearest part by part (as the store reads its name index) changes nothing.
import { describe, expect, it } from 'vitest';
import { editDistance, PatternDistance } from '../../src/corpus/editDistance';
import type { Candidate } from '../../src/corpus/nearestNames';
import { familyFirst, nearestCandidates, scoreNames } from '../../src/corpus/nearestNames';

function random(seed: number) {
  return (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
}

/** The score by its definition, one name at a time. */
function plainScore(name: string, fq: string): number {
  const words = name.split(' ');
  if (name.includes(fq) || fq.split(' ').every((w) => words.includes(w))) return 0;
  const turned = familyFirst(fq);
  const d = editDistance(fq, name);
  return turned && name.includes(` ${fq[0]}`) ? Math.min(d, editDistance(turned, name)) : d;
}

describe('PatternDistance', () => {
  it('equals the plain edit distance, for patterns of one, two and three blocks', () => {
    const rnd = random(11);
    const alphabet = ['a', 'b', 'e', ' ', 'é', 'ł', '日', 'z'];
    const text = (n: number) => Array.from({ length: n }, () => alphabet[rnd(alphabet.length)]).join('');
    for (let k = 0; k < 3000; k++) {
      const a = text(rnd(90)); const b = text(rnd(90));
      expect(new PatternDistance(a).to(b), `${a} / ${b}`).toBe(editDistance(a, b));
    }
    for (const m of [31, 32, 33, 63, 64, 65]) {
      const a = 'x'.repeat(m);
      expect(new PatternDistance(a).to('')).toBe(m);
      expect(new PatternDistance(a).to(a)).toBe(0);
      expect(new PatternDistance(a).to(`${a}y`)).toBe(1);
      expect(new PatternDistance(a).to(`y${a.slice(1)}`)).toBe(1);
    }
  });
  it('measures a slice of a longer text, and known pairs', () => {
    const d = new PatternDistance('kitten');
    expect(d.to('xx sitting xx', 3, 10)).toBe(3);
    expect(d.to('')).toBe(6);
    expect(new PatternDistance('').to('abc')).toBe(3);
    expect(new PatternDistance('flaw').to('lawn')).toBe(2);
  });
});

describe('scoreNames', () => {
  it('scores every name as the definition does', () => {
    const rnd = random(5);
    const words = ['li', 'wei', 'wang', 'anna', 'zhang', 'jo', 'muller', 'ng', 'a'];
    const name = () => Array.from({ length: 1 + rnd(3) }, () => words[rnd(words.length)]).join(' ');
    const names = Array.from({ length: 400 }, name);
    for (let k = 0; k < 60; k++) {
      const fq = k % 3 ? name() : `${name()}x`;
      const scores = scoreNames(names.join('\n'), fq);
      expect([...scores]).toEqual(names.map((n) => plainScore(n, fq)));
    }
  });
  it('puts names holding the query or all its words first, and reads a query family name first', () => {
    const names = ['wei zhang', 'zhang wei', 'anna wei zhang', 'daxin jiang', 'wei zhao'];
    expect([...scoreNames(names.join('\n'), 'wei zhang')]).toEqual([0, 0, 0, 6, 2]);
    expect([...scoreNames(names.join('\n'), 'zhang zhang')]).toEqual([0, 0, 0, 7, 7]);
    // "jang daxin" is 9 edits from "daxin jiang" as written, one when read as "daxin jang".
    expect(scoreNames(names.join('\n'), 'jang daxin')[3]).toBe(1);
    expect(scoreNames('daxin jiang', 'jang daxin')[0]).toBe(1);
    expect(scoreNames('daxin jiang', 'jang daxix')[0]).toBe(2);
  });
});

describe('nearestCandidates', () => {
  it('keeps every name tied at the cut, and chooses alike part by part', () => {
    const rnd = random(3);
    for (let k = 0; k < 80; k++) {
      const n = 1 + rnd(300);
      // Small scores, and (one round in four each) scores about and past the histogram's end (256 slots), of long
      // names far from the query.
      const far = [0, 0, 250, 256][k % 4]!;
      const scores = Int32Array.from({ length: n }, () => far + rnd(far ? 12 : 6));
      const papers = Int32Array.from({ length: n }, () => rnd(4));
      const top = 1 + rnd(8);
      const whole = nearestCandidates(scores, (i) => papers[i]!, top);
      let kept: Candidate[] = [];
      for (let first = 0; first < n; first += 37) {
        const part = scores.subarray(first, first + 37);
        kept = nearestCandidates(part, (i) => papers[first + i]!, top, first, kept);
      }
      expect(kept).toEqual(whole);
      // Nothing left out beats or ties the last candidate kept.
      const last = whole[whole.length - 1]!;
      const key = (i: number) => scores[i]! * 10 - papers[i]!;
      const sorted = [...scores.keys()].sort((x, y) => key(x) - key(y));
      expect(whole.slice(0, top).map((c) => key(c.index))).toEqual(sorted.slice(0, top).map(key));
      const inside = new Set(whole.map((c) => c.index));
      for (let i = 0; i < n; i++) if (!inside.has(i)) expect(key(i)).toBeGreaterThan(last.score * 10 - last.papers);
      expect(whole.length).toBeGreaterThanOrEqual(Math.min(top, n));
    }
  });
});
