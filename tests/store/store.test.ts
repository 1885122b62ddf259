// The whole-corpus path: a store built from a generated DBLP-shaped corpus answers report and author exactly as the
// in-memory build of the same files does; Parquet export and the scale-out SQL files agree with the store's tables.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDblpCorpus } from '../../bench/generateDblp';
import { findStoreAuthor, num, openStore, papersOf, rows } from '../../src/store/readStore';
import { lookupHash } from '../../src/store/nameLookup';
import { readSql } from '../../src/store/sqlFiles';
import { ROOT, runCli } from '../helpers';

const cli = runCli;

const tmp = mkdtempSync(join(tmpdir(), 'cg-store-'));
const bib = join(tmp, 'corpus.bib');
const store = join(tmp, 'corpus.duckdb');
let names: string[] = [];
let all: string[] = [];

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(store, { access_mode: 'READ_ONLY' });
  const con = await instance.connect();
  try { return (await con.runAndReadAll(sql)).getRowObjectsJS(); } finally { con.closeSync(); instance.closeSync(); }
}

/** A copy of the store, named `name`, changed by `sql`. */
async function alteredCopy(name: string, sql: string): Promise<string> {
  const path = join(tmp, name);
  copyFileSync(store, path);
  const instance = await DuckDBInstance.create(path);
  const con = await instance.connect();
  try { await con.run(sql); } finally { con.closeSync(); instance.closeSync(); }
  return path;
}

beforeAll(async () => {
  await writeDblpCorpus(bib, join(tmp, 'corpus.tsv'), { papers: 3000, seed: 7 });
  const tsv = readFileSync(join(tmp, 'corpus.tsv'), 'utf8')
    .split('\n')
    .slice(1, 400)
    .map((l) => l.split('\t')[2] ?? '');
  all = tsv.flatMap((a) => a.split('; ')).filter(Boolean);
  // A prolific name, a homonym (DBLP number), an accented one and a middle initial.
  names = [
    all[0]!, all.find((n) => / \d{4}$/.test(n)) ?? all[1]!, all.find((n) => /[^\x00-\x7F]/.test(n)) ?? all[2]!,
    all.find((n) => / [A-Z]\. /.test(n)) ?? all[3]!,
  ];
  const r = cli('build', bib, '--store', store);
  expect(r.code, r.err).toBe(0);
}, 240_000);

