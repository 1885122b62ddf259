// `serve`: a store built from a generated corpus gives the same group map, groups and ego networks as the in-memory
// graph of the same files; the API refuses bad parameters with a 4xx message; the HTTP server serves only its files.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDblpCorpus } from '../../bench/generateDblp';
import type { Atlas } from '../../src/atlas/atlas';
import { createAtlas } from '../../src/atlas/atlas';
import { graphAtlasData } from '../../src/atlas/graphAtlas';
import type { AtlasLevel } from '../../src/atlas/level';
import { runPipeline } from '../../src/pipeline';
import { createApi } from '../../src/server/api';
import { serveStore, storeApi } from '../../src/server/serve';
import type { StoreAtlasData } from '../../src/server/storeAtlas';
import { authorTexts, storeAtlasData } from '../../src/server/storeAtlas';
import { DuckDBInstance } from '@duckdb/node-api';
import { explorerCachePath } from '../../src/store/explorerCache';
import type { Store } from '../../src/store/readStore';
import { findStoreAuthor, openStore, rows, storeReport } from '../../src/store/readStore';
import { readFileSync } from 'node:fs';
import { runCli } from '../helpers';
import { buildWeb } from './webBuild';

const tmp = mkdtempSync(join(tmpdir(), 'cg-serve-'));
const bib = join(tmp, 'corpus.bib');
const storePath = join(tmp, 'corpus.duckdb');
let store: Store;
let fromStore: Atlas;
let inMemory: Atlas;
let prolific = '';

beforeAll(async () => {
  await writeDblpCorpus(bib, join(tmp, 'corpus.tsv'), { papers: 6000, seed: 11 });
  const r = runCli('build', bib, '--store', storePath);
  expect(r.code, r.err).toBe(0);
  store = await openStore(storePath);
  const options = { splitAbove: 40 };
  const data = await storeAtlasData(store);
  await data.lookups; // later atlases on this connection (the HTTP server's) make the tables again
  fromStore = createAtlas(data, options);
  const result = runPipeline([{ name: bib, bytes: readFileSync(bib) }], { layout: false, brokers: false });
  inMemory = createAtlas(graphAtlasData(result.graph), options);
  prolific = result.graph.reduceNodes(
    (best, k, a) => (a.papers > result.graph.getNodeAttribute(best, 'papers') ? k : best),
    result.graph.nodes()[0]!,
  );
}, 240_000);
afterAll(() => store?.close());

const nodesOf = (l: AtlasLevel) => l.graph.nodes.map((n) => [n.key, n.attributes!.label, n.attributes!.papers]).sort();
const edgesOf = (l: AtlasLevel) =>
  l.graph.edges.map((e) => [[e.source, e.target].sort().join(' '), e.attributes!.weight.toFixed(9)]).sort();

