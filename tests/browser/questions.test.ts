// The research questions in real Chromium: the chain between two people, the year slider, the mean-year overlay,
// a group's panel (papers per year, bridges), a roster, sizing by betweenness, and a focus that frames the neighbours.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExplorerHandle, Harness } from './harness';
import { openExplorer, startHarness } from './harness';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

type W = { coauthorGraph: ExplorerHandle };

describe('research questions in the explorer', () => {
  it('a chain between two people: picked from the panel, drawn, listed with the papers, kept in the URL', async () => {
    const { page, errors } = await openExplorer(h);
    await page.fill('#search', 'Haoyang Huang');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#panel:not([hidden]) #path-to');
    await page.fill('#path-to', 'Zhen Zhang');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#panel .path-distance');
    await expect(page.locator('#panel .path-distance').textContent()).resolves.toBe(
      'Collaboration distance 3 · 66 shortest chains, 3 shown',
    );
    const first = await page.locator('#panel .chain').first().locator('.hop').allTextContents();
    expect(first).toHaveLength(3);
    expect(first[2]).toContain('Uncertainty Sentence Sampling by Virtual Adversarial Perturbation');
    expect(page.url()).toContain('path=zhang-zhen');
    // Only the chains are drawn: the people on them are shown, everyone else faded.
    const drawn = await page.evaluate(() => {
      const w = (window as unknown as W).coauthorGraph;
      return w.graph.nodes().filter((n) => w.sigma.getNodeDisplayData(n)?.color !== '#e4e4e8').length;
    });
    expect(drawn).toBeGreaterThanOrEqual(4);
    expect(drawn).toBeLessThan(20);
    // The link reproduces the view.
    const again = await openExplorer(h, new URL(page.url()).hash);
    await again.page.waitForSelector('#panel .path-distance');
    await expect(again.page.locator('#panel-name').textContent()).resolves.toBe('Haoyang Huang → Zhen Zhang');
    expect([...errors, ...again.errors]).toEqual([]);
    await again.page.close();
    await page.close();
  });

  it('the year slider rebuilds ties and groups from those years\' papers; the report tells what was left', async () => {
    const { page, errors } = await openExplorer(h);
    const all = await page.evaluate(() => (window as unknown as W).coauthorGraph.graph.order);
    await page.locator('#year-from').fill('2025');
    await page.locator('#year-from').dispatchEvent('change');
    await page.waitForFunction((n) => (window as unknown as W).coauthorGraph.graph.order !== n, all, {
      timeout: 60_000,
    });
    const cut = await page.evaluate(() => {
      const g = (window as unknown as W).coauthorGraph.graph;
      return {
        order: g.order,
        years: g.getAttribute('years') as { from: number; inRange: number; withoutYear: number },
      };
    });
    expect(cut.order).toBeLessThan(all);
    expect(cut.years).toMatchObject({ from: 2025 });
    expect(cut.years.withoutYear).toBeGreaterThan(0);
    expect(page.url()).toMatch(/years=2025-\d{4}/);
    await page.click('#show-report');
    await expect(page.locator('#report').textContent()).resolves.toMatch(/without a year/);
    await page.keyboard.press('Escape');
    await page.click('#years-all');
    await page.waitForFunction((n) => (window as unknown as W).coauthorGraph.graph.order === n, all, {
      timeout: 60_000,
    });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('colours by mean year with a legend, and a group panel shows papers per year and bridges', async () => {
    const { page, errors } = await openExplorer(h);
    await page.selectOption('#color-by', 'year');
    await expect(page.locator('#overlay-legend .year-gradient').count()).resolves.toBe(1);
    const colors = await page.evaluate(() => {
      const w = (window as unknown as W).coauthorGraph;
      return new Set(w.graph.nodes().map((n) => w.sigma.getNodeDisplayData(n)?.color)).size;
    });
    expect(colors).toBeGreaterThan(3);
    await page.click('.legend-open[data-group="0"]');
    await page.waitForSelector('#panel .year-chart');
    expect(await page.locator('#panel .year-bar').count()).toBeGreaterThan(0);
    expect(await page.locator('#panel .bridges li').count()).toBeGreaterThan(0);
    expect(page.url()).toContain('group=0');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sizes nodes by betweenness: the top broker is drawn largest', async () => {
    const { page } = await openExplorer(h);
    await page.selectOption('#size-by', 'betweenness');
    const r = await page.evaluate(() => {
      const w = (window as unknown as W).coauthorGraph;
      const nodes = w.graph.nodes();
      const by = (f: (n: string) => number) => nodes.slice().sort((a, b) => f(b) - f(a))[0];
      const size = (n: string) => (w.sigma.getNodeDisplayData(n) as unknown as { size: number }).size;
      return { broker: by((n) => w.graph.getNodeAttribute(n, 'betweenness') as number), largest: by(size) };
    });
    expect(r.largest).toBe(r.broker);
    expect(page.url()).toContain('size=betweenness');
    await page.close();
  });

  it('a pasted roster shows its members and the collaborators they share, with unmatched names listed', async () => {
    const { page, errors } = await openExplorer(h);
    await page.click('#roster-open');
    await page.fill('#roster-text', 'Daxin Jiang\nShum, Heung-Yeung\nXiangyu Zhang, chief scientist\nNobody Atall\n');
    await page.click('#roster-show');
    await page.waitForSelector('#panel .roster-summary');
    await expect(page.locator('#panel .roster-summary').textContent()).resolves.toMatch(
      /^3 matched, 0 ambiguous, 1 unmatched · 3 members, 3 ties among them/,
    );
    await expect(page.locator('#panel .roster-unmatched').textContent()).resolves.toContain('Nobody Atall');
    const visible = await page.evaluate(() => (window as unknown as W).coauthorGraph.visibleNodes());
    expect(visible).toEqual(expect.arrayContaining(['jiang-daxin', 'shum-heungyeung', 'zhang-xiangyu']));
    expect(visible.length).toBeLessThan(325);
    await page.click('#roster-clear');
    expect(await page.evaluate(() => (window as unknown as W).coauthorGraph.visibleNodes().length)).toBe(325);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('focusing an author frames their collaborators on screen', async () => {
    const { page } = await openExplorer(h);
    await page.fill('#search', 'Hao Nie');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(900);
    const inside = await page.evaluate(() => {
      const w = (window as unknown as W).coauthorGraph;
      const box = document.querySelector('#graph')!.getBoundingClientRect();
      const around = [
        'nie-hao',
        ...(w.graph as unknown as { neighbors: (n: string) => string[] }).neighbors('nie-hao'),
      ];
      return around.every((n) => {
        const d = w.sigma.getNodeDisplayData(n)!;
        const p = w.sigma.graphToViewport(d);
        return p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height;
      });
    });
    expect(inside).toBe(true);
    await page.close();
  });
});
