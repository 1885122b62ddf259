// The group map's questions answered from a store: look-up tables sorted for the queries (kept beside the store, made
// one by one while the map already answers), author ids and names held as arrays, everything else read with bounded
// SQL.

import type { DuckDBValue } from '@duckdb/node-api';
import type { AtlasData, AuthorInfo, GroupInfo, TieInfo } from '../atlas/data';
import { NEAR_FROM } from '../atlas/data';
import { foldCompact, foldText } from '../corpus/fold';
import type { GraphPaper } from '../graph/buildGraph';
import type { Store } from '../store/readStore';
import { nearestLabels, num, rows, StoreError } from '../store/readStore';
import { readSql } from '../store/sqlFiles';
import type { LookupSource, LookupTable, StageListener } from '../store/explorerCache';
import { prepareLookups } from '../store/explorerCache';
import { int32Columns } from '../store/readColumns';
import { StringIndex } from '../compact/stringIndex';
import { pushTo } from '../compact/listMap';

/** Answers kept per short prefix: the API's largest `limit`. */
const HEAD_ANSWERS = 50;

/**
 * Look-up tables (the store stays read-only; see explorerCache): each sorted on the column its look-ups filter by,
 * then fully, so that every view reads its ties in one order on every run (a parallel join's order varies, and so
 * would the sums and the layout).
 */
const LOOKUPS: LookupTable[] = [
  // The map's table first: the map answers while the others are made.
  { stage: 'links between groups', name: 'group_links', select: readSql('group_ties') },
  // Each tie's first group is found first (a materialised step), then its second author's: left to plan the three-way
  // join itself, DuckDB could join the authors to each other on their group first, when the store's statistics
  // misled it (groups set by an UPDATE): on 2.9M records, billions of pairs, 14 GB, and no map.
  { stage: 'ties inside each group', name: 'inner_ties', select: `
    WITH ends AS MATERIALIZED (SELECT t.a, t.b, t.weight, t.papers, ca.community AS ga
      FROM ties t JOIN authors ca ON ca.author = t.a)
    SELECT e.ga AS community, e.a, e.b, e.weight, e.papers
    FROM ends e JOIN authors cb ON cb.author = e.b AND cb.community = e.ga ORDER BY 1, 2, 3` },
  { stage: 'papers of each author', name: 'by_author',
    select: 'SELECT author, paper FROM authorships ORDER BY author, paper' },
  // Every spelling twice (given first, family first), folded without spaces: a prefix of either finds the author.
  { stage: 'name index', name: 'names', select: `SELECT term, author, max(papers) AS papers FROM (
    SELECT s.fold AS term, s.author, a.papers FROM spellings s JOIN authors a USING (author)
    UNION ALL SELECT replace(s.key, '|', ''), s.author, a.papers FROM spellings s JOIN authors a USING (author))
    GROUP BY term, author ORDER BY term` },
  // One- and two-letter prefixes match a large share of the names: their 50 best answers are kept ready.
  { stage: 'name index heads', name: 'name_heads', select: `SELECT head, author, papers FROM (
    SELECT head, author, max(papers) AS papers FROM (
      SELECT left(term, 1) AS head, author, papers FROM names
      UNION ALL SELECT left(term, 2), author, papers FROM names WHERE length(term) >= 2)
    GROUP BY head, author)
    QUALIFY row_number() OVER (PARTITION BY head ORDER BY papers DESC, author) <= ${HEAD_ANSWERS}
    ORDER BY head` },
  { stage: 'ties of each author', name: 'adj', select: `SELECT src, dst, weight, papers FROM (
    SELECT a AS src, b AS dst, weight, papers FROM ties UNION ALL SELECT b, a, weight, papers FROM ties)
    ORDER BY src, dst` },
];

export interface StoreAtlasOptions {
  /** Hears each stage; a listener may hold a look-up table back by returning a promise (tests do). */
  onStage?: StageListener;
  /** Where the look-up tables are kept between runs (explorerCache); without one they are made in memory. */
  cache?: { path: string; storePath: string };
  /** Hears why the cache could not be written (the tables are then made in memory). */
  onCacheError?: (message: string) => void;
  /** Hears where the look-up tables came from, once every one is readable. */
  onLookups?: (source: LookupSource) => void;
  /** Hears why the look-up tables could not be made (views that need them answer with the same error). */
  onLookupError?: (message: string) => void;
}

