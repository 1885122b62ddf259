// Big graphs in real Chromium, both ways in: the 74k-record DBLP file dropped on the page, and `serve` on a store built
// from a generated corpus. The group map draws, a group opens, search reaches an author whose panel lists papers,
// breadcrumbs lead back, the URL restores the view, an export of the view parses, a hostile search gets a 4xx.
import { mkdtempSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDblpCorpus } from '../../bench/generateDblp';
import { serveStore } from '../../src/server/serve';
import type { Store } from '../../src/store/readStore';
import { openStore } from '../../src/store/readStore';
import { ROOT, runCli } from '../helpers';
import { buildWeb } from '../server/webBuild';
import type { ExplorerHandle, Harness } from './harness';
import { CHROMIUM, CHROMIUM_ARGS, openExplorer, startHarness } from './harness';

type W = { coauthorGraph: ExplorerHandle & { timings: { level?: number } } };
const DBLP = join(ROOT, '..', 'shared', 'data', 'dblp-2016-18-venues.bib.gz');

/** Resolves once a view newer than `after` (a timings.level value) is on screen. */
async function nextView(page: Page, after: number): Promise<void> {
  await page.waitForFunction((t) => ((window as unknown as W).coauthorGraph.timings.level ?? 0) > t, after, {
    timeout: 120_000,
    polling: 100,
  });
}
const viewTime = (page: Page) => page.evaluate(() => (window as unknown as W).coauthorGraph.timings.level ?? 0);
const crumbs = (page: Page) => page.locator('#atlas-bar .crumb').allTextContents();
const isMap = (page: Page) => page.evaluate(() => {
  const g = (window as unknown as W).coauthorGraph.graph;
  return g.nodes().every((n) => g.getNodeAttribute(n, 'opens') !== undefined);
});

/** Types a name, waits for the suggestions, and opens the first one's ego network. */
async function searchAndOpen(page: Page, name: string): Promise<void> {
  const before = await viewTime(page);
  await page.fill('#search', name);
  await page.waitForSelector('#suggestions li[data-key]', { timeout: 30_000 });
  await page.keyboard.press('Enter');
  await nextView(page, before);
}

async function exportedJson(page: Page): Promise<{ nodes: unknown[]; edges: unknown[] }> {
  const download = page.waitForEvent('download');
  await page.click('#export-json');
  const file = await (await download).path();
  return JSON.parse(readFileSync(file, 'utf8'));
}

describe('a dropped mid-size file opens on its group map', () => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness(); });
  afterAll(async () => { await h?.close(); });

  it('map → group → sub-group → search → ego network → back, with scaled sizes and an export of the view', async () => {
    const { page, errors } = await openExplorer(h);
    const before = await viewTime(page);
    await page.setInputFiles('#file-input', DBLP);
    await nextView(page, before);
    expect(await isMap(page)).toBe(true);
    await expect(page.locator('#atlas-bar').textContent()).resolves.toMatch(/groups of 67,373 authors/);
    // No node covers its neighbours: sizes are scaled to the view.
    const largest = await page.evaluate(() => {
      const w = (window as unknown as W).coauthorGraph;
      return Math.max(...w.graph.nodes().map((n) => w.sigma.getNodeDisplayData(n)!.size));
    });
    expect(largest).toBeLessThanOrEqual(22);
    // The legend's › on the largest group: it is too big to draw whole, so it opens on its sub-groups.
    let t = await viewTime(page);
    await page.click('#legend .legend-open >> nth=0');
    await nextView(page, t);
    expect(await isMap(page)).toBe(true);
    expect(await crumbs(page)).toHaveLength(2);
    expect(page.url()).toMatch(/view=group%3A0(&|$)/);
    t = await viewTime(page);
    await page.click('#legend .legend-open >> nth=0');
    await nextView(page, t);
    expect(await isMap(page)).toBe(false);
    expect(await crumbs(page)).toHaveLength(3);
    expect(page.url()).toMatch(/view=group%3A0.0/);
    // Search reaches anyone in the corpus, not just this view.
    await searchAndOpen(page, 'Jiawei Han');
    expect(page.url()).toContain('view=ego%3A1%3Ahan-jiawei');
    await expect(page.locator('#panel-name').textContent()).resolves.toBe('Jiawei Han');
    await expect(page.locator('#panel .paper').count()).resolves.toBeGreaterThan(100);
    const order = await page.evaluate(() => (window as unknown as W).coauthorGraph.graph.order);
    expect(order).toBeGreaterThan(100);
    const view = await exportedJson(page);
    expect(view.nodes.length).toBe(order);
    // The browser's Back and Forward move between the views opened.
    t = await viewTime(page);
    await page.goBack();
    await nextView(page, t);
    expect(page.url()).toMatch(/view=group%3A0.0/);
    t = await viewTime(page);
    await page.goForward();
    await nextView(page, t);
    expect(page.url()).toContain('view=ego%3A1%3Ahan-jiawei');
    await page.waitForSelector('#panel:not([hidden]) .ego-open');
    // Collaborators of collaborators, then back to the map through the breadcrumbs.
    t = await viewTime(page);
    await page.click('#panel .ego-open[data-depth="2"]');
    await nextView(page, t);
    expect(await page.evaluate(() => (window as unknown as W).coauthorGraph.graph.order)).toBeGreaterThan(order);
    t = await viewTime(page);
    await page.click('#atlas-bar .crumb.link >> nth=0');
    await nextView(page, t);
    expect(await isMap(page)).toBe(true);
    expect(page.url()).not.toContain('view=');
    // A roster on a big graph: its members and the collaborators they share, as a view of their own.
    t = await viewTime(page);
    await page.click('#roster-open');
    await page.fill('#roster-text', 'Jiawei Han\nPhilip S. Yu\nXifeng Yan\nNobody Atall\n');
    await page.click('#roster-show');
    await nextView(page, t);
    await page.waitForSelector('#panel .roster-summary');
    expect(await crumbs(page)).toEqual(['Group map', 'Roster']);
    expect(await page.evaluate(() => (window as unknown as W).coauthorGraph.graph.order)).toBeGreaterThanOrEqual(3);
    await expect(page.locator('#panel').textContent()).resolves.toContain('Nobody Atall');
    // Untrusted text in the search box is only ever text.
    await page.fill('#search', '<img src=x onerror="window.pwned=1">');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});

