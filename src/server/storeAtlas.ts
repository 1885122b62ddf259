// The group map's questions answered from a store: helper tables sorted for look-ups (built once when serving),
// author ids and names held as arrays, everything else read with bounded SQL.

import type { DuckDBValue } from '@duckdb/node-api';
import type { AtlasData, AuthorInfo, GroupInfo, TieInfo } from '../atlas/data';
import { foldCompact } from '../corpus/fold';
import type { GraphPaper } from '../graph/buildGraph';
import type { Store } from '../store/readStore';
import { num, rows } from '../store/readStore';
import { readSql } from '../store/sqlFiles';

/** Answers kept per short prefix: the API's largest `limit`. */
const HEAD_ANSWERS = 50;

/**
 * Temporary tables (the store stays read-only): each sorted on the column its look-ups filter by, then fully, so
 * that every view reads its ties in one order on every run (a parallel join's order varies, and so would the sums
 * and the layout).
 */
const HELPERS: [string, string][] = [
  ['ties of each author', `CREATE OR REPLACE TEMP TABLE adj AS SELECT src, dst, weight, papers FROM (
    SELECT a AS src, b AS dst, weight, papers FROM ties UNION ALL SELECT b, a, weight, papers FROM ties) ORDER BY src, dst`],
  // Each tie's first group is found first (a materialised step), then its second author's: left to plan the three-way
  // join itself, DuckDB could join the authors to each other on their group first, when the store's statistics
  // misled it (groups set by an UPDATE): on 2.9M records, billions of pairs, 14 GB, and no map.
  ['ties inside each group', `CREATE OR REPLACE TEMP TABLE inner_ties AS
    WITH ends AS MATERIALIZED (SELECT t.a, t.b, t.weight, t.papers, ca.community AS ga
      FROM ties t JOIN authors ca ON ca.author = t.a)
    SELECT e.ga AS community, e.a, e.b, e.weight, e.papers
    FROM ends e JOIN authors cb ON cb.author = e.b AND cb.community = e.ga ORDER BY 1, 2, 3`],
  ['papers of each author', 'CREATE OR REPLACE TEMP TABLE by_author AS SELECT author, paper FROM authorships ORDER BY author, paper'],
  // Every spelling twice (given first, family first), folded without spaces: a prefix of either finds the author.
  ['name index', `CREATE OR REPLACE TEMP TABLE names AS SELECT term, author, max(papers) AS papers FROM (
    SELECT s.fold AS term, s.author, a.papers FROM spellings s JOIN authors a USING (author)
    UNION ALL SELECT replace(s.key, '|', ''), s.author, a.papers FROM spellings s JOIN authors a USING (author))
    GROUP BY term, author ORDER BY term`],
  // One- and two-letter prefixes match a large share of the names: their 50 best answers are kept ready.
  ['name index heads', `CREATE OR REPLACE TEMP TABLE name_heads AS SELECT head, author, papers FROM (
    SELECT head, author, max(papers) AS papers FROM (
      SELECT left(term, 1) AS head, author, papers FROM names
      UNION ALL SELECT left(term, 2), author, papers FROM names WHERE length(term) >= 2)
    GROUP BY head, author)
    QUALIFY row_number() OVER (PARTITION BY head ORDER BY papers DESC, author) <= ${HEAD_ANSWERS}
    ORDER BY head`],
];

const ints = (xs: Iterable<number>) => [...xs].map((x) => String(Math.trunc(x))).join(',') || '-1';