// Each question runs the command twice (store and sources): about twenty processes a test, over a minute on a slow
// two-core machine, so these tests get four minutes each rather than the suite's one.
describe('store', { timeout: 240_000 }, () => {
  it('answers report exactly as the sources do', () => {
    const fromStore = cli('report', '--store', store, '--json');
    const fromFiles = cli('report', bib, '--json');
    expect(fromStore.code).toBe(0);
    expect(fromStore.out).toBe(fromFiles.out);
    const report = JSON.parse(fromStore.out);
    expect(report.records).toBe(3000);
    expect(report.edges).toBeGreaterThan(3000);
    expect(cli('report', '--store', store).out).toBe(cli('report', bib).out);
  });
  it('answers author by any spelling exactly as the sources do', () => {
    for (const name of names) {
      const fromStore = cli('author', name, '--store', store, '--json');
      expect(fromStore.code, `${name}: ${fromStore.err}`).toBe(0);
      expect(fromStore.out).toBe(cli('author', name, bib, '--json').out);
    }
    const reversed = names[0]!.split(' ');
    const lastFirst = `${reversed.pop()}, ${reversed.join(' ')}`;
    const labelOf = (name: string) => JSON.parse(cli('author', name, '--store', store, '--json').out).label;
    expect(labelOf(lastFirst)).toBe(labelOf(names[0]!));
    // Unknown names: a stranger, and typos of known names (the store scores them from its name index).
    const typos = names.map((n, i) => (i % 2 ? `${n.slice(0, 3)}q${n.slice(4)}` : `${n.slice(0, -2)}zz`));
    // A plain two-word name written family name first, with its given name's last letter changed.
    const plain = names.concat(all).find((n) => /^[A-Za-z]+ [A-Za-z]+$/.test(n))!;
    const [given, family] = plain.split(' ') as [string, string];
    const turned = `${family} ${given.slice(0, -1)}${given.endsWith('q') ? 'x' : 'q'}`;
    expect(cli('author', turned, '--store', store).err).toContain(`${plain} (`);
    for (const name of ['Zzyzx Quillfeather', turned, ...typos]) {
      const missing = cli('author', name, '--store', store);
      expect(missing.code, name).toBe(1);
      expect(missing.err).toMatch(/\(\d+ papers?\)/);
      expect(missing.err, name).toBe(cli('author', name, bib).err);
    }
  });
  it('suggests the same names from a name index in many parts, half of them scored on a worker thread', async () => {
    // The installed command (bin → the bundle in dist/, with its names worker) on a store whose name index is cut
    // into parts of 300 names, against the sources (no worker) on the store of one part.
    expect(spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT }).status).toBe(0);
    const parted = join(tmp, 'parted.duckdb');
    const bundled = (env: Record<string, string>, ...args: string[]) => spawnSync(process.execPath,
      [join(ROOT, 'bin', 'coauthor-graph.mjs'), ...args],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
    expect(bundled({ COAUTHOR_GRAPH_NAME_INDEX_PART: '300' }, 'build', bib, '--store', parted).status).toBe(0);
    const instance = await DuckDBInstance.create(parted, { access_mode: 'READ_ONLY' });
    const con = await instance.connect();
    const parts = Number((await con.runAndReadAll('SELECT count(*) FROM name_index')).getRows()[0]![0]);
    con.closeSync(); instance.closeSync();
    expect(parts).toBeGreaterThan(4);
    const typos = names.map((n) => `${n.slice(0, 2)}x${n.slice(3)}`);
    for (const name of ['Zzyzx Quillfeather', 'Mueller', ...typos]) {
      const fromParts = bundled({}, 'author', name, '--store', parted);
      expect(fromParts.status, name).toBe(1);
      expect(fromParts.stderr, name).toBe(cli('author', name, '--store', store).err);
    }
  });
  it('is the same store when the ties are found on a worker while the corpus tables are written', async () => {
    // The installed command, told to find even this small corpus's ties aside, against the sources (one thread).
    expect(spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT }).status).toBe(0);
    const aside = join(tmp, 'aside.duckdb');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'coauthor-graph.mjs'), 'build', bib, '--store', aside],
      { cwd: ROOT, encoding: 'utf8',
        env: { ...process.env, COAUTHOR_GRAPH_TIES_ASIDE: '1', COAUTHOR_GRAPH_PROGRESS: '1' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/finding ties \(beside the store writes\)/);
    const tablesOf = async (path: string) => {
      const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
      const con = await instance.connect();
      try {
        const tables = (await con.runAndReadAll('SELECT table_name FROM duckdb_tables() ORDER BY 1')).getRows();
        const out: Record<string, string> = {};
        for (const [t] of tables) {
          out[String(t)] = JSON.stringify((await con.runAndReadAll(`SELECT * FROM ${t} ORDER BY rowid`)).getRowsJS());
        }
        return out;
      } finally { con.closeSync(); instance.closeSync(); }
    };
    const [fromAside, fromSources] = [await tablesOf(aside), await tablesOf(store)];
    expect(Object.keys(fromAside).length).toBeGreaterThan(10);
    expect(JSON.parse(fromAside.ties!).length).toBeGreaterThan(1000);
    for (const t of Object.keys(fromSources)) expect(fromAside[t], t).toBe(fromSources[t]);
  });
  it("reads an author's papers alike by lookups and by a join", async () => {
    const opened = await openStore(store);
    try {
      const top = await rows(opened, 'SELECT author, papers FROM authors ORDER BY papers DESC, author LIMIT 12');
      expect(top).toHaveLength(12);
      for (const { author, papers } of top) {
        const byJoin = await papersOf(opened, num(author), num(papers), 0);
        expect(byJoin.length).toBeGreaterThan(0);
        expect(await papersOf(opened, num(author), num(papers), Infinity)).toEqual(byJoin);
      }
    } finally { opened.close(); }
  });
  it('finds every spelling through name_lookup, as a scan of the spellings finds it', async () => {
    const opened = await openStore(store);
    try {
      expect(opened.hasNameLookup).toBe(true);
      const lookup = await rows(opened, 'SELECT hash, author FROM name_lookup ORDER BY rowid');
      const pairs = new Set(lookup.map((r) => `${num(r.hash)} ${num(r.author)}`));
      const hashes = lookup.map((r) => num(r.hash));
      expect(hashes.every((h, i) => i === 0 || hashes[i - 1]! <= h)).toBe(true);
      const spellings = await rows(opened,
        'SELECT author, spelling, key, fold FROM spellings ORDER BY author, spelling');
      const labels = await rows(opened, 'SELECT author, label_key FROM authors');
      expect(spellings.length).toBeGreaterThan(1000);
      for (const s of spellings) {
        expect(pairs.has(`${lookupHash('key', s.key as string)} ${num(s.author)}`), s.key as string).toBe(true);
        expect(pairs.has(`${lookupHash('fold', s.fold as string)} ${num(s.author)}`), s.fold as string).toBe(true);
      }
      for (const l of labels) {
        expect(pairs.has(`${lookupHash('key', l.label_key as string)} ${num(l.author)}`)).toBe(true);
      }
      // Every 9th spelling as written, family name first, and run together (found by its fold alone): the same
      // author with the table and by scans.
      const scanned = { ...opened, hasNameLookup: false };
      const asked = spellings.filter((_, i) => i % 9 === 0).map((s) => s.spelling as string);
      const turnedAround = asked.map((n) => n.split(' ').reverse().join(' '));
      const runTogether = asked.map((n) => n.replace(/ /g, ''));
      for (const name of [...asked, ...turnedAround, ...runTogether, 'Zzyzx Quillfeather']) {
        const [fast, slow] = [await findStoreAuthor(opened, name, 1), await findStoreAuthor(scanned, name, 1)];
        expect(fast, name).toEqual(slow);
      }
      expect((await findStoreAuthor(opened, asked[1]!, 1)).match).toBeDefined();
      expect((await findStoreAuthor(opened, runTogether[1]!, 1)).match).toBeDefined();
    } finally { opened.close(); }
  });
  it('reads a store of version 5 (no name_lookup) by scanning its spellings', async () => {
    const old = await alteredCopy('version5.duckdb',
      "DROP TABLE name_lookup; UPDATE meta SET value = '5' WHERE key = 'version'");
    for (const name of [names[0]!, names[2]!, 'Zzyzx Quillfeather']) {
      const [fromOld, fromNew] = [cli('author', name, '--store', old), cli('author', name, '--store', store)];
      expect(fromOld.code, name).toBe(fromNew.code);
      expect(fromOld.out + fromOld.err, name).toBe(fromNew.out + fromNew.err);
    }
  });
  it('answers path exactly as the sources do', () => {
    const pairs = [[names[0]!, names[1]!], [names[1]!, names[2]!], [names[2]!, names[3]!], [names[1]!, names[3]!]];
    const distances: (number | null)[] = [];
    for (const [a, b] of pairs) {
      const fromStore = cli('path', a!, b!, '--store', store, '--strongest', '--json');
      expect(fromStore.code, fromStore.err).toBe(0);
      expect(fromStore.out).toBe(cli('path', a!, b!, bib, '--strongest', '--json').out);
      distances.push(JSON.parse(fromStore.out).distance);
    }
    // The pairs are far apart: the answers have chains of several hops to agree on.
    expect(distances.filter((d) => d !== null && d >= 2).length, JSON.stringify(distances)).toBeGreaterThanOrEqual(2);
    expect(cli('path', names[0]!, names[1]!, '--store', store).out).toBe(cli('path', names[0]!, names[1]!, bib).out);
  });
  it('keeps every tie and its papers, and groups on the whole tie set', async () => {
    const [t] = await query('SELECT COUNT(*) AS ties, SUM(papers) AS papers FROM ties');
    const [tp] = await query('SELECT COUNT(*) AS n FROM tie_papers');
    expect(Number(t!.papers)).toBe(Number(tp!.n));
    // The same groups as the in-memory build (graphology) of the same file: same modularity, same member groups.
    const json = join(tmp, 'graph.json');
    expect(cli('build', bib, '--no-layout', '--out', json).code).toBe(0);
    type Node = { key: string; attributes: { community: number; color: string } };
    const graph = JSON.parse(readFileSync(json, 'utf8')) as { attributes: { modularity: number }; nodes: Node[] };
    const [m] = await query("SELECT value FROM meta WHERE key = 'modularity'");
    expect(Number(m!.value)).toBe(graph.attributes.modularity);
    const stored = new Map(
      (await query('SELECT id, community FROM authors')).map((r) => [r.id as string, Number(r.community)]),
    );
    expect(stored.size).toBe(graph.nodes.length);
    for (const n of graph.nodes) expect(stored.get(n.key), n.key).toBe(n.attributes.community);
    // Each group's colour too (the store's groups are coloured on the groups worker, the graph's on this thread).
    const groupRows = await query('SELECT community, color FROM communities');
    const colors = new Map(groupRows.map((r) => [Number(r.community), r.color]));
    for (const n of graph.nodes) expect(colors.get(n.attributes.community), n.key).toBe(n.attributes.color);
    const [c] = await query('SELECT SUM(size) AS members FROM communities');
    const [a] = await query('SELECT COUNT(*) AS n FROM authors');
    expect(Number(c!.members)).toBe(Number(a!.n));
  });
  it('runs the scale-out SQL files to the same ties', async () => {
    const ours = await query('SELECT a, b, papers, round(fractional, 9) AS f FROM ties ORDER BY a, b');
    const sql = await query(`SELECT a, b, papers, round(fractional, 9) AS f FROM (${readSql('ties')}) ORDER BY a, b`);
    expect(sql.length).toBe(ours.length);
    expect(JSON.stringify(sql.map((r) => [r.a, r.b, Number(r.papers), r.f]))).toBe(
      JSON.stringify(ours.map((r) => [r.a, r.b, Number(r.papers), r.f])),
    );
    const between = await query(`SELECT SUM(ties) AS n FROM (${readSql('group_ties')})`);
    const ends = 'FROM ties t JOIN authors x ON x.author = t.a JOIN authors y ON y.author = t.b';
    const [cross] = await query(`SELECT COUNT(*) AS n ${ends} WHERE x.community <> y.community`);
    expect(Number(between[0]!.n)).toBe(Number(cross!.n));
    const summary = await query(`SELECT SUM(members) AS m, SUM(inner_weight) AS i FROM (${readSql('group_summary')})`);
    const [w] = await query(`SELECT SUM(t.weight) AS w ${ends} WHERE x.community = y.community`);
    expect(Number(summary[0]!.m)).toBe(Number((await query('SELECT COUNT(*) AS n FROM authors'))[0]!.n));
    expect(Number(summary[0]!.i)).toBeCloseTo(Number(w!.w), 6);
  });
  it('writes the tables as Parquet files', async () => {
    const dir = join(tmp, 'parquet');
    const r = cli('build', bib, '--format', 'parquet', '--out', dir);
    expect(r.code, r.err).toBe(0);
    for (const t of ['papers', 'authors', 'authorships', 'ties', 'tie_papers', 'communities', 'issues']) {
      expect(existsSync(join(dir, `${t}.parquet`)), t).toBe(true);
    }
    const [n] = await query(`SELECT COUNT(*) AS n FROM read_parquet('${join(dir, 'ties.parquet')}')`);
    const [m] = await query('SELECT COUNT(*) AS n FROM ties');
    expect(Number(n!.n)).toBe(Number(m!.n));
  });
  it('is deterministic: Parquet files byte for byte, the store table by table (the same rows)', async () => {
    const a = join(tmp, 'parquet'); const b = join(tmp, 'parquet-again');
    if (!existsSync(a)) expect(cli('build', bib, '--format', 'parquet', '--out', a).code).toBe(0);
    expect(cli('build', bib, '--format', 'parquet', '--out', b).code).toBe(0);
    const files = readdirSync(a).sort();
    expect(readdirSync(b).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
    // The DuckDB file's block layout depends on how its threads met; its tables do not.
    const again = join(tmp, 'again.duckdb');
    expect(cli('build', bib, '--store', again).code).toBe(0);
    const listed = await query('SELECT table_name AS t FROM information_schema.tables ORDER BY 1');
    const tables = listed.map((r) => String(r.t));
    expect(tables.length).toBeGreaterThan(10);
    const instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    try {
      await con.run(`ATTACH '${store}' AS one (READ_ONLY); ATTACH '${again}' AS two (READ_ONLY)`);
      for (const t of tables) {
        const differ = `SELECT COUNT(*) AS n FROM ((SELECT * FROM one."${t}" EXCEPT ALL SELECT * FROM two."${t}")
          UNION ALL (SELECT * FROM two."${t}" EXCEPT ALL SELECT * FROM one."${t}"))`;
        const [row] = (await con.runAndReadAll(differ)).getRowObjectsJS();
        expect(Number(row!.n), t).toBe(0);
      }
    } finally { con.closeSync(); instance.closeSync(); }
  });
  it('refuses what is not a store, with the path in the message', () => {
    const r = cli('report', '--store', bib);
    expect(r.code).toBe(1);
    expect(r.err).toContain('corpus.bib');
    expect(cli('report', '--store', join(tmp, 'none.duckdb')).err).toMatch(/no such store/);
  });
  it('names an older store version and how to rebuild', async () => {
    const old = await alteredCopy('old.duckdb', "UPDATE meta SET value = '1' WHERE key = 'version'");
    const r = cli('author', names[0]!, '--store', old);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/old\.duckdb: a store of version 1, .*build it again: build INPUTS --store .*old\.duckdb/);
  });
  it('builds from ties computed elsewhere (ties.sql over the Parquet tables, as on a cluster)', async () => {
    const dir = join(tmp, 'cluster');
    expect(cli('build', bib, '--format', 'parquet', '--out', dir).code).toBe(0);
    // The "cluster": an engine that knows nothing of coauthor-graph runs ties.sql over the Parquet files.
    const engine = await DuckDBInstance.create(':memory:');
    const con = await engine.connect();
    for (const t of ['papers', 'authorships', 'meta'])
      await con.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet('${join(dir, `${t}.parquet`)}')`);
    const tiesFile = join(dir, 'ties-from-cluster.parquet');
    await con.run(`COPY (${readSql('ties')}) TO '${tiesFile}' (FORMAT parquet)`);
    con.closeSync(); engine.closeSync();
    const fed = join(tmp, 'fed.duckdb');
    const r = cli('build', bib, '--store', fed, '--ties', tiesFile);
    expect(r.code, r.err).toBe(0);
    const rows = async (db: string, sql: string) => {
      const i = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' }); const c = await i.connect();
      try { return JSON.stringify((await c.runAndReadAll(sql)).getRowsJS()); } finally { c.closeSync(); i.closeSync(); }
    };
    const tiesSql = 'SELECT a, b, papers, round(fractional, 9), round(weight, 9) FROM ties ORDER BY a, b';
    expect(await rows(fed, tiesSql)).toBe(await rows(store, tiesSql));
    const evidence = 'SELECT t.a, t.b, p.paper FROM tie_papers p JOIN ties t USING (tie) ORDER BY 1, 2, 3';
    expect(await rows(fed, evidence)).toBe(await rows(store, evidence));
    const report = (db: string) =>
      JSON.parse(cli('report', '--store', db, '--json').out) as { edges: number; authors: number };
    expect(report(fed)).toEqual(report(store));
    const bad = join(tmp, 'bad-ties.csv');
    writeFileSync(bad, 'a,b,papers,fractional\n5,3,1,1\n');
    const refused = cli('build', bib, '--store', join(tmp, 'bad.duckdb'), '--ties', bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/bad-ties\.csv: row 1 .*does not fit this corpus/);
  });
});
