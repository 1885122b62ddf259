// Browser benchmarks of the group map: the 74k-record DBLP file dropped on the page, and `serve` on a whole-corpus
// store (first frame, search suggestions timed at the server, ego network drawn after Enter).

import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { serveStore } from '../src/server/serve';
import { openStore } from '../src/store/readStore';
import { explorerCachePath } from '../src/store/explorerCache';
import { dblpShapedName, writeDblpCorpus } from './generateDblp';

const ROOT = join(import.meta.dirname, '..');
const viewTime = (page: Page) => page.evaluate('window.coauthorGraph.timings.level ?? 0') as Promise<number>;
const nextView = (page: Page, after: number) => page.waitForFunction(
  `(window.coauthorGraph.timings.level ?? 0) > ${after}`, undefined, { timeout: 300_000, polling: 50 },
);

/** Seconds from the file's change event to the group map drawn (two animation frames after it is shown). */
export async function dropToMap(page: Page, file: string): Promise<{ seconds: number; title: string }> {
  const before = await viewTime(page);
  await page.setInputFiles('#file-input', file);
  await nextView(page, before);
  const seconds = await page.evaluate(`new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() =>
    r((performance.now() - window.coauthorGraph.timings.fileChosen) / 1000))))`) as number;
  return { seconds, title: (await page.textContent('#atlas-bar .level-facts')) ?? '' };
}

/** The generated whole-corpus store (built, and its corpus generated, when missing). */
export async function wholeCorpusStore(papers: number): Promise<string> {
  const out = join(ROOT, 'bench', 'out');
  const store = join(out, `${dblpShapedName(papers)}.duckdb`);
  if (existsSync(store)) return store;
  const bib = join(out, `${dblpShapedName(papers)}.bib`);
  if (!existsSync(bib)) {
    process.stderr.write(`generating ${bib}…\n`);
    await writeDblpCorpus(bib, bib.replace(/\.bib$/, '.tsv'), { papers, seed: 2016 });
  }
  process.stderr.write(`building ${store}…\n`);
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.mjs'), 'build', bib, '--store', store], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`the store build failed (exit ${r.status})`);
  return store;
}

export interface StoreTimes {
  /**
   * The group map answering on the first start (look-up tables written beside the store meanwhile), every look-up
   * table made then, and the map answering on a later start (tables read from there).
   */
  firstStartSeconds: number; firstAllSeconds: number; startSeconds: number; firstFrame: number; searchMs: number[];
  egoSeconds: number; egoNodes: number; groupSeconds: number;
}

/** `serve` on the store; the page opened on its map; searches timed at the server; an ego network opened by Enter. */
export async function servedStore(browser: Browser, path: string, web: string): Promise<StoreTimes> {
  const cache = { path: explorerCachePath(path), storePath: path };
  // Ready: the group map answers; every look-up table may come later (the store is closed only after them).
  const start = async () => {
    const t0 = performance.now();
    const store = await openStore(path);
    let allReady!: (seconds: number) => void;
    const lookups = new Promise<number>((r) => { allReady = r; });
    const onLookups = () => allReady((performance.now() - t0) / 1000);
    const server = await serveStore(store, path, { port: 0, host: '127.0.0.1', web, cache, onLookups });
    return { store, server, seconds: (performance.now() - t0) / 1000, lookups };
  };
  rmSync(cache.path, { force: true });
  const first = await start();
  const firstAllSeconds = await first.lookups;
  await new Promise<void>((r) => first.server.close(() => r()));
  first.store.close();
  const { store, server, seconds: startSeconds, lookups } = await start();
  await lookups;
  const firstStartSeconds = first.seconds;
  const a = server.address();
  const base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/`;
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(base);
    await nextView(page, 0);
    // First frame: from the start of navigation to two animation frames after the map is shown.
    const firstFrame = await page.evaluate(`new Promise((r) => requestAnimationFrame(() =>
      requestAnimationFrame(() => r(performance.now() / 1000))))`) as number;
    let t = await viewTime(page);
    const g0 = performance.now();
    await page.click('#legend .legend-open >> nth=0');
    await nextView(page, t);
    const groupSeconds = (performance.now() - g0) / 1000;
    // Suggestions as the user types a name: each prefix timed at the server (fetch from Node, no page work).
    const label = await page.evaluate(`(() => {
      const g = window.coauthorGraph.graph; return g.getNodeAttribute(g.nodes()[0], 'label'); })()`) as string;
    const searchMs: number[] = [];
    for (let i = 1; i <= Math.min(12, label.length); i++) {
      const s0 = performance.now();
      await (await fetch(`${base}api/search?${new URLSearchParams({ q: label.slice(0, i), limit: '8' })}`)).json();
      searchMs.push(performance.now() - s0);
    }
    await page.fill('#search', label);
    await page.waitForSelector('#suggestions li[data-key]');
    t = await viewTime(page);
    const e0 = performance.now();
    await page.keyboard.press('Enter');
    await nextView(page, t);
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    const egoSeconds = (performance.now() - e0) / 1000;
    const egoNodes = await page.evaluate('window.coauthorGraph.graph.order') as number;
    await page.close();
    return {
      firstStartSeconds,
      firstAllSeconds,
      startSeconds,
      firstFrame,
      searchMs,
      egoSeconds,
      egoNodes,
      groupSeconds,
    };
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
    store.close();
  }
}