/** The atlas's data, answering as soon as the tables each question needs are ready; `lookups` once all are. */
export type StoreAtlasData = AtlasData & { lookups: Promise<LookupSource> };

const ints = (xs: Iterable<number>) => [...xs].map((x) => String(Math.trunc(x))).join(',') || '-1';

export async function storeAtlasData(store: Store, options: StoreAtlasOptions = {}): Promise<StoreAtlasData> {
  const { onStage = () => undefined, cache, onCacheError, onLookups, onLookupError } = options;
  const { gate, done } = prepareLookups(store, LOOKUPS, cache, onStage, onCacheError);
  done.then((source) => onLookups?.(source), (e: Error) => onLookupError?.(e.message.split('\n')[0]!));
  await onStage('author ids');
  // Every query goes through the gate: it waits for the look-up table it reads (if any), and none runs beside a
  // statement that makes those tables.
  const ask = (sql: string, values: DuckDBValue[] = [], table?: string) =>
    gate.read(table, () => rows(store, sql, values));
  const { idOf, labelOf } = await gate.read(undefined, () => authorTexts(store));
  const authorsSql = 'SELECT papers, community FROM authors ORDER BY author';
  const counts = await gate.read(undefined, () => int32Columns(store, authorsSql, idOf.length));
  const papersOf = counts[0]!; const groupOf = counts[1]!;
  const indexOf = new StringIndex();
  idOf.forEach((id, i) => { if (indexOf.idOf(id) !== i) throw new StoreError(`author id ${id} is given twice`); });
  const known = (keys: string[]) => keys.map((k) => indexOf.find(k)).filter((i) => i >= 0);
  const tie = (r: Record<string, DuckDBValue>, a: string, b: string): TieInfo => ({
    a: idOf[num(r[a])]!, b: idOf[num(r[b])]!, weight: r.weight as number, papers: num(r.papers),
  });

  async function infos(list: number[]): Promise<AuthorInfo[]> {
    const spellings = new Map<number, string[]>(); const ids = new Map<number, string[]>();
    const among = `author IN (${ints(list)})`;
    for (const r of await ask(`SELECT author, spelling FROM spellings WHERE ${among} ORDER BY author, spelling`)) {
      pushTo(spellings, num(r.author), r.spelling as string);
    }
    for (const r of await ask(`SELECT author, ids FROM authors WHERE ${among} AND ids IS NOT NULL`)) {
      if (r.ids) ids.set(num(r.author), (r.ids as string).split(' '));
    }
    return list.map((i) => ({
      key: idOf[i]!, label: labelOf[i]!, papers: papersOf[i]!, group: groupOf[i]!,
      aliases: spellings.get(i) ?? [labelOf[i]!], ...(ids.has(i) ? { ids: ids.get(i)! } : {}),
    }));
  }

  return {
    lookups: done,
    async groups(): Promise<GroupInfo[]> {
      return (await ask('SELECT community, size, label, color FROM communities ORDER BY community')).map((r) => ({
        id: num(r.community), size: num(r.size), label: r.label as string, color: r.color as string,
      }));
    },
    async links() {
      const sql = 'SELECT group_a, group_b, ties, weight FROM group_links ORDER BY group_a, group_b';
      return (await ask(sql, [], 'group_links')).map((r) => ({
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
      return (await ask(sql, [group], 'inner_ties')).map((r) => tie(r, 'a', 'b'));
    },
    async tiesOf(keys) {
      const sql = `SELECT src, dst, weight, papers FROM adj WHERE src IN (${ints(known(keys))}) ORDER BY src, dst`;
      return (await ask(sql, [], 'adj')).map((r) => tie(r, 'src', 'dst'));
    },
    async authors(keys) { return infos(known(keys)); },
    async papers(keys, limit) {
      const list = await ask(`SELECT p.paper, p.id, p.title, p.year, p.arxiv_id, p.doi, p.complete, p.suspect,
        p.sources FROM papers p
        WHERE p.paper IN (SELECT DISTINCT paper FROM by_author WHERE author IN (${ints(known(keys))}))
        ORDER BY p.year DESC NULLS LAST, p.paper LIMIT ${Math.max(1, Math.trunc(limit))}`, [], 'by_author');
      const authorsOf = new Map<number, string[]>();
      const ids = list.map((r) => num(r.paper));
      const sql = `SELECT paper, author FROM authorships WHERE paper IN (${ints(ids)}) ORDER BY paper, position`;
      for (const r of await ask(sql)) pushTo(authorsOf, num(r.paper), idOf[num(r.author)]!);
      return list.sort((x, y) => num(x.paper) - num(y.paper)).map((r): GraphPaper => ({
        id: r.id as string, title: r.title as string, ...(r.year === null ? {} : { year: num(r.year) }),
        ...(r.arxiv_id ? { arxivId: r.arxiv_id as string } : {}), ...(r.doi ? { doi: r.doi as string } : {}),
        authors: authorsOf.get(num(r.paper)) ?? [], complete: r.complete as boolean,
        ...(r.suspect ? { suspect: true } : {}), sources: JSON.parse(r.sources as string) as string[],
      }));
    },
    async search(query, limit) {
      const q = foldCompact(query);
      if (!q) return [];
      const k = Math.max(1, Math.min(HEAD_ANSWERS, Math.trunc(limit)));
      const hits = [...q].length <= 2
        ? await ask(`SELECT author, papers AS p FROM name_heads WHERE head = $1 ORDER BY p DESC, author LIMIT ${k}`,
          [q], 'name_heads')
        : await ask(`SELECT author, max(papers) AS p FROM names WHERE term >= $1 AND term < $2
          AND starts_with(term, $1) GROUP BY author ORDER BY p DESC, author LIMIT ${k}`, [q, `${q}\uffff`], 'names');
      // A name that no spelling starts with (a typo) gets the closest names, as `author` suggests them.
      if (hits.length === 0 && [...q].length >= NEAR_FROM) {
        const near = await gate.read(undefined, () => nearestLabels(store, foldText(query), k));
        return near.map(({ author: i }) => ({
          key: idOf[i]!, label: labelOf[i]!, papers: papersOf[i]!, matched: '', group: groupOf[i]!, near: true,
        }));
      }
      const found = hits.map((r) => num(r.author));
      const matched = new Map<number, string>();
      for (const r of await ask(`SELECT author, spelling, fold FROM spellings WHERE author IN (${ints(found)})
          AND NOT is_label AND (starts_with(fold, $1) OR starts_with(replace(key, '|', ''), $1))
          ORDER BY author, spelling`, [q])) {
        if (!matched.has(num(r.author))) matched.set(num(r.author), r.spelling as string);
      }
      // A hit says which other spelling matched only when its label does not.
      const byLabel = (i: number) => foldCompact(labelOf[i]!).startsWith(q);
      return found.map((i) => ({
        key: idOf[i]!, label: labelOf[i]!, papers: papersOf[i]!, matched: byLabel(i) ? '' : matched.get(i) ?? '',
        group: groupOf[i]!,
      }));
    },
  };
}

/**
 * Every author's id and label, in author order: joined into one text each by DuckDB and split here (2.9M records:
 * 1.2 s, against 4.7 s for 3.1M values read one by one). A label holding the separator falls back to the latter.
 */
export async function authorTexts(store: Pick<Store, 'con'>): Promise<{ idOf: string[]; labelOf: string[] }> {
  const [joined] = await rows(store, `SELECT count(*) AS n, string_agg(id, chr(10) ORDER BY author) AS ids,
    string_agg(label, chr(10) ORDER BY author) AS labels FROM authors`);
  const n = num(joined!.n);
  if (n === 0) return { idOf: [], labelOf: [] };
  const idOf = (joined!.ids as string).split('\n'); const labelOf = (joined!.labels as string).split('\n');
  if (idOf.length === n && labelOf.length === n) return { idOf, labelOf };
  const cols = (await store.con.runAndReadAll('SELECT id, label FROM authors ORDER BY author')).getColumns();
  return { idOf: cols[0] as string[], labelOf: cols[1] as string[] };
}
