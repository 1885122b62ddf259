// A DBLP-shaped corpus, seeded: research groups with Zipf-like productivity, 1–6 authors on most papers, a few
// hyper-authored ones, names with middle initials, accents (some as LaTeX), DBLP homonym numbers; written as one
// BibTeX file (DBLP's export layout) and the same papers as a TSV for the peers. At 2.9M papers (seed 2016): 8.28M
// authorships, 1.58M names and 7.07M ties, against DBLP 2016's 8.2M, 1.6M and 6.7M (lab-bound teams, partner labs
// and standing large collaborations make ties repeat as real ones do; before them it made 10.5M ties). Its groups are
// cleaner than DBLP's (Louvain's modularity about 0.95 against 0.76): more cross-lab authors lowered that only with
// far more ties (a quarter from two partner labs: 8.9M ties, modularity 0.87).

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { WriteStream } from 'node:fs';
import { seededRng } from '../src/graph/rng';

const GIVEN = (
  'James Mary John Patricia Robert Jennifer Michael Linda David ' +
  'Elizabeth William Barbara Richard Susan Joseph Jessica ' +
  'Thomas Sarah Daniel Karen Matthew Lisa Anthony Nancy Mark Sandra ' +
  'Steven Ashley Paul Emily Andrew Michelle Joshua Amanda ' +
  'Wei Jing Li Min Hui Yan Jun Lei Xin Yu Hao Jie Ying Tao Bin Fang ' +
  'Chen Qiang Ming Lin Zhi Xiaoming Yifan Jiawei Haoran ' +
  'Hiroshi Yuki Takashi Akira Kenji Sakura Haruto Ji-hoon Min-jun ' +
  'Seo-yeon Ananya Rahul Priya Vikram Arjun Deepa Sanjay ' +
  'José María Jürgen Søren Zoë Renée François Günter Łukasz Åsa Björn Ørjan Héctor Inés Çağrı Miloš Ilse Dmitri Olga ' +
  'Sergei Natalia Ivan Anna Pierre Claire Luca Giulia Marco Francesca Hans Greta Lars Ingrid Pedro Ana Carlos Lucía'
).split(' ');
const FAMILY_REAL = (
  'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Wang Li Zhang Liu Chen Yang Huang Zhao ' +
  'Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Gao Kim Lee Park Choi Jung ' +
  'Kang Tanaka Suzuki Takahashi Watanabe Ito Yamamoto ' +
  'Nakamura Kobayashi Sato Kumar Singh Sharma Gupta Patel Reddy Iyer ' +
  'Müller Schmidt Schneider Fischer Weber Meyer Wagner ' +
  'Becker Schäfer Koch Rossi Russo Ferrari Esposito Bianchi Romano ' +
  'Dubois Lefèvre Girard Bonnet Fernández López González ' +
  'Pérez Sánchez Ramírez Novák Dvořák Nowak Kowalski Wiśniewski Andersson Johansson Karlsson Nielsen Jensen Hansen ' +
  "Ivanov Petrov Smirnov Popescu Nagy Horváth Yılmaz Kaya Demir Papadopoulos O'Brien van_Dijk de_Jong van_der_Berg"
)
  .split(' ')
  .map((f) => f.replace(/_/g, ' '));
const STEM = (
  'Ander Berg Car Dal Fer Gar Hol Kov Lind Mar Nak Ols Pet Ros Stan Tan Vil Wal Yam Zha Bel Cor Dra Eck Fal Gro Har ' +
  'Jan Kir Lau Mor Nor Oli Pal Que Rad Sol Tor Ul Var Wes Xan Yor Zel Abr Bor'
).split(' ');
const ENDING = (
  'son man ström ez ini ova ski mura oglu er berg ardt ley ford quist ovich ato elli sen ian ová ić escu akis ' +
  'stein feld wood mann ides ura eanu ček ssen ier aud'
).split(' ');
const VENUES = [
  'SIGMOD Conference', 'Proc. VLDB Endow.', 'ICDE', 'ACL', 'EMNLP', 'NAACL-HLT', 'COLING', 'NeurIPS', 'ICML', 'CVPR',
  'ICCV', 'ECCV', 'SIGIR', 'KDD', 'WWW', 'AAAI', 'IJCAI',
];
const WORDS = (
  'learning graph neural network query efficient scalable robust deep semantic parsing retrieval image segmentation ' +
  'language translation embedding attention adversarial optimization ' +
  'distributed streaming index privacy federated causal ' +
  'inference sparse dense detection recognition generation reasoning ' +
  'knowledge question answering database transaction ' +
  'clustering ranking recommendation temporal spatial multimodal contrastive'
).split(' ');