describe('views from a store', () => {
  it('the group map is the in-memory one: same groups, members, labels and links', async () => {
    const [a, b] = await Promise.all([fromStore.level({ kind: 'map' }), inMemory.level({ kind: 'map' })]);
    expect(a.nodes.total).toBeGreaterThan(20);
    expect(nodesOf(a)).toEqual(nodesOf(b));
    expect(edgesOf(a)).toEqual(edgesOf(b));
    expect(a.ties).toEqual(b.ties);
  });

  it('a group and its sub-groups are the in-memory ones', async () => {
    for (const target of [
      { kind: 'group', group: 0 },
      { kind: 'group', group: 0, sub: 0 },
      { kind: 'group', group: 7 },
    ] as const) {
      const [a, b] = await Promise.all([fromStore.level(target), inMemory.level(target)]);
      expect(nodesOf(a), JSON.stringify(target)).toEqual(nodesOf(b));
      expect(edgesOf(a)).toEqual(edgesOf(b));
      expect(a.title).toBe(b.title);
    }
  });

  it('ego networks are the in-memory ones, with the same papers for the panel', async () => {
    for (const depth of [1, 2] as const) {
      const [a, b] = await Promise.all([
        fromStore.level({ kind: 'ego', author: prolific, depth }),
        inMemory.level({ kind: 'ego', author: prolific, depth }),
      ]);
      expect(a.graph.nodes.length).toBeGreaterThan(3);
      expect(nodesOf(a)).toEqual(nodesOf(b));
      expect(edgesOf(a)).toEqual(edgesOf(b));
      const papers = (l: AtlasLevel) => (l.graph.attributes as { papers: { id: string; authors: string[] }[] }).papers
        .map((p) => `${p.id}:${p.authors.join(',')}`).sort();
      expect(papers(a)).toEqual(papers(b));
      const shared = (l: AtlasLevel) => l.graph.edges.map((e) => e.attributes!.paperIds.join(',')).sort();
      expect(shared(a)).toEqual(shared(b));
    }
  });

  it('one- and two-letter prefixes (answered from kept heads) give what the full index gives', async () => {
    for (const q of ['a', 'm', 'ma', 'zh', 'é']) {
      const full = await rows(
        store,
        `SELECT author FROM (SELECT author, max(papers) AS p FROM names WHERE starts_with(term, $1)
        GROUP BY author ORDER BY p DESC, author LIMIT 20)`,
        [q === 'é' ? 'e' : q],
      );
      const hits = await fromStore.search(q, 20);
      expect(hits.length, q).toBe(full.length);
      expect(hits.map((h) => h.papers)).toEqual([...hits.map((h) => h.papers)].sort((x, y) => y - x));
      const ids = await rows(
        store,
        `SELECT id FROM authors WHERE author IN (${full.map((r) => Number(r.author)).join(',') || -1})`,
      );
      expect(new Set(hits.map((h) => h.key))).toEqual(new Set(ids.map((r) => r.id as string)));
    }
  });

  it('search finds an author by a prefix of any spelling, accents or not', async () => {
    const label = (await fromStore.level({ kind: 'ego', author: prolific, depth: 1 })).graph.nodes.find(
      (n) => n.key === prolific,
    )!.attributes!.label;
    const family = label.split(' ').at(-1)!;
    for (const q of [
      label,
      label.slice(0, 6),
      `${family} ${label[0]}`,
      label.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase(),
    ]) {
      const hits = await fromStore.search(q, 10);
      expect(
        hits.map((h) => h.key),
        q,
      ).toContain(prolific);
    }
  });
});

describe('search for a name that nothing starts with', () => {
  it('answers with the closest names, flagged, as `author` suggests them, from the store and in memory', async () => {
    const label = (await fromStore.level({ kind: 'ego', author: prolific, depth: 1 })).graph.nodes.find(
      (n) => n.key === prolific,
    )!.attributes!.label as string;
    // The first name's second and third letters swapped: no spelling starts with it, and it is two edits away.
    const typo = `${label[0]}${label[2]}${label[1]}${label.slice(3)}`;
    const fromTheStore = await fromStore.search(typo, 5);
    expect(fromTheStore.map((h) => h.key)).toContain(prolific);
    expect(fromTheStore.every((h) => h.near === true)).toBe(true);
    const suggested = (await findStoreAuthor(store, typo, 5)).suggestions;
    expect(fromTheStore.map((h) => [h.label, h.papers])).toEqual(suggested.map((x) => [x.label, x.papers]));
    expect((await inMemory.search(typo, 5)).map((h) => [h.key, h.near])).toEqual(
      fromTheStore.map((h) => [h.key, true]));
    // A prefix, and a query of three letters, are answered as before: no closest names.
    expect((await fromStore.search(label.slice(0, 6), 5)).some((h) => h.near)).toBe(false);
    expect((await fromStore.search('zqx', 5))).toEqual([]);
    expect((await inMemory.search('zqx', 5))).toEqual([]);
  });
});