export async function storeAtlasData(store: Store, onStage: (stage: string) => void = () => undefined): Promise<AtlasData> {
  for (const [stage, sql] of HELPERS) { onStage(stage); await store.con.run(sql); }
  onStage('links between groups');
  await store.con.run(`CREATE OR REPLACE TEMP TABLE group_links AS ${readSql('group_ties')}`);
  onStage('author ids');
  const cols = (await store.con.runAndReadAll('SELECT id, label, papers, community FROM authors ORDER BY author')).getColumns();
  const idOf = cols[0] as string[]; const labelOf = cols[1] as string[];
  const papersOf = Int32Array.from(cols[2] as number[]); const groupOf = Int32Array.from(cols[3] as number[]);
  const indexOf = new Map(idOf.map((id, i) => [id, i]));
  const known = (keys: string[]) => keys.map((k) => indexOf.get(k)).filter((i): i is number => i !== undefined);
  const tie = (r: Record<string, DuckDBValue>, a: string, b: string): TieInfo => ({
    a: idOf[num(r[a])]!, b: idOf[num(r[b])]!, weight: r.weight as number, papers: num(r.papers),
  });

  async function infos(list: number[]): Promise<AuthorInfo[]> {
    const spellings = new Map<number, string[]>(); const ids = new Map<number, string[]>();
    for (const r of await rows(store, `SELECT author, spelling FROM spellings WHERE author IN (${ints(list)}) ORDER BY author, spelling`)) {
      const a = num(r.author); const l = spellings.get(a); if (l) l.push(r.spelling as string); else spellings.set(a, [r.spelling as string]);
    }
    for (const r of await rows(store, `SELECT author, ids FROM authors WHERE author IN (${ints(list)}) AND ids IS NOT NULL`)) {
      if (r.ids) ids.set(num(r.author), (r.ids as string).split(' '));
    }
    return list.map((i) => ({
      key: idOf[i]!, label: labelOf[i]!, papers: papersOf[i]!, group: groupOf[i]!, aliases: spellings.get(i) ?? [labelOf[i]!],
      ...(ids.has(i) ? { ids: ids.get(i)! } : {}),
    }));
  }

  return {
    async groups(): Promise<GroupInfo[]> {
      return (await rows(store, 'SELECT community, size, label, color FROM communities ORDER BY community')).map((r) => ({
        id: num(r.community), size: num(r.size), label: r.label as string, color: r.color as string,
      }));
    },
    async links() {
      return (await rows(store, 'SELECT group_a, group_b, ties, weight FROM group_links ORDER BY group_a, group_b')).map((r) => ({
        a: num(r.group_a), b: num(r.group_b), weight: r.weight as number, ties: num(r.ties),
      }));
    },
    async members(group) {
      const list: number[] = [];
      for (let i = 0; i < groupOf.length; i++) if (groupOf[i] === group) list.push(i);
      return infos(list);
    },
    async tiesWithin(group) {
      const sql = 'SELECT a, b, weight, papers FROM inner_ties WHERE community = $1 ORDER BY a, b';
      return (await rows(store, sql, [group])).map((r) => tie(r, 'a', 'b'));
    },
    async tiesOf(keys) {
      const sql = `SELECT src, dst, weight, papers FROM adj WHERE src IN (${ints(known(keys))}) ORDER BY src, dst`;
      return (await rows(store, sql)).map((r) => tie(r, 'src', 'dst'));
    },
    async authors(keys) { return infos(known(keys)); },
    async papers(keys, limit) {
      const list = await rows(store, `SELECT p.paper, p.id, p.title, p.year, p.arxiv_id, p.doi, p.complete, p.suspect, p.sources
        FROM papers p WHERE p.paper IN (SELECT DISTINCT paper FROM by_author WHERE author IN (${ints(known(keys))}))
        ORDER BY p.year DESC NULLS LAST, p.paper LIMIT ${Math.max(1, Math.trunc(limit))}`);
      const authorsOf = new Map<number, string[]>();
      const ids = list.map((r) => num(r.paper));
      for (const r of await rows(store, `SELECT paper, author FROM authorships WHERE paper IN (${ints(ids)}) ORDER BY paper, position`)) {
        const p = num(r.paper); const l = authorsOf.get(p); const key = idOf[num(r.author)]!;
        if (l) l.push(key); else authorsOf.set(p, [key]);
      }
      return list.sort((x, y) => num(x.paper) - num(y.paper)).map((r): GraphPaper => ({
        id: r.id as string, title: r.title as string, ...(r.year === null ? {} : { year: num(r.year) }),
        ...(r.arxiv_id ? { arxivId: r.arxiv_id as string } : {}), ...(r.doi ? { doi: r.doi as string } : {}),
        authors: authorsOf.get(num(r.paper)) ?? [], complete: r.complete as boolean, ...(r.suspect ? { suspect: true } : {}),
        sources: JSON.parse(r.sources as string) as string[],
      }));
    },
    async search(query, limit) {
      const q = foldCompact(query);
      if (!q) return [];
      const k = Math.max(1, Math.min(HEAD_ANSWERS, Math.trunc(limit)));
      const hits = [...q].length <= 2
        ? await rows(store, `SELECT author, papers AS p FROM name_heads WHERE head = $1 ORDER BY p DESC, author LIMIT ${k}`, [q])
        : await rows(store, `SELECT author, max(papers) AS p FROM names WHERE term >= $1 AND term < $2
          AND starts_with(term, $1) GROUP BY author ORDER BY p DESC, author LIMIT ${k}`, [q, `${q}\uffff`]);
      const found = hits.map((r) => num(r.author));
      const matched = new Map<number, string>();
      for (const r of await rows(store, `SELECT author, spelling, fold FROM spellings WHERE author IN (${ints(found)})
          AND NOT is_label AND (starts_with(fold, $1) OR starts_with(replace(key, '|', ''), $1)) ORDER BY author, spelling`, [q])) {
        if (!matched.has(num(r.author))) matched.set(num(r.author), r.spelling as string);
      }
      // A hit says which other spelling matched only when its label does not.
      const byLabel = (i: number) => foldCompact(labelOf[i]!).startsWith(q);
      return found.map((i) => ({
        key: idOf[i]!, label: labelOf[i]!, papers: papersOf[i]!, matched: byLabel(i) ? '' : matched.get(i) ?? '', group: groupOf[i]!,
      }));
    },
  };
}
