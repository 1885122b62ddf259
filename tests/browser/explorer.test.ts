// The explorer in real Chromium: first paint, search and panel, hover, filters, exports, loading files, untrusted
// text, URL state.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, PAGES } from '../helpers';
import type { ExplorerHandle, Harness } from './harness';
import { inkShare, openExplorer, startHarness } from './harness';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const evilAbstract =
  'We study how a hostile title that carries markup and an event handler must be shown as plain text by any tool ' +
  'that renders bibliographic metadata in a web page, and we report what happens when it is not.';
const evil = `Owner, Olga
<img src=x onerror="window.__pwned=1">Attack of the Titles & "Quotes"
Owner, Olga, Doe, Jane
${evilAbstract}
`;

describe('explorer', () => {
  it('loads the seeds with no console errors and draws the graph', async () => {
    const { page, errors } = await openExplorer(h);
    const stats = await page.evaluate(() => {
      const w = (window as unknown as { coauthorGraph: ExplorerHandle }).coauthorGraph;
      return { order: w.graph.order, size: w.graph.size };
    });
    expect(stats).toEqual({ order: 325, size: 29953 });
    expect(await inkShare(page)).toBeGreaterThan(0.03);
    await expect(page.locator('#legend .legend-item').count()).resolves.toBeGreaterThan(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('search suggests across spellings and opens the panel with papers and collaborators', async () => {
    const { page } = await openExplorer(h);
    await page.fill('#search', 'nie hao');
    await page.waitForSelector('#suggestions li[data-key="nie-hao"]');
    await page.fill('#search', 'daxin');
    await expect(page.locator('#suggestions li').first().getAttribute('data-key')).resolves.toBe('jiang-daxin');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#panel:not([hidden])');
    await expect(page.locator('#panel-name').textContent()).resolves.toBe('Daxin Jiang');
    await expect(page.locator('#panel .paper').count()).resolves.toBe(11);
    const first = await page.locator('#panel .collaborators li').first().textContent();
    expect(first).toBe('Xiangyu Zhang 6 shared');
    // A click on a collaborator moves to them; a click on the count lists the shared papers of the tie.
    await page.locator('#panel .collaborators button.link[data-author="zhou-shuigeng"]').click();
    await expect(page.locator('#panel-name').textContent()).resolves.toBe('Shuigeng Zhou');
    await page.locator('#panel .collaborators li', { hasText: 'Houyi Li' }).locator('button.count').click();
    await expect(page.locator('#panel-name').textContent()).resolves.toBe('Shuigeng Zhou — Houyi Li');
    await expect(page.locator('#panel .paper-title').allTextContents()).resolves.toEqual([
      'Predictable Scale: Part I -- Optimal Hyperparameter Scaling Law in Large Language Model Pretraining',
      'Multi-matrix Factorization Attention',
    ]);
    expect(page.url()).toContain('tie=zhou-shuigeng%7Cli-houyi');
    await page.close();
  });

  it('hover highlights collaborators and fades the rest without touching the graph', async () => {
    const { page } = await openExplorer(h);
    // Hover the largest node (Daxin Jiang), whichever is drawn on top at its centre.
    const target = await page.evaluate(() => {
      const w = (window as unknown as { coauthorGraph: ExplorerHandle }).coauthorGraph;
      return w.sigma.graphToViewport({
        x: w.graph.getNodeAttribute('jiang-daxin', 'x') as number,
        y: w.graph.getNodeAttribute('jiang-daxin', 'y') as number,
      });
    });
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.move(box.x + 5, box.y + 5);
    await page.mouse.move(box.x + target.x, box.y + target.y, { steps: 8 });
    await page.waitForFunction(
      () => !!(window as unknown as { coauthorGraph: ExplorerHandle }).coauthorGraph.state.hovered,
      undefined,
      { timeout: 10_000 },
    );
    const colors = await page.evaluate(() => {
      const w = (window as unknown as { coauthorGraph: ExplorerHandle }).coauthorGraph;
      const hovered = w.state.hovered as string;
      const g = w.graph as unknown as { neighbors: (n: string) => string[]; nodes: () => string[] };
      const neighbours = new Set(g.neighbors(hovered));
      const neighbour = [...neighbours][0]!;
      const stranger = g.nodes().find((n) => n !== hovered && !neighbours.has(n))!;
      return {
        hovered,
        neighbour: w.sigma.getNodeDisplayData(neighbour)!.color,
        stranger: w.sigma.getNodeDisplayData(stranger)!.color,
        data: w.graph.getNodeAttribute(stranger, 'color'),
      };
    });
    expect(colors.hovered).toBeTruthy();
    expect(colors.stranger).toBe('#e4e4e8');
    expect(colors.neighbour).not.toBe('#e4e4e8');
    expect(colors.data).not.toBe('#e4e4e8');
    await page.close();
  });

  it('a filter changes what is drawn, and export downloads the filtered view as a parseable file', async () => {
    const { page } = await openExplorer(h);
    const before = await page.evaluate(
      () => (window as unknown as { coauthorGraph: ExplorerHandle }).coauthorGraph.visibleNodes().length,
    );
    await page.locator('#min-papers').fill('4');
    await page.locator('#min-papers').dispatchEvent('input');
    const after = await page.evaluate(
      () => (window as unknown as { coauthorGraph: ExplorerHandle }).coauthorGraph.visibleNodes().length,
    );
    expect(before).toBe(325);
    expect(after).toBeLessThan(60);
    expect(after).toBeGreaterThan(5);
    expect(page.url()).toContain('minPapers=4');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-gexf')]);
    const g = parseGexf(Graph, readFileSync((await download.path())!, 'utf8'));
    expect(g.order).toBe(after);
    g.forEachNode((_n, a) => expect(a.papers).toBeGreaterThanOrEqual(4));
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
    await page.close();
  });

  it('loading a file rebuilds the graph; a title with markup shows as text and runs nothing', async () => {
    const { page, errors } = await openExplorer(h);
    await page.setInputFiles('#file-input', [
      { name: 'evil.txt', mimeType: 'text/plain', buffer: Buffer.from(evil) },
      { name: 'author-page.txt', mimeType: 'text/plain', buffer: readFileSync(join(PAGES, 'author-page.txt')) },
    ]);
    await page.waitForFunction(
      () => (window as unknown as { coauthorGraph: ExplorerHandle }).coauthorGraph.graph.order === 9,
      undefined,
      { timeout: 60_000 },
    );
    await page.fill('#search', 'olga');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#panel:not([hidden])');
    await expect(page.locator('#panel .paper-title').first().textContent()).resolves.toBe(
      '<img src=x onerror="window.__pwned=1">Attack of the Titles & "Quotes"',
    );
    await expect(page.locator('#panel img').count()).resolves.toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a list that looks mis-paired is read as written and flagged in the panel and the report', async () => {
    const { page, errors } = await openExplorer(h);
    const tsv = ['title\tauthors', 'S1\tFay Hill; Pat One', 'S2\tGus Ivy; Pat Two', 'S3\tHal Jay; Pat Three',
      'Damaged\tFay Qwen; Gus Hill; Hal Ivy; Ida Jay; Jon Kay', ''].join('\n');
    await page.setInputFiles('#file-input', [
      { name: 'lists.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(tsv) },
    ]);
    await page.waitForFunction(
      () => (window as unknown as { coauthorGraph: ExplorerHandle }).coauthorGraph.graph.order === 11,
      undefined,
      { timeout: 60_000 },
    );
    await page.fill('#search', 'Ida Jay');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#panel:not([hidden])');
    await expect(page.locator('#panel p.suspect').textContent()).resolves.toMatch(/may not be a real person/);
    await expect(page.locator('#panel .paper-meta').first().textContent()).resolves.toMatch(/list looks mis-paired/);
    await page.click('#show-report');
    await expect(page.locator('#report').textContent()).resolves.toMatch(/Suspect author lists.*lists\.tsv:5 Damaged/s);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('identifiers from an export are shown in the panel as links to their registries', async () => {
    const { page, errors } = await openExplorer(h);
    const csv = readFileSync(join(FIXTURES, 'scopus-homonyms.csv'));
    await page.setInputFiles('#file-input', [{ name: 'scopus.csv', mimeType: 'text/csv', buffer: csv }]);
    await page.waitForFunction(
      () => (window as unknown as { coauthorGraph: ExplorerHandle }).coauthorGraph.graph.order === 4,
      undefined,
      { timeout: 60_000 },
    );
    await page.fill('#search', 'Jane Smith');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#panel:not([hidden]) .ids a');
    await expect(page.locator('#panel .ids a').getAttribute('href')).resolves
      .toBe('https://www.scopus.com/authid/detail.uri?authorId=57190000002');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a file that cannot be read leaves the graph in place and says why', async () => {
    const { page } = await openExplorer(h);
    await page.setInputFiles('#file-input', [
      {
        name: 'junk.bin',
        mimeType: 'application/octet-stream',
        buffer: Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256)),
      },
    ]);
    await page.waitForSelector('#notice.error:not([hidden])');
    await expect(page.locator('#notice').textContent()).resolves.toMatch(/Could not load/);
    expect(
      await page.evaluate(() => (window as unknown as { coauthorGraph: ExplorerHandle }).coauthorGraph.graph.order),
    ).toBe(325);
    await page.click('#show-report');
    await expect(page.locator('#report').textContent()).resolves.toMatch(/junk\.bin:1.*binary-file/);
    await page.close();
  });

  it('a saved graph JSON opens directly, draws, and still recomputes groups', async () => {
    const { page, errors } = await openExplorer(h);
    // A filtered view, so the saved graph differs from the seeds the fresh page starts with.
    await page.locator('#min-papers').fill('2');
    await page.locator('#min-papers').dispatchEvent('input');
    const [saved] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const json = readFileSync((await saved.path())!);
    const exported = JSON.parse(json.toString('utf8')) as { nodes: unknown[]; edges: unknown[] };
    // Open it in a fresh page so nothing from the seeds is left over.
    const fresh = await openExplorer(h);
    await fresh.page.setInputFiles('#file-input', [{ name: 'saved.json', mimeType: 'application/json', buffer: json }]);
    await fresh.page.waitForFunction(
      () => {
        const w = (
          window as unknown as { coauthorGraph: ExplorerHandle & { timings: { shown?: number; fileChosen?: number } } }
        ).coauthorGraph;
        return (w.timings.shown ?? 0) > (w.timings.fileChosen ?? Infinity);
      },
      undefined,
      { timeout: 60_000 },
    );
    const opened = await fresh.page.evaluate(() => {
      const w = (window as unknown as { coauthorGraph: ExplorerHandle }).coauthorGraph;
      return { order: w.graph.order, size: w.graph.size, label: w.graph.getNodeAttribute('jiang-daxin', 'label') };
    });
    expect(opened).toEqual({ order: exported.nodes.length, size: exported.edges.length, label: 'Daxin Jiang' });
    await expect(fresh.page.locator('#report').textContent()).resolves.toMatch(/opened a saved graph/);
    expect(await inkShare(fresh.page)).toBeGreaterThan(0.03);
    // The worker was handed the same graph: switching the weighting recomputes on it.
    await fresh.page.selectOption('#weighting', 'count');
    await fresh.page.waitForFunction(
      () =>
        (window as unknown as { coauthorGraph: ExplorerHandle }).coauthorGraph.graph.getAttribute('weighting') ===
        'count',
      undefined,
      { timeout: 60_000 },
    );
    const groups = await fresh.page.evaluate(() => {
      const g = (window as unknown as { coauthorGraph: ExplorerHandle }).coauthorGraph.graph;
      return { order: g.order, sizes: (g.getAttribute('communities') as { size: number }[]).map((c) => c.size) };
    });
    expect(groups.order).toBeLessThan(325);
    expect(groups.sizes.reduce((a, b) => a + b, 0)).toBe(groups.order);
    expect(groups.sizes.length).toBeGreaterThan(2);
    expect([...errors, ...fresh.errors]).toEqual([]);
    await fresh.page.close();
    await page.close();
  });

  it('switching the weighting and resolution recomputes the groups in the worker', async () => {
    const { page } = await openExplorer(h);
    const before = await page.evaluate(
      () =>
        (window as unknown as { coauthorGraph: ExplorerHandle }).coauthorGraph.graph.getAttribute(
          'modularity',
        ) as number,
    );
    await page.selectOption('#weighting', 'count');
    await page.waitForFunction(
      () =>
        (window as unknown as { coauthorGraph: ExplorerHandle }).coauthorGraph.graph.getAttribute('weighting') ===
        'count',
    );
    const after = await page.evaluate(
      () =>
        (window as unknown as { coauthorGraph: ExplorerHandle }).coauthorGraph.graph.getAttribute(
          'modularity',
        ) as number,
    );
    expect(after).not.toBe(before);
    expect(page.url()).toContain('weighting=count');
    await expect(page.locator('#summary').textContent()).resolves.toContain(`modularity ${after.toFixed(3)}`);
    await page.close();
  });

  it('a URL with state restores focus, filters and settings', async () => {
    const { page } = await openExplorer(h, '#author=nie-hao&minPapers=2&ego=1&weighting=count&resolution=1.5');
    await expect(page.locator('#panel-name').textContent()).resolves.toBe('Hao Nie');
    await expect(page.locator('#min-papers').inputValue()).resolves.toBe('2');
    await expect(page.locator('#weighting').inputValue()).resolves.toBe('count');
    await expect(page.locator('#ego').inputValue()).resolves.toBe('1');
    const s = await page.evaluate(() => {
      const w = (window as unknown as { coauthorGraph: ExplorerHandle }).coauthorGraph;
      return {
        weighting: w.graph.getAttribute('weighting'),
        resolution: w.graph.getAttribute('resolution'),
        visible: w.visibleNodes(),
      };
    });
    expect(s).toMatchObject({ weighting: 'count', resolution: 1.5 });
    expect(s.visible).toContain('nie-hao');
    expect(s.visible.length).toBeLessThan(325);
    await page.close();
  });
});