describe('API', () => {
  let api: ReturnType<typeof createApi>;
  beforeAll(async () => {
    api = createApi({ atlas: fromStore, report: await storeReport(store), info: { store: 'x' } });
  });
  const get = (path: string) => api(new URL(path, 'http://localhost'));

  it('answers views, search, report and info', async () => {
    expect((await get('/api/view?target=map')).status).toBe(200);
    expect((await get(`/api/view?target=${encodeURIComponent(`ego:1:${prolific}`)}&ties=50`)).status).toBe(200);
    const s = await get('/api/search?q=a&limit=3');
    expect(s.status).toBe(200);
    expect((s.body as { hits: unknown[] }).hits).toHaveLength(3);
    expect((await get('/api/report')).status).toBe(200);
  });

  it('refuses bad parameters with a 4xx and a message, never a database error', async () => {
    const cases: [string, number, RegExp][] = [
      ['/api/view?target=ego:9:x', 400, /DEPTH 1 or 2/],
      ['/api/view?target=group:abc', 400, /target must be/],
      ['/api/view?target=group:99999', 404, /no group 99999/],
      ['/api/view?target=ego:1:nobody-at-all', 404, /no author/],
      ['/api/view?target=map&ties=100000000', 400, /ties must be a whole number/],
      ['/api/view?target=map&ties=-1', 400, /ties must be/],
      ['/api/view?target=map&sql=1', 400, /unknown parameter "sql"/],
      [`/api/search?q=${encodeURIComponent("x' OR 1=1; DROP TABLE authors; --")}`, 400, /letters, digits/],
      [`/api/search?q=${encodeURIComponent('<script>alert(1)</script>')}`, 400, /letters, digits/],
      [`/api/search?q=${'a'.repeat(500)}`, 400, /longer than 100/],
      ['/api/search?q=', 400, /required/],
      ['/api/search?q=ab&limit=100000', 400, /limit must be/],
      ['/api/../etc/passwd', 404, /no such API path/],
    ];
    for (const [path, status, message] of cases) {
      const a = await get(path);
      expect(a.status, path).toBe(status);
      expect((a.body as { error: string }).error, path).toMatch(message);
      expect(JSON.stringify(a.body)).not.toMatch(/duckdb|Binder|Parser Error|Catalog/i);
    }
  });
});

