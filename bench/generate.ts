// Seeded synthetic corpora for benchmarks: research groups, Zipf-like productivity, heavy-tailed author counts
// (mostly 2–8, a few in the hundreds).

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { seededRng } from '../src/graph/rng';

const SYLLABLES = [
  'an',
  'bo',
  'chen',
  'da',
  'el',
  'fa',
  'gu',
  'han',
  'ian',
  'jo',
  'ka',
  'li',
  'ma',
  'no',
  'ol',
  'pe',
  'qi',
  'ra',
  'si',
  'ta',
  'ul',
  'vi',
  'wa',
  'xi',
  'ya',
  'zo',
  'mei',
  'lin',
  'sun',
  'ro',
];
const WORDS = (
  'graph network learning retrieval scaling language vision robust efficient sparse dense model data neural query ' +
  'index stream causal federated privacy quantum protein molecular temporal spatial adaptive optimal distributed ' +
  'parallel secure'
).split(' ');

function word(n: number, min: number): string {
  let s = '';
  do { s += SYLLABLES[n % SYLLABLES.length]; n = Math.floor(n / SYLLABLES.length); } while (n > 0 || s.length < min);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Author id → a unique "Given Family" name. */
export function authorName(id: number): string {
  return `${word(id % 4000, 3)} ${word(Math.floor(id / 4000) + 7, 4)}`;
}

export interface SyntheticOptions { papers: number; seed: number }

/** Writes a TSV (id, title, authors, year) and returns its shape. */
export async function writeSyntheticTsv(
  path: string,
  { papers, seed }: SyntheticOptions,
): Promise<{ papers: number; authors: number }> {
  const rng = seededRng(seed);
  const totalAuthors = Math.round(papers * 1.55);
  const groupSize = 60;
  const groups = Math.max(1, Math.floor(totalAuthors / groupSize));
  const out = createWriteStream(path);
  out.write('id\ttitle\tauthors\tyear\n');
  const used = new Set<number>();
  let buffer: string[] = [];
  for (let p = 0; p < papers; p++) {
    const r = rng();
    // About 0.04% hyper-authored papers (100–500 authors), 3% with 9–38, the rest 2–8: at 100k papers ≈ 155k
    // authors and ≈ 3M ties.
    const k =
      r < 0.0004
        ? 100 + Math.floor(rng() * 400)
        : r < 0.03
          ? 9 + Math.floor(rng() * 30)
          : Math.min(8, 2 + Math.floor(-Math.log(1 - rng()) * 1.8));
    const group = Math.floor(rng() * groups);
    const members = new Set<number>();
    while (members.size < k) {
      // Zipf-like productivity inside a group; one author in ten comes from a random other group.
      const g = rng() < 0.1 ? Math.floor(rng() * groups) : group;
      const rank = Math.floor(groupSize * Math.pow(rng(), 2.2));
      members.add(Math.min(totalAuthors - 1, g * groupSize + rank));
      if (k > groupSize && members.size < k) members.add(Math.floor(rng() * totalAuthors));
    }
    for (const m of members) used.add(m);
    const title = Array.from({ length: 4 + Math.floor(rng() * 6) }, () => WORDS[Math.floor(rng() * WORDS.length)]).join(
      ' ',
    );
    const capitalized = title.charAt(0).toUpperCase() + title.slice(1);
    const names = [...members].map(authorName).join('; ');
    buffer.push(`syn-${p}\t${capitalized} ${p}\t${names}\t${1990 + Math.floor(rng() * 36)}`);
    if (buffer.length >= 5000) {
      if (!out.write(buffer.join('\n') + '\n')) await once(out, 'drain');
      buffer = [];
    }
  }
  out.end(buffer.length ? buffer.join('\n') + '\n' : '');
  await once(out, 'finish');
  return { papers, authors: used.size };
}