describe('serve on a store built from a generated corpus', () => {
  let store: Store; let server: Server; let browser: Browser; let base = '';
  beforeAll(async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'cg-serve-browser-'));
    const bib = join(tmp, 'corpus.bib'); const path = join(tmp, 'corpus.duckdb');
    await writeDblpCorpus(bib, join(tmp, 'corpus.tsv'), { papers: 20_000, seed: 5 });
    const r = runCli('build', bib, '--store', path);
    expect(r.code, r.err).toBe(0);
    store = await openStore(path);
    server = await serveStore(store, 'corpus.duckdb', { port: 0, host: '127.0.0.1', web: await buildWeb() });
    const a = server.address();
    base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((r) => { if (server) server.close(() => r()); else r(); });
    store?.close();
  });

  async function open(hash = ''): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(base + hash);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    return { page, errors };
  }

  it('map → group → search → ego network with papers → back; the URL restores the view; exports parse', async () => {
    const { page, errors } = await open();
    expect(await isMap(page)).toBe(true);
    await expect(page.locator('#atlas-bar').textContent()).resolves.toMatch(/groups of [\d,]+ authors/);
    let t = await viewTime(page);
    await page.click('#legend .legend-open >> nth=1');
    await nextView(page, t);
    expect(await crumbs(page)).toHaveLength(2);
    const groupUrl = page.url();
    expect(groupUrl).toMatch(/view=group%3A1/);
    const name = await page.evaluate(() => {
      const g = (window as unknown as W).coauthorGraph.graph;
      return g
        .nodes()
        .map((n) => g.getNodeAttributes(n) as unknown as { label: string; papers: number; opens?: string })
        .filter((a) => !a.opens)
        .sort((a, b) => b.papers - a.papers)[0]?.label;
    });
    // A group of a generated corpus is small enough to draw whole: its members, ties capped by strength.
    expect(name).toBeTruthy();
    await searchAndOpen(page, name!);
    await expect(page.locator('#panel-name').textContent()).resolves.toBe(name);
    await expect(page.locator('#panel .paper').count()).resolves.toBeGreaterThan(0);
    const egoUrl = page.url();
    expect(egoUrl).toContain('view=ego%3A1%3A');
    const view = await exportedJson(page);
    expect(view.nodes.length).toBe(await page.evaluate(() => (window as unknown as W).coauthorGraph.graph.order));
    t = await viewTime(page);
    await page.click('#atlas-bar .crumb.link >> nth=0');
    await nextView(page, t);
    expect(await isMap(page)).toBe(true);
    // A link reproduces the view: the ego network opens with the author's panel.
    const again = await open(new URL(egoUrl).hash);
    await again.page.waitForSelector('#panel:not([hidden]) .paper', { timeout: 30_000 });
    await expect(again.page.locator('#panel-name').textContent()).resolves.toBe(name);
    expect(await crumbs(again.page)).toHaveLength(3);
    // A view's tie cap comes from the URL; "Show more ties" raises it four-fold.
    const capped = await open('#view=group%3A1&ties=5');
    await capped.page.waitForSelector('#show-more-ties');
    await expect(capped.page.locator('#atlas-bar .level-facts').textContent()).resolves.toMatch(
      /the 5 strongest of [\d,]+ ties/,
    );
    t = await viewTime(capped.page);
    await capped.page.click('#show-more-ties');
    await nextView(capped.page, t);
    expect(await capped.page.evaluate(() => (window as unknown as W).coauthorGraph.graph.size)).toBe(20);
    expect(capped.page.url()).toContain('ties=20');
    await capped.page.close();
    // A hostile search string gets a 4xx with a message, and the page stays up.
    const hostile = await page.evaluate(async () => {
      const r = await fetch(`api/search?q=${encodeURIComponent("'; DROP TABLE authors; --")}`);
      return { status: r.status, body: await r.json() as { error: string } };
    });
    expect(hostile.status).toBe(400);
    expect(hostile.body.error).toMatch(/letters, digits/);
    await page.fill('#search', "'; DROP TABLE authors; --");
    await page.waitForTimeout(500);
    await expect(page.locator('#suggestions').textContent()).resolves.toMatch(/No author matches/);
    expect([...errors, ...again.errors].filter((e) => !/400 \(Bad Request\)/.test(e))).toEqual([]);
    await again.page.close();
    await page.close();
  }, 300_000);

  it('suggestions slow to come (a server still making its name index) say they are coming', async () => {
    const { page, errors } = await open();
    // Each answer held back a second, as on the first start of a server over millions of authors.
    await page.route('**/api/search?*', async (route) => {
      await new Promise((r) => setTimeout(r, 1000));
      await route.continue();
    });
    await page.fill('#search', 'ma');
    await page.waitForSelector('#suggestions:not([hidden]) li.matched', { timeout: 5_000 });
    await expect(page.locator('#suggestions').textContent()).resolves.toBe('Searching…');
    await page.waitForSelector('#suggestions li[data-key]', { timeout: 10_000 });
    await expect(page.locator('#suggestions').textContent()).resolves.not.toContain('Searching');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