describe("the explorer's cache beside the store", () => {
  const cache = { path: explorerCachePath(storePath), storePath };
  const targets = [{ kind: 'map' }, { kind: 'group', group: 0 }, { kind: 'group', group: 0, sub: 0 }] as const;
  /** An atlas on a connection of its own, as one `serve` start makes it: where its tables came from, its stages. */
  async function start(at = cache) {
    const own = await openStore(storePath);
    const stages: string[] = []; const errors: string[] = [];
    let source = '';
    const data = await storeAtlasData(own, {
      cache: at, onStage: (s) => { stages.push(s); }, onCacheError: (m) => errors.push(m),
      onLookups: (s) => { source = s; },
    });
    await data.lookups;
    return { atlas: createAtlas(data, { splitAbove: 40 }), source, stages, errors, close: () => own.close() };
  }
  async function sameViews(atlas: Atlas): Promise<void> {
    for (const target of [...targets, { kind: 'ego', author: prolific, depth: 2 } as const]) {
      const [a, b] = await Promise.all([atlas.level(target), fromStore.level(target)]);
      expect(nodesOf(a), JSON.stringify(target)).toEqual(nodesOf(b));
      expect(edgesOf(a)).toEqual(edgesOf(b));
    }
    expect(await atlas.search('ma', 20)).toEqual(await fromStore.search('ma', 20));
  }

  it('is written on the first start and reused by later ones, with the views of tables made in memory', async () => {
    rmSync(cache.path, { force: true });
    const first = await start();
    expect(first.source).toBe('written');
    expect(first.stages).toContain('ties of each author');
    expect(existsSync(cache.path)).toBe(true);
    expect(readdirSync(tmp).filter((f) => f.includes('.tmp'))).toEqual([]);
    await sameViews(first.atlas);
    first.close();
    const later = await start();
    expect(later.source).toBe('reused');
    expect(later.stages).toEqual(['author ids']);
    await sameViews(later.atlas);
    later.close();
  });

  it('is made again when the store was rebuilt, or when the file is not a cache', async () => {
    const t = statSync(storePath).mtime;
    utimesSync(storePath, t, new Date(t.getTime() + 60_000));
    const rebuilt = await start();
    expect(rebuilt.source).toBe('written');
    rebuilt.close();
    writeFileSync(cache.path, 'not a database');
    const replaced = await start();
    expect(replaced.source).toBe('written');
    await sameViews(replaced.atlas);
    replaced.close();
  });

  it('where it cannot be written, the tables are made in memory and the reason is given', async () => {
    const nowhere = { path: join(tmp, 'no-such-folder', 'corpus.explorer.duckdb'), storePath };
    const s = await start(nowhere);
    expect(s.source).toBe('in memory');
    expect(s.errors[0]).toMatch(/no-such-folder.*cannot write the explorer's cache/);
    await sameViews(s.atlas);
    s.close();
  });

  /**
   * A first start (no cache yet) on a connection of its own, whose look-up tables are held back at `stage` until
   * released; it returns once that stage is reached, and the connection is closed after `body`.
   */
  async function heldStart(stage: string, body: (s: {
    atlas: Atlas; data: StoreAtlasData; stages: string[]; release: () => void;
  }) => Promise<void>): Promise<void> {
    rmSync(cache.path, { force: true });
    const own = await openStore(storePath);
    let release!: () => void; let reached!: () => void;
    const released = new Promise<void>((r) => { release = r; });
    const reachedNow = new Promise<void>((r) => { reached = r; });
    const stages: string[] = [];
    const onStage = (s: string) => { stages.push(s); if (s !== stage) return undefined; reached(); return released; };
    try {
      const data = await storeAtlasData(own, { cache, onStage });
      await reachedNow;
      await body({ atlas: createAtlas(data, { splitAbove: 40 }), data, stages, release });
    } finally { release(); own.close(); }
  }
  const settledWithin = async <T>(p: Promise<T>, ms: number) =>
    Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

  it('answers the map before the other tables are made; views that need them wait for them', async () => {
    await heldStart('ties inside each group', async ({ atlas, data, stages, release }) => {
      const map = await atlas.level({ kind: 'map' });
      const expected = await fromStore.level({ kind: 'map' });
      expect(nodesOf(map)).toEqual(nodesOf(expected));
      expect(edgesOf(map)).toEqual(edgesOf(expected));
      // Neither a group nor a search can be answered yet: both wait, and answer in full once released.
      const group = atlas.level({ kind: 'group', group: 0 });
      const search = atlas.search('ma', 20); // two letters: the kept heads
      const longer = atlas.search('mar', 20); // the name index
      const ego = atlas.level({ kind: 'ego', author: prolific, depth: 1 });
      expect(await settledWithin(group, 300)).toBe(false);
      for (const waiting of [search, longer, ego] as Promise<unknown>[]) {
        expect(await settledWithin(waiting, 10)).toBe(false);
      }
      expect(stages).not.toContain('name index');
      release();
      expect(edgesOf(await group)).toEqual(edgesOf(await fromStore.level({ kind: 'group', group: 0 })));
      expect(await search).toEqual(await fromStore.search('ma', 20));
      expect(await longer).toEqual(await fromStore.search('mar', 20));
      expect(edgesOf(await ego)).toEqual(edgesOf(await fromStore.level({ kind: 'ego', author: prolific, depth: 1 })));
      expect(await data.lookups).toBe('written');
    });
  });

  it('queries asked while the finished cache takes over from the one being written all get their answers', async () => {
    await heldStart('the cache file', async ({ atlas, data, release }) => {
      const ask = () => Promise.all([
        atlas.search('ma', 20), atlas.level({ kind: 'ego', author: prolific, depth: 2 }),
        atlas.level({ kind: 'group', group: 1 }), atlas.search('m', 20),
      ]);
      const expected = await Promise.all([
        fromStore.search('ma', 20), fromStore.level({ kind: 'ego', author: prolific, depth: 2 }),
        fromStore.level({ kind: 'group', group: 1 }), fromStore.search('m', 20),
      ]);
      const before = ask();
      release();
      const during = ask();
      for (const answers of [await before, await during, await ask()]) {
        expect(answers[0]).toEqual(expected[0]);
        expect(edgesOf(answers[1])).toEqual(edgesOf(expected[1]));
        expect(edgesOf(answers[2])).toEqual(edgesOf(expected[2]));
        expect(answers[3]).toEqual(expected[3]);
      }
      expect(await data.lookups).toBe('written');
      expect(readdirSync(tmp).filter((f) => f.includes('.tmp'))).toEqual([]);
    });
  });

  it('author ids and labels are read whole, a label with a line break too', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    await con.run(`CREATE TABLE authors AS
      SELECT * FROM (VALUES (1, 'b-2', 'Two\nLines'), (0, 'a-1', 'Ann Ö')) t(author, id, label)`);
    const texts = await authorTexts({ con });
    expect(texts).toEqual({ idOf: ['a-1', 'b-2'], labelOf: ['Ann Ö', 'Two\nLines'] });
    await con.run('DELETE FROM authors');
    expect(await authorTexts({ con })).toEqual({ idOf: [], labelOf: [] });
    con.closeSync(); instance.closeSync();
  });

  it('one connection may go from tables in memory to the cache and back (each drops what the last made)', async () => {
    const own = await openStore(storePath);
    try {
      for (const at of [undefined, cache, undefined, cache]) {
        const data = await storeAtlasData(own, at ? { cache: at } : {});
        const atlas = createAtlas(data, { splitAbove: 40 });
        const group = { kind: 'group', group: 0 } as const;
        const [a, b] = await Promise.all([atlas.level(group), fromStore.level(group)]);
        expect(edgesOf(a)).toEqual(edgesOf(b));
        await data.lookups; // the next atlas on this connection takes over its tables
      }
    } finally { own.close(); }
  });

  it('a new build of the store removes the cache of the old one', async () => {
    const seeds = join(tmp, 'seeds.duckdb');
    expect(runCli('build', '--store', seeds).code).toBe(0);
    writeFileSync(explorerCachePath(seeds), 'a cache of the store before');
    expect(runCli('build', '--store', seeds).code).toBe(0);
    expect(existsSync(explorerCachePath(seeds))).toBe(false);
  }, 60_000);
});