const LATEX: Record<string, string> = {
  ü: '{\\"u}', ö: '{\\"o}', ä: '{\\"a}', é: "{\\'e}", è: '{\\`e}', á: "{\\'a}", í: "{\\'i}", ó: "{\\'o}", ø: '{\\o}',
  ß: '{\\ss}', č: '{\\v{c}}', ř: '{\\v{r}}', ł: '{\\l}', ś: "{\\'s}", ç: '{\\c{c}}', ğ: '{\\u{g}}', ı: '{\\i}',
  å: '{\\aa}', ć: "{\\'c}", ñ: '{\\~n}',
};

/** The labs that hyper-authored papers start from, and how many labs from there their teams draw on. */
const COLLABORATIONS = [17, 40_009, 90_001, 150_011];
const DEPARTMENT_LABS = 50;

/** Each lab's standing partners (spread over the corpus by a fixed hash), and the share of authors drawn from them. */
const PARTNERS = 4;
const PARTNER_SHARE = 0.04;
const partnerLab = (lab: number, j: number, labs: number): number => (lab * 7919 + (j + 1) * 104_729) % labs;

/** The corpus's file name without extension; the version changes whenever the generator's output does. */
export const dblpShapedName = (papers: number): string => `dblp-shaped-v2-${papers}`;

export interface DblpShape { papers: number; seed: number }
export interface DblpCounts { papers: number; authorships: number; people: number }

