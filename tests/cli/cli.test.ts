// The command line as a user runs it: commands, formats, exit codes and messages that name the file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { writeSyntheticTsv } from '../../bench/generate';
import { ROOT, runCli, SHARED_DATA } from '../helpers';

const cli = runCli;
const tmp = mkdtempSync(join(tmpdir(), 'cg-cli-'));

describe('cli', () => {
  it('the installed command (bin → the esbuild bundle in dist/) answers as the sources do, groups included', () => {
    expect(spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT }).status).toBe(0);
    const bundled = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'coauthor-graph.mjs'), 'build', '--no-layout', '--format', 'json', '--out', '-'],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 },
    );
    expect(bundled.status, bundled.stderr).toBe(0);
    expect(bundled.stdout).toBe(cli('build', '--no-layout', '--format', 'json', '--out', '-').out);
    expect(JSON.parse(bundled.stdout).attributes.modularity).toBeGreaterThan(0.2);
  });
  it('the bundle names the groups on its terms thread: the groups and labels the sources give here', async () => {
    const bundledStore = join(tmp, 'bundled-seeds.duckdb');
    const sourceStore = join(tmp, 'source-seeds.duckdb');
    const bundled = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'coauthor-graph.mjs'), 'build', '--store', bundledStore],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(bundled.status, bundled.stderr).toBe(0);
    expect(cli('build', '--store', sourceStore).code).toBe(0);
    const groups = async (path: string) => {
      const db = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
      const con = await db.connect();
      const rows = await (
        await con.run('SELECT community, size, label, color FROM communities ORDER BY community')
      ).getRows();
      con.closeSync();
      return rows.map((r) => r.map(String));
    };
    const fromBundle = await groups(bundledStore);
    expect(fromBundle).toEqual(await groups(sourceStore));
    // Labels carry topic words ("Name · words"), so the words really came back from the worker.
    expect(fromBundle.filter((r) => r[2]!.includes(' · ')).length).toBeGreaterThan(2);
  });
  it('a streamed BibTeX file of macros alone is told once, on reading threads, and serves the next file', async () => {
    const dir = join(tmp, 'macros');
    mkdirSync(dir, { recursive: true });
    const venue = (i: number) => `Venue ${i}, a name long enough for a file of a megabyte and more`;
    const definitions = Array.from({ length: 20_000 }, (_, i) => `@string{v${i} = "${venue(i)}"}`);
    writeFileSync(join(dir, 'a-macros.bib'), `${definitions.join('\n')}\n`);
    const paper = '@article{x, author = {Ann Lee and Bo Chen}, title = {One}, journal = v19999, year = 2020}\n';
    writeFileSync(join(dir, 'b-paper.bib'), paper);
    const store = join(dir, 'macros.duckdb');
    const env = { ...process.env, COAUTHOR_GRAPH_STREAM_ABOVE_MB: '1', COAUTHOR_GRAPH_READERS: '2' };
    const bin = join(ROOT, 'bin', 'coauthor-graph.mjs');
    const build = spawnSync(process.execPath, [bin, 'build', join(dir, 'a-macros.bib'), join(dir, 'b-paper.bib'),
      '--store', store], { cwd: ROOT, encoding: 'utf8', env });
    expect(build.status, build.stderr).toBe(0);
    const report = JSON.parse(cli('report', '--store', store, '--json').out);
    const notes = report.issues.filter((i: { file: string }) => i.file.endsWith('a-macros.bib'));
    expect(notes).toEqual([expect.objectContaining({ code: 'macros-only', severity: 'info', line: 1 })]);
    expect(notes[0].message).toMatch(/^defines 20000 @string macros and no entries/);
    const db = await DuckDBInstance.create(store, { access_mode: 'READ_ONLY' });
    const con = await db.connect();
    const rows = await (await con.run('SELECT venue FROM papers')).getRows();
    con.closeSync();
    expect(rows.map((r) => r[0])).toEqual([venue(19999)]);
  });
  it("the bundle counts half a graph file's betweenness on a worker thread: the file the sources write", async () => {
    expect(spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT }).status).toBe(0);
    const tsv = join(tmp, 'brokers.tsv');
    // 6,000 papers: over 4,000 authors (256 sampled sources) and enough ties for the worker to be worth starting.
    await writeSyntheticTsv(tsv, { papers: 6000, seed: 3 });
    const build = ['build', tsv, '--no-layout', '--format', 'json', '--out', '-'];
    const bundled = spawnSync(process.execPath, [join(ROOT, 'bin', 'coauthor-graph.mjs'), ...build],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, COAUTHOR_GRAPH_PROGRESS: '1' } });
    expect(bundled.status, bundled.stderr).toBe(0);
    expect(bundled.stderr).toContain('brokers: 128 of the sources on a worker thread');
    expect(bundled.stdout).toBe(cli(...build).out);
    const graph = JSON.parse(bundled.stdout) as { nodes: { attributes: { betweenness: number } }[] };
    expect(graph.nodes.filter((n) => n.attributes.betweenness > 0).length).toBeGreaterThan(1000);
  });
  it('the bundle parses a streamed file on reading threads: the same store as a whole read', async () => {
    const file = join(SHARED_DATA, 'dblp-2016-18-venues.bib.gz');
    if (!existsSync(file)) return;
    const bin = join(ROOT, 'bin', 'coauthor-graph.mjs');
    const run = (env: Record<string, string>, ...args: string[]) => spawnSync(process.execPath, [bin, ...args],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env } });
    // Streamed above 1 MB: the 6 MB file goes through three reading threads, in pieces, with progress lines.
    const streamed = run(
      { COAUTHOR_GRAPH_STREAM_ABOVE_MB: '1', COAUTHOR_GRAPH_PROGRESS: '1', COAUTHOR_GRAPH_READERS: '3' },
      'build',
      file,
      '--store',
      join(tmp, 'streamed.duckdb'),
    );
    expect(streamed.status, streamed.stderr).toBe(0);
    expect(streamed.stderr).toMatch(/reading .*dblp-2016-18-venues\.bib\.gz: \d+ of 6 MB/);
    // Every stage up to the last blocks written says so, with the time and memory so far.
    for (const stage of ['resolved', 'store: ties', 'groups', 'store: the data-quality report', 'store: closed']) {
      expect(streamed.stderr).toMatch(new RegExp(`${stage}.*\\(\\d+\\.\\d s, memory [\\d,]+ MB`));
    }
    const whole = run({}, 'build', file, '--store', join(tmp, 'whole.duckdb'));
    expect(whole.status, whole.stderr).toBe(0);
    const ask = (store: string, ...q: string[]) => run({}, ...q, '--store', join(tmp, store), '--json').stdout;
    const report = ask('streamed.duckdb', 'report');
    expect(JSON.parse(report)).toMatchObject({ records: 74758 });
    expect(report).toBe(ask('whole.duckdb', 'report'));
    expect(ask('streamed.duckdb', 'author', 'Jiawei Han')).toBe(ask('whole.duckdb', 'author', 'Jiawei Han'));
    // Row for row: the same papers, numbered the same, whichever thread parsed which piece.
    const papers = async (store: string) => {
      const db = await DuckDBInstance.create(join(tmp, store), { access_mode: 'READ_ONLY' });
      const con = await db.connect();
      const rows = await (await con.run('SELECT paper, id, title, sources FROM papers ORDER BY paper')).getRows();
      con.closeSync();
      return rows.map((r) => r.map(String).join('\t'));
    };
    const streamedPapers = await papers('streamed.duckdb');
    expect(streamedPapers.length).toBeGreaterThan(70_000);
    expect(streamedPapers).toEqual(await papers('whole.duckdb'));
  });
  it('report --json reads seeds/ by default', () => {
    const r = cli('report', '--json');
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.out);
    expect(rep).toMatchObject({ papers: 114, papersWithAuthors: 15, authors: 325, edges: 29953 });
    for (const k of ['sources', 'merges', 'repairs', 'issues']) expect(rep).toHaveProperty(k);
    expect(rep.sources[0]).toMatchObject({
      file: 'seeds/000_1c85854ef3a0aa7e.txt',
      format: 'author-page',
      records: 10,
    });
  });
  it('report prints a readable text report', () => {
    const r = cli('report');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/papers \(after deduplication\)\s+114/);
    expect(r.out).toMatch(/Repaired author lists \(1\)/);
    expect(r.out).toMatch(/seeds\/003_ee3b71dbbd01a772\.txt:1\s+info\s+page-chrome/);
  });
  it('build writes each format, CSV as two files, JSON readable by Graph.from', () => {
    for (const f of ['gexf', 'graphml', 'json', 'csv'])
      expect(cli('build', '--out', join(tmp, `g.${f}`), '--no-layout').code).toBe(0);
    expect(existsSync(join(tmp, 'g.edges.csv'))).toBe(true);
    const g = Graph.from(JSON.parse(readFileSync(join(tmp, 'g.json'), 'utf8')));
    expect(g.order).toBe(325);
    const viaFormat = cli('build', '--out', '-', '--format', 'graphml', '--no-layout', '--weighting', 'fractional');
    expect(viaFormat.out).toMatch(/^<\?xml/);
  });
  it('author finds any spelling and lists collaborators with shared papers', () => {
    const r = cli('author', 'Nie Hao', '--json');
    expect(r.code).toBe(0);
    const a = JSON.parse(r.out);
    expect(a).toMatchObject({ id: 'nie-hao', label: 'Hao Nie' });
    expect(a.papers).toHaveLength(4);
    expect(a.collaborators[0].papers).toBeGreaterThanOrEqual(a.collaborators.at(-1).papers);
    const text = cli('author', 'jiang, daxin');
    expect(text.out).toMatch(/^Daxin Jiang/);
    expect(text.out).toMatch(/Collaborators \(\d+\), strongest first/);
  });
  it('suggests close names when the author is unknown', () => {
    const r = cli('author', 'Daxin Jang');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no author matches "Daxin Jang"[\s\S]*Daxin Jiang/);
  });
  it('usage errors exit 2, unusable input exits 1 naming the path', () => {
    expect(cli('frobnicate').code).toBe(2);
    expect(cli('build').code).toBe(2);
    expect(cli('report', '--weighting', 'heavy').code).toBe(2);
    const missing = cli('report', join(tmp, 'nope.bib'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('nope.bib');
    expect(missing.err).not.toMatch(/\bat .*\.ts:\d+/);
    writeFileSync(join(tmp, 'empty.txt'), '');
    const empty = cli('report', join(tmp, 'empty.txt'));
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/empty\.txt:1: the file is empty/);
  });
  it('an unwritable output exits 1 and leaves no partial file', () => {
    const r = cli('build', '--out', join(tmp, 'no-such-dir', 'g.gexf'), '--no-layout');
    expect(r.code).toBe(1);
    expect(r.err).toContain('no-such-dir');
  });
  it('a failed write leaves neither the output nor a temporary file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-out-'));
    mkdirSync(join(dir, 'taken.json'));
    const r = cli('build', '--out', join(dir, 'taken.json'), '--no-layout');
    expect(r.code).toBe(1);
    expect(r.err).toContain('taken.json');
    expect(readdirSync(dir)).toEqual(['taken.json']);
  });
  it('an empty folder is a clear error naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-empty-'));
    const r = cli('report', dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain(dir);
  });
  it('reads an aliases file', () => {
    writeFileSync(join(tmp, 'aliases.txt'), 'Changxin Miao = Changxing Miao\n');
    const r = JSON.parse(cli('report', '--json', '--aliases', join(tmp, 'aliases.txt')).out);
    expect(r.authors).toBe(324);
    expect(r.merges.map((m: { rule: string }) => m.rule).sort()).toEqual(['alias-file', 'reversed-order']);
  });
  it('build and report print each error with its file and line on stderr, the first 20 and a count of the rest', () => {
    const dir = join(tmp, 'mixed');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'good.bib'),
      '@article{a, author = {Ann Lee and Bo Chen}, title = {One}, year = 2020}\n' +
        '@article{b, author = {Ann Lee and {Bo Chen}, title = {Broken}, year = 2021}\n' +
        '@article{c, author = {Ann Lee and Cy Dee}, title = {Three}, year = 2022}\n',
    );
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'junk.bin'), Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 37) % 9)));
    for (let i = 0; i < 22; i++)
      writeFileSync(join(dir, `noise-${String(i).padStart(2, '0')}.txt`), `just a line ${i}\n`);
    const r = cli('build', dir, '--out', join(tmp, 'mixed.json'));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/\d+ errors:/);
    expect(r.err).toMatch(/mixed\/empty\.txt:1: the file is empty/);
    expect(r.err).toMatch(/mixed\/good\.bib:2: @article entry: /);
    expect(r.err).toMatch(/… and \d+ more errors \(see: report\)/);
    expect(r.err.split('\n').filter((l) => /^  \S+:\d+: /.test(l))).toHaveLength(20);
    const rep = cli('report', dir);
    expect(rep.err).toMatch(/mixed\/empty\.txt:1: the file is empty/);
  });
  it('stops before reading, with the sizes and what to do, when the inputs cannot fit in memory', () => {
    const big = join(tmp, 'big.tsv');
    const row = 'Title of a paper on graphs\tAnn Lee; Bo Chen; Cy Dee\t2020\n';
    writeFileSync(big, 'title\tauthors\tyear\n' + row.repeat(Math.ceil(24e6 / row.length)));
    const r = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        join(ROOT, 'src', 'cli', 'main.ts'),
        'build',
        big,
        '--out',
        join(tmp, 'big.json'),
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=160' } },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /the inputs hold about 2\d MB of text; this build needs about \d+ MB of memory and this machine allows \d+ MB/,
    );
    expect(r.stderr).toMatch(/--store/);
    expect(r.stderr).not.toMatch(/heap out of memory|at .*\.js:\d+/);
    expect(existsSync(join(tmp, 'big.json'))).toBe(false);
  });
});