describe('HTTP server', () => {
  let server: Server; let base = '';
  beforeAll(async () => {
    let made!: () => void; const lookups = new Promise<void>((r) => { made = r; });
    const options = { port: 0, host: '127.0.0.1', web: await buildWeb(), onLookups: () => made() };
    server = await serveStore(store, 'corpus.duckdb', options);
    await lookups;
    const a = server.address();
    base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
  }, 120_000);
  afterAll(() => new Promise<void>((r) => { if (server) server.close(() => r()); else r(); }));

  it('serves the explorer and the API on localhost, read-only, nothing outside its folder', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('coauthor-graph');
    const info = await (await fetch(`${base}/api/info`)).json() as { authors: number; groups: number };
    expect(info.authors).toBeGreaterThan(1000);
    expect((await fetch(`${base}/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(`${base}/api/info`, { method: 'POST' })).status).toBe(405);
    expect(server.address()).toMatchObject({ address: '127.0.0.1' });
    // A port in use is refused before any preparation, with the system's code for the CLI to explain.
    const port = (server.address() as { port: number }).port;
    await expect(serveStore(store, 'x', { port, host: '127.0.0.1', web: await buildWeb() })).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
    // The same API the dev server mounts.
    let made!: () => void; const lookups = new Promise<void>((r) => { made = r; });
    expect(typeof (await storeApi(store, 'x', { onLookups: () => made() }))).toBe('function');
    await lookups;
  });
});
