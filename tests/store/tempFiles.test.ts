// A store's temporary files: a build stopped by a signal removes its own, and the next build of a store removes those
// that killed builds left (their processes gone), never another live build's or another store's.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeSyntheticTsv } from '../../bench/generate';
import { clearStaleTemps, storeTempPath } from '../../src/store/tempFiles';
import { ROOT } from '../helpers';

/** The pid of a process that has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('store temporary files', () => {
  it('removes what killed builds of the same store left, and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-temps-'));
    const store = join(dir, 'corpus.duckdb');
    const dead = deadPid();
    const live = spawn('sleep', ['30']);
    try {
      const deadTmp = storeTempPath(store, dead);
      writeFileSync(deadTmp, 'x');
      writeFileSync(`${deadTmp}.wal`, 'x');
      mkdirSync(`${deadTmp}.tmp`);
      writeFileSync(join(`${deadTmp}.tmp`, 'duckdb_temp_storage-0.tmp'), 'x');
      const keep = [
        'corpus.duckdb', `corpus.duckdb.${live.pid}.tmp`, `other.duckdb.${dead}.tmp`, `corpus.duckdb.${dead}.bak`,
        `.corpus.duckdb.${dead}.tmp`,
      ];
      for (const k of keep) writeFileSync(join(dir, k), 'x');
      const removed = clearStaleTemps(store).sort();
      expect(removed).toEqual([`corpus.duckdb.${dead}.tmp`, `corpus.duckdb.${dead}.tmp.tmp`,
        `corpus.duckdb.${dead}.tmp.wal`]);
      expect(readdirSync(dir).sort()).toEqual([...keep].sort());
    } finally {
      live.kill();
    }
  });

  // A TERM sent to the launcher alone (timeout, kill), and a terminal's Ctrl-C, which reaches every process of the
  // group at once: the build then hears INT twice, from the terminal and from the launcher.
  const stops: { name: string; signal: NodeJS.Signals; group: boolean }[] = [
    { name: 'SIGTERM to the launcher', signal: 'SIGTERM', group: false },
    { name: 'SIGINT to the process group (Ctrl-C)', signal: 'SIGINT', group: true },
  ];
  it.each(stops)('a build stopped by $name leaves neither a store nor its temporary files', async (stop) => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-stop-'));
    const tsv = join(dir, 'corpus.tsv');
    await writeSyntheticTsv(tsv, { papers: 45_000, seed: 3 });
    // Compressed, it counts as eight times its size: the launcher runs the build as its own child process.
    const gz = `${tsv}.gz`;
    writeFileSync(gz, gzipSync(readFileSync(tsv)));
    const store = join(dir, 'corpus.duckdb');
    // A process group of its own, as a terminal gives a command.
    const build = spawn(process.execPath, [join(ROOT, 'bin', 'coauthor-graph.mjs'), 'build', gz, '--store', store], {
      cwd: ROOT, env: { ...process.env, COAUTHOR_GRAPH_PROGRESS: '1' }, detached: true,
    });
    const processesOfStore = () =>
      spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).stdout.split('\n').filter((l) => l.includes(store));
    const send = () => (stop.group ? process.kill(-build.pid!, stop.signal) : build.kill(stop.signal));
    let err = '';
    let stopped = false;
    let atStop: string[] = [];
    build.stderr.setEncoding('utf8');
    build.stderr.on('data', (d: string) => {
      err += d;
      // Once the store is being written (its temporary file is there), the build is stopped.
      if (!stopped && /store: ties/.test(err)) { stopped = true; atStop = processesOfStore(); send(); }
    });
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
      build.on('exit', (c, s) => resolve([c, s]));
    });
    expect(stopped, err).toBe(true);
    expect(atStop, 'the launcher and its build process').toHaveLength(2);
    expect({ code, signal }, err).toEqual({ code: null, signal: stop.signal });
    expect(err).not.toMatch(/wrote .*corpus\.duckdb/);
    // The launcher ends after its build process, not before: nothing goes on writing once the command has ended.
    expect(processesOfStore()).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['corpus.tsv', 'corpus.tsv.gz']);
  }, 120_000);
});