describe('path', () => {
  const paths = join(ROOT, 'tests', 'fixtures', 'paths.tsv');
  it('prints the shortest chains with the paper behind every hop, and counts them (hand-checked fixture)', () => {
    const r = cli('path', 'Ann Lee', 'Dan Ortiz', paths);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe([
      'Collaboration distance from Ann Lee to Dan Ortiz: 2 (2 shortest chains)', '',
      'Chain 1: Ann Lee → Eve Park → Dan Ortiz',
      '  Ann Lee — Eve Park (1 shared paper)', '      2020  Ann and Eve',
      '  Eve Park — Dan Ortiz (1 shared paper)', '      2021  Eve and Dan', '',
      'Chain 2: Ann Lee → Fay Quinn → Dan Ortiz',
      '  Ann Lee — Fay Quinn (1 shared paper)', '      2021  Ann and Fay',
      '  Fay Quinn — Dan Ortiz (1 shared paper)', '            Fay and Dan', '',
    ].join('\n'));
  });
  it('--strongest adds the chain through the most shared papers; --json gives the same answer as data', () => {
    const r = cli('path', 'Dan Ortiz', 'lee, ann', paths, '--strongest', '--json');
    expect(r.code, r.err).toBe(0);
    const v = JSON.parse(r.out);
    expect(v).toMatchObject({ from: { label: 'Dan Ortiz' }, to: { label: 'Ann Lee' }, distance: 2, chains: 2 });
    expect(v.strongest.authors.map((a: { label: string }) => a.label)).toEqual([
      'Dan Ortiz',
      'Cat Noor',
      'Bob Moss',
      'Ann Lee',
    ]);
    expect(v.strongest.cost).toBe(1.5);
    expect(v.strongest.hops.map((h: { papers: { title: string }[] }) => h.papers.map((p) => p.title))).toEqual([
      ['Cat and Dan two', 'Cat and Dan one'],
      ['Bob and Cat two', 'Bob and Cat one'],
      ['Ann and Bob two', 'Ann and Bob one'],
    ]);
  });
  it('says so when no chain connects two people, and suggests names for an unknown one', () => {
    const none = cli('path', 'Ann Lee', 'Hal Stone', paths);
    expect(none.code).toBe(0);
    expect(none.out).toMatch(
      new RegExp('^Collaboration distance from Ann Lee to Hal Stone: none\n' +
        '  no chain of co-authors connects Ann Lee and Hal Stone'),
    );
    const unknown = cli('path', 'Ann Lee', 'Dan Ortis', paths);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/Dan Ortiz/);
    expect(cli('path', 'Ann Lee').code).toBe(2);
  });
  it('on the seeds: Daxin Jiang and Heung-Yeung Shum are one hop apart on five papers', () => {
    const v = JSON.parse(cli('path', 'Daxin Jiang', 'Heung-Yeung Shum', '--json').out);
    expect(v).toMatchObject({ distance: 1, chains: 1 });
    expect(v.shown[0].hops[0].papers).toHaveLength(5);
  });
});

