// Answers questions from a store without re-reading the sources: the data-quality report, and one author's
// papers and collaborators (found by any spelling, as findAuthor does in memory).

import { existsSync } from 'node:fs';
import type { DuckDBBlobValue, DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { DuckDBInstance } from '@duckdb/node-api';
import type { AuthorView, PaperBrief } from '../corpus/authorView';
import { compareText, rankNearest } from '../corpus/findAuthor';
import { foldCompact, foldText } from '../corpus/fold';
import { nameKey } from '../corpus/nameKey';
import type { Report } from '../corpus/report';
import { parseName } from '../sources/names';
import type { Issue } from '../types';
import type { Candidate } from '../corpus/nearestNames';
import { nearestCandidates, scoreNames } from '../corpus/nearestNames';
import { lookupHash } from './nameLookup';
import { STORE_VERSION } from './writeStore';

export interface Store {
  con: DuckDBConnection;
  /** The store has a name_lookup table (version 6 on); a store of version 5 is read with scans instead. */
  hasNameLookup?: boolean;
  close: () => void;
  /** Another connection to the same database (closed with the store), for work beside the queries of `con`. */
  connect: () => Promise<DuckDBConnection>;
}

export class StoreError extends Error {}

/** The version before name_lookup: the same tables but that one, still read. */
const VERSION_WITHOUT_LOOKUP = '5';

function versionMessage(path: string, version: string | undefined): string {
  if (version === undefined) return `${path}: not a coauthor-graph store of version ${STORE_VERSION}`;
  return `${path}: a store of version ${version}, made by an earlier coauthor-graph; this one reads version `
    + `${STORE_VERSION} (build it again: build INPUTS --store ${path})`;
}

export async function openStore(path: string): Promise<Store> {
  if (!existsSync(path)) throw new StoreError(`${path}: no such store (build one with: build INPUTS --store ${path})`);
  let instance: DuckDBInstance;
  try { instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' }); }
  catch (e) { throw new StoreError(`${path}: not a coauthor-graph store (${(e as Error).message.split('\n')[0]})`); }
  const con = await instance.connect();
  const others: DuckDBConnection[] = [];
  const store: Store = {
    con,
    close: () => { for (const c of [...others, con]) c.closeSync(); instance.closeSync(); },
    connect: async () => { const c = await instance.connect(); others.push(c); return c; },
  };
  const version = await metaValue(store, 'version').catch(() => undefined);
  if (version !== STORE_VERSION && version !== VERSION_WITHOUT_LOOKUP) {
    store.close();
    throw new StoreError(versionMessage(path, version));
  }
  return { ...store, hasNameLookup: version === STORE_VERSION };
}

export type Row = Record<string, DuckDBValue>;

export async function rows(store: Pick<Store, 'con'>, sql: string, values: DuckDBValue[] = []): Promise<Row[]> {
  return (await store.con.runAndReadAll(sql, values)).getRowObjects();
}

export const num = (v: DuckDBValue | undefined): number => (typeof v === 'bigint' ? Number(v) : (v as number));

export async function metaValue(store: Store, key: string): Promise<string | undefined> {
  const r = await rows(store, 'SELECT value FROM meta WHERE key = $1', [key]);
  return r[0]?.value as string | undefined;
}

async function jsonList<T>(store: Store, table: string): Promise<T[]> {
  return (await rows(store, `SELECT json FROM ${table} ORDER BY item`)).map((r) => JSON.parse(r.json as string) as T);
}

/** The report as the build made it (same fields, same order as `report --json` on the sources). */
export async function storeReport(store: Store): Promise<Report> {
  const metaRows = await rows(store, 'SELECT key, value FROM meta');
  const meta = new Map(metaRows.map((r) => [r.key as string, r.value as string]));
  const m = (k: string) => Number(meta.get(k));
  const sources = (await rows(store, 'SELECT * FROM sources')).map((r) => ({
    file: r.file as string, format: r.format as Report['sources'][number]['format'], records: num(r.records),
    withAuthors: num(r.with_authors), truncated: num(r.truncated), issues: num(r.issues),
    formatLabel: r.format_label as string,
  }));
  const issues: Issue[] = (await rows(store, 'SELECT * FROM issues ORDER BY item')).map((r) => ({
    code: r.code as string, severity: r.severity as Issue['severity'], message: r.message as string,
    file: r.file as string, line: num(r.line),
  }));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity]++;
  const scan = meta.get('nearMissScan');
  return {
    papers: m('papers'), papersWithAuthors: m('papersWithAuthors'), authors: m('authors'), edges: m('edges'),
    records: m('records'),
    sources, merges: await jsonList(store, 'merges'), formOnlyMerges: m('formOnlyMerges'),
    paperMerges: await jsonList(store, 'paper_merges'), repairs: await jsonList(store, 'repairs'),
    suspectLists: await jsonList(store, 'suspect_lists'),
    identifierSplits: await jsonList(store, 'identifier_splits'),
    nearMisses: await jsonList(store, 'near_misses'), ...(scan ? { nearMissScan: JSON.parse(scan) } : {}),
    skippedPapers: await jsonList(store, 'skipped_papers'), maxAuthors: m('maxAuthors'), droppedTies: m('droppedTies'),
    issues, issueCounts: counts,
  };
}

const NO_SCORES = new Int32Array(0);

export interface StoreLookup { match?: number; suggestions: { label: string; papers: number }[] }

/** One part of the name index and the query, as a scorer elsewhere (a worker thread) needs them. */
export interface NamePart { folds: string; counts: Uint8Array; first: number; query: string; top: number }

/** Scores a part of the name index elsewhere: its candidates, as nearestCandidates gives them. */
export interface PartScorer { score: (part: NamePart) => Promise<Candidate[]> }

/**
 * The author a name means: by id, by identity key of any spelling (either order), or by folded spelling. Otherwise
 * suggestions, with half the name index's parts scored by `elsewhere` when given (another core).
 */
export async function findStoreAuthor(
  store: Store, query: string, maxSuggestions = 5, elsewhere?: PartScorer,
): Promise<StoreLookup> {
  const q = query.trim();
  const byId = await rows(store, 'SELECT author FROM authors WHERE id = $1', [q]);
  if (byId[0]) return { match: num(byId[0].author), suggestions: [] };
  const parsed = parseName(q);
  const keys = parsed.kind === 'person'
    ? [nameKey(parsed), nameKey({ given: parsed.family, family: parsed.given })]
    : ['\u0000', '\u0000'];
  const match = await exactMatch(store, keys[0]!, keys[1]!, foldCompact(q));
  if (match !== undefined) return { match, suggestions: [] };
  const top = Math.max(1, Math.floor(maxSuggestions));
  const nearest = await nearestLabels(store, foldText(q), top, elsewhere);
  return { suggestions: nearest.map(({ label, papers }) => ({ label, papers })) };
}

/**
 * The least author with either key (as a label's or a spelling's) or the folded spelling. With a name_lookup table
 * only its candidates are read (by author: the tables are in author order, so DuckDB reads a row group or two).
 */
async function exactMatch(store: Store, key: string, otherKey: string, fold: string): Promise<number | undefined> {
  let among = '';
  if (store.hasNameLookup) {
    const hashes = [lookupHash('key', key), lookupHash('key', otherKey), lookupHash('fold', fold)];
    const found = await rows(store, 'SELECT DISTINCT author FROM name_lookup WHERE hash IN ($1, $2, $3)', hashes);
    if (found.length === 0) return undefined;
    // Author numbers read from the store: integers, written into the SQL as literals.
    among = `author IN (${found.map((r) => Math.trunc(num(r.author))).join(', ')}) AND`;
  }
  const hit = await rows(store, `SELECT MIN(author) AS author FROM (
      SELECT author FROM authors WHERE ${among} label_key IN ($1, $2)
      UNION ALL SELECT author FROM spellings WHERE ${among} (key IN ($1, $2) OR fold = $3))`, [key, otherKey, fold]);
  return hit[0] && hit[0].author !== null ? num(hit[0].author) : undefined;
}

/** Each store's second connection for the name index, made once (a server asks many times). */
const secondConnections = new WeakMap<Store, Promise<DuckDBConnection>>();

function secondConnection(store: Store): Promise<DuckDBConnection> {
  let con = secondConnections.get(store);
  if (!con) { con = store.connect(); secondConnections.set(store, con); }
  return con;
}

/**
 * The `top` labels nearest the folded query, ranked as findAuthor ranks them (labels holding the query or all its
 * words first, then by edit distance, papers and label). The name index holds the folded labels as a few long texts:
 * scoring 1.6M of them (bit-parallel distances) took 0.47 s on one core, where DuckDB's levenshtein took 0.6 s. With
 * `elsewhere`, every other part goes there first and this thread scores the rest meanwhile.
 */
export async function nearestLabels(
  store: Store, fq: string, top: number, elsewhere?: PartScorer,
): Promise<{ author: number; label: string; papers: number }[]> {
  const firsts = (await rows(store, 'SELECT first FROM name_index ORDER BY first')).map((r) => num(r.first));
  const away = (k: number) => elsewhere !== undefined && k % 2 === 1;
  // The parts sent away are read first (1, 0, 3, 2, …), so the other core starts before this one.
  const order = firsts.map((_, k) => (elsewhere && (k ^ 1) < firsts.length ? k ^ 1 : k));
  // Two parts are read at a time, on two connections, while this thread scores (DuckDB reads on its own threads):
  // on one connection the second part's read waited for the first's (2.9M store: 0.86 s against 0.94 s, medians).
  const cons = order.length > 1 ? [store.con, await secondConnection(store)] : [store.con];
  const part = (i: number) => {
    const read = cons[i % cons.length]!.runAndReadAll('SELECT folds, papers FROM name_index WHERE first = $1',
      [firsts[order[i]!]!]).then((r) => r.getRows()[0]!);
    read.catch(() => undefined); // a failure is reported where it is awaited, even if an earlier read failed first
    return read;
  };
  const reads = order.slice(0, 2).map((_, i) => part(i));
  let kept: Candidate[] = [];
  const scoredAway: Promise<Candidate[]>[] = [];
  for (let i = 0; i < order.length; i++) {
    const k = order[i]!;
    const [folds, counts] = await reads[i]!;
    if (i + 2 < order.length) reads.push(part(i + 2));
    const bytes = (counts as DuckDBBlobValue).bytes;
    if (away(k)) {
      scoredAway.push(elsewhere!.score({ folds: folds as string, counts: bytes, first: firsts[k]!, query: fq, top }));
      continue;
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    kept = nearestCandidates(scoreNames(folds as string, fq), (i) => view.getInt32(i * 4, true), top, firsts[k], kept);
  }
  // Each part's candidates join the choice: no scores of their own, only the kept ones.
  for (const more of await Promise.all(scoredAway)) {
    kept = nearestCandidates(NO_SCORES, () => 0, top, 0, [...kept, ...more]);
  }
  if (kept.length === 0) return [];
  // Author numbers this code computed: integers, written into the SQL as literals.
  const labels = await rows(store, `SELECT author, label FROM authors
      WHERE author IN (${kept.map((c) => Math.trunc(c.index)).join(', ')})`);
  const labelOf = new Map(labels.map((r) => [num(r.author), r.label as string]));
  return rankNearest(kept, (i) => labelOf.get(i) ?? '', top)
    .map((c) => ({ author: c.index, label: c.label, papers: c.papers }));
}

/** A row of the papers table as the brief `author` and `path` print. */
export function paperBriefOf(r: Row): PaperBrief {
  return {
    id: r.id as string, title: r.title as string, year: r.year === null ? undefined : num(r.year),
    arxivId: (r.arxiv_id as string | null) ?? undefined, doi: (r.doi as string | null) ?? undefined,
    complete: r.complete as boolean, ...(r.suspect ? { suspect: true } : {}),
    sources: JSON.parse(r.sources as string) as string[],
  };
}

/** Up to this many papers are fetched one by one (see papersOf). */
const LOOKUPS_UP_TO = 64;

/**
 * Author `a`'s rows of the papers table, in paper order (`count` is the author's number of papers: it only picks
 * the way). A fresh process finds DuckDB's buffers empty: a join loads every column of every row group holding one
 * of the papers (about 0.5 s on 2.9M papers), while a lookup by `paper = N` loads one vector. For an author of a
 * few papers (most of them), lookups take a third of the time.
 */
export async function papersOf(store: Store, a: number, count: number, lookupsUpTo = LOOKUPS_UP_TO): Promise<Row[]> {
  if (count > lookupsUpTo) {
    return rows(store, `SELECT p.* FROM authorships s JOIN papers p ON p.paper = s.paper
      WHERE s.author = $1 ORDER BY p.paper`, [a]);
  }
  const found = await rows(store, 'SELECT paper FROM authorships WHERE author = $1 ORDER BY paper', [a]);
  if (found.length === 0) return [];
  // Paper numbers read from the store: integers, written into the SQL as literals.
  const ids = found.map((r) => num(r.paper));
  const lookups = ids.map((id) => `SELECT * FROM papers WHERE paper = ${Math.trunc(id)}`);
  return rows(store, `${lookups.join(' UNION ALL ')} ORDER BY paper`);
}

/** Author `a`'s papers and collaborators, as `author` prints them from the sources. */
export async function storeAuthorView(store: Store, a: number): Promise<AuthorView> {
  const [me] = await rows(store, 'SELECT * FROM authors WHERE author = $1', [a]);
  if (!me) throw new StoreError(`no author ${a} in this store`);
  const spellings = await rows(store, 'SELECT spelling FROM spellings WHERE author = $1', [a]);
  const aliases = spellings.map((r) => r.spelling as string).sort();
  const papers = (await papersOf(store, a, num(me.papers))).map(paperBriefOf);
  const collab = await rows(store, `SELECT o.author, au.id, au.label, list(p.id ORDER BY x.paper) AS ids
      FROM authorships x JOIN authorships o ON o.paper = x.paper AND o.author <> x.author
      JOIN authors au ON au.author = o.author JOIN papers p ON p.paper = x.paper
      WHERE x.author = $1 GROUP BY o.author, au.id, au.label`, [a]);
  const collaborators = collab.map((r) => {
    const ids = (r.ids as { items: DuckDBValue[] }).items.map(String);
    return { author: num(r.author), id: r.id as string, label: r.label as string, papers: ids.length, paperIds: ids };
  }).sort((x, y) => y.papers - x.papers || compareText(x.label, y.label) || x.author - y.author)
    .map(({ id, label, papers: n, paperIds }) => ({ id, label, papers: n, paperIds }));
  const ids = typeof me.ids === 'string' && me.ids ? { ids: me.ids.split(' ') } : {};
  const community = num(me.community);
  return { id: me.id as string, label: me.label as string, aliases, ...ids, community, papers, collaborators };
}