/** Writes `bibPath` and `tsvPath`; returns what was written. */
export async function writeDblpCorpus(
  bibPath: string,
  tsvPath: string,
  { papers, seed }: DblpShape,
): Promise<DblpCounts> {
  const rng = seededRng(seed);
  const people = Math.round(papers * 0.56);
  const groupSize = 10;
  const groups = Math.max(1, Math.ceil(people / groupSize));
  const names = new Map<number, string>();
  const seen = new Map<string, number>();
  const nameOf = (id: number): string => {
    let n = names.get(id);
    if (n !== undefined) return n;
    const r = seededRng(id * 7919 + seed);
    const family =
      r() < 0.35
        ? FAMILY_REAL[Math.floor(r() * FAMILY_REAL.length)]!
        : STEM[Math.floor(r() * STEM.length)]! + ENDING[Math.floor(r() * ENDING.length)]!;
    const given = GIVEN[Math.floor(r() * GIVEN.length)]!;
    const middle = r() < 0.3 ? ` ${String.fromCharCode(65 + Math.floor(r() * 26))}.` : '';
    n = `${given}${middle} ${family}`;
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    // DBLP tells homonyms apart with a number.
    if (k > 1) n = `${n} ${String(k - 1).padStart(4, '0')}`;
    names.set(id, n);
    return n;
  };
  const bib = createWriteStream(bibPath);
  const tsv = createWriteStream(tsvPath);
  tsv.write('id\ttitle\tauthors\tyear\n');
  let bibBuf: string[] = [];
  let tsvBuf: string[] = [];
  const flush = async (force = false) => {
    if (!force && bibBuf.length < 2000) return;
    await write(bib, bibBuf.join(''));
    await write(tsv, tsvBuf.join(''));
    bibBuf = [];
    tsvBuf = [];
  };
  let authorships = 0;
  for (let p = 0; p < papers; p++) {
    const r = rng();
    // About 2.9 authors a paper, as in DBLP (8.2M authorships on 2.9M records).
    // Seven to fourteen authors thin out as lists grow, as in DBLP. At most everyone, in a tiny corpus.
    const k = Math.min(
      people,
      r < 0.00003
        ? 100 + Math.floor(rng() * 300)
        : r < 0.015
          ? 7 + Math.floor(8 * rng() ** 2)
          : [1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 6][Math.floor(rng() * 16)]!,
    );
    // Hyper-authored papers come from a few standing collaborations (a department of labs each), so their ties
    // repeat from paper to paper as real large teams' do.
    const collaboration = () => COLLABORATIONS[Math.floor(rng() * COLLABORATIONS.length)]! % groups;
    const group = k > 50 ? collaboration() : Math.floor(rng() * groups);
    // Up to ten authors come from one lab: spreading six over two labs made most of their pairs new ties.
    const labs = k > 50 ? Math.min(groups, DEPARTMENT_LABS) : 1 + Math.floor((k - 1) / groupSize);
    const members: number[] = [];
    while (members.length < k) {
      // Zipf-like productivity inside a lab; one author in twenty-five from one of the lab's standing partner labs
      // (collaborations across labs repeat too: drawn from anywhere, nearly every such pair was a new tie).
      const g =
        rng() < PARTNER_SHARE
          ? partnerLab(group, Math.floor(rng() * PARTNERS), groups)
          : (group + Math.floor(rng() * labs)) % groups;
      const id = Math.min(people - 1, g * groupSize + Math.floor(groupSize * Math.pow(rng(), 2.5)));
      if (!members.includes(id)) members.push(id);
    }
    authorships += members.length;
    const authors = members.map(nameOf);
    const title = Array.from({ length: 5 + Math.floor(rng() * 7) }, () => WORDS[Math.floor(rng() * WORDS.length)]).join(
      ' ',
    );
    const year = 1990 + Math.floor(rng() * 30);
    const venue = VENUES[Math.floor(rng() * VENUES.length)]!;
    const key = `DBLP:conf/${venue.split(/\W/)[0]!.toLowerCase()}/P${p}`;
    // DBLP's BibTeX writes some accents in LaTeX; the TSV has the Unicode the parser should give back.
    const bibAuthors = authors.map((a) =>
      p % 3 === 0 ? a.replace(/[üöäéèáíóøßčřłśçğıåćñ]/g, (c) => LATEX[c] ?? c) : a,
    );
    const capitalized = title.charAt(0).toUpperCase() + title.slice(1);
    const pages = `${1 + (p % 900)}--${10 + (p % 900)}`;
    bibBuf.push(
      `@inproceedings{${key},\n  author    = {${bibAuthors.join(' and\n               ')}},\n` +
        `  title     = {${capitalized} ${p}},\n  booktitle = {${venue}},\n  pages     = {${pages}},\n` +
        `  year      = {${year}},\n  doi       = {10.5555/${p}},\n  url       = {https://doi.org/10.5555/${p}}\n}\n\n`,
    );
    tsvBuf.push(`${key}\t${title} ${p}\t${authors.join('; ')}\t${year}\n`);
    await flush();
  }
  await flush(true);
  bib.end();
  tsv.end();
  await Promise.all([once(bib, 'finish'), once(tsv, 'finish')]);
  return { papers, authorships, people: names.size };
}

async function write(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

if (process.argv[1]?.endsWith('generateDblp.ts') || process.argv[1]?.endsWith('generateDblp.mjs')) {
  const n = Number(process.argv[2] ?? 2_900_000);
  const out = `bench/out/${dblpShapedName(n)}`;
  const counts = await writeDblpCorpus(process.argv[3] ?? `${out}.bib`, process.argv[4] ?? `${out}.tsv`, {
    papers: n,
    seed: 2016,
  });
  process.stdout.write(JSON.stringify(counts) + '\n');
}