describe('--years', () => {
  const paths = join(ROOT, 'tests', 'fixtures', 'paths.tsv');
  it('rebuilds ties and groups from the papers of the years, counting the rest apart (hand-checked fixture)', () => {
    const r = JSON.parse(cli('report', paths, '--years', '2016-2019', '--json').out);
    expect(r).toMatchObject({
      papers: 6,
      authors: 6,
      edges: 4,
      years: { from: 2016, to: 2019, inRange: 6, outside: 4, withoutYear: 1 },
    });
    const text = cli('report', paths, '--years', '2016-2019').out;
    expect(text).toMatch(/Totals for the years 2016-2019\n  papers outside the years +4\n  papers without a year +1/);
    // Without the 2020-21 papers, Ann reaches Dan only through Bob and Cat.
    const p = JSON.parse(cli('path', 'Ann Lee', 'Dan Ortiz', paths, '--years', '2016-2019', '--json').out);
    expect(p.shown[0].authors.map((a: { label: string }) => a.label)).toEqual([
      'Ann Lee',
      'Bob Moss',
      'Cat Noor',
      'Dan Ortiz',
    ]);
    expect(p.shown[0].hops[0].papers.map((x: { title: string }) => x.title)).toEqual(['Ann and Bob two']);
    const g = cli('build', paths, '--years', '2020-', '--no-layout', '--out', '-');
    const graph = Graph.from(JSON.parse(g.out));
    expect(graph.order).toBe(4);
    expect(graph.getAttribute('years')).toEqual({ from: 2020, to: 9999, inRange: 3, outside: 7, withoutYear: 1 });
  });
  it('refuses a range it cannot read, and a store build', () => {
    expect(cli('report', paths, '--years', '2020-2015').code).toBe(2);
    expect(cli('report', paths, '--years', 'recent').err).toMatch(/--years needs a year or a range/);
    expect(cli('build', paths, '--years', '2016', '--store', join(tmp, 'y.duckdb')).code).toBe(2);
  });
});

describe('--roster', () => {
  const dept = join(ROOT, 'tests', 'fixtures', 'department.tsv');
  const roster = join(ROOT, 'tests', 'fixtures', 'department-roster.txt');
  it('report matches names (initials, homonyms, a role after a comma), describes the network (hand-checked)', () => {
    const r = JSON.parse(cli('report', dept, '--roster', roster, '--json').out).roster;
    expect(
      r.matched.map((m: { name: string; author: { label: string }; how: string }) => [m.name, m.author.label, m.how]),
    ).toEqual([
      ['Ann Lee', 'Ann Lee', 'name'],
      ['Moss, Bob', 'Bob Moss', 'name'],
      ['Cat Noor', 'Cat Noor', 'name'],
      ['Dan Ortiz', 'Dan Ortiz', 'name'],
      ['Eve Park', 'Eve Park', 'name'],
      ['K. Ng', 'Kim Ng', 'initials'],
    ]);
    expect(
      r.ambiguous.map((m: { name: string; candidates: { id: string }[] }) => [m.name, m.candidates.map((c) => c.id)]),
    ).toEqual([
      ['Wei Wang', ['wang-wei-0001', 'wang-wei-0002']],
      ['J. Smith', ['smith-john', 'smith-jane']],
    ]);
    expect(r.unmatched).toEqual([{ name: 'Kim Ngo', line: 10, suggestions: ['Kim Ng', 'Cat Noor', 'Pat Two'] }]);
    const n = r.network;
    expect(n).toMatchObject({ members: 6, ties: 3 });
    expect(n.subgroups.map((g: { label: string }[]) => g.map((p) => p.label))).toEqual([
      ['Ann Lee', 'Bob Moss'],
      ['Cat Noor', 'Dan Ortiz'],
    ]);
    expect(n.isolated.map((p: { label: string }) => p.label)).toEqual(['Kim Ng', 'Eve Park']);
    expect(n.shared).toEqual([{ id: 'out-xavier', label: 'Xavier Out', members: 4 }]);
    expect(
      n.bridges.map((b: { label: string; subgroups: number; external: boolean }) => [b.label, b.subgroups, b.external]),
    ).toEqual([
      ['Bob Moss', 1, false],
      ['Cat Noor', 1, false],
      ['Xavier Out', 2, true],
    ]);
    expect(cli('report', dept, '--roster', roster).out).toMatch(
      /"Wei Wang" is ambiguous: Wei Wang \[wang-wei-0001\], Wei Wang \[wang-wei-0002\]/,
    );
  });
  it('build writes the roster\'s graph: members, the collaborators they share, every tie among them', () => {
    const g = Graph.from(JSON.parse(cli('build', dept, '--roster', roster, '--no-layout', '--out', '-').out));
    expect(g.order).toBe(7);
    expect(g.size).toBe(7);
    expect(g.getNodeAttribute('out-xavier', 'roster')).toBe('shared');
    expect(g.filterNodes((_n, a) => a.roster === 'member').sort()).toEqual([
      'lee-ann',
      'moss-bob',
      'ng-kim',
      'noor-cat',
      'ortiz-dan',
      'park-eve',
    ]);
  });
  it('a roster file that cannot be read is a clear error', () => {
    const r = cli('report', dept, '--roster', join(tmp, 'nope.txt'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nope\.txt: cannot read roster file/);
  });
});
