// Regenerates the README screenshots (docs/*.png) with Debian's Chromium: node scripts/screenshots.mjs
import { createServer } from 'vite';
import { chromium } from 'playwright-core';

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run',
];
const server = await createServer({
  configFile: 'vite.config.ts',
  logLevel: 'error',
  server: { port: 0, host: '127.0.0.1' },
});
await server.listen();
const { port } = server.httpServer.address();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });

async function shot(hash, file, act = async () => {}) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/${hash}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
  await act(page);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `docs/${file}` });
  await page.close();
  console.log(`docs/${file}`);
}

await shot('', 'explorer.png');
await shot('#author=jiang-daxin', 'author-panel.png');
await shot('#author=huang-haoyang&path=zhang-zhen', 'path.png', (p) => p.waitForSelector('#panel .path-distance'));
await shot('#group=4&color=year', 'group.png', (p) => p.waitForSelector('#panel .year-chart'));
await shot('', 'roster.png', async (p) => {
  await p.click('#roster-open');
  await p.fill(
    '#roster-text',
    'Daxin Jiang\nShum, Heung-Yeung\nXiangyu Zhang, chief scientist\nHanshan Zhang\nYu Zhou\nNobody Atall\n',
  );
  await p.click('#roster-show');
  await p.waitForSelector('#panel .roster-summary');
});
// The group map of the 74k-record DBLP file, then one group drilled down to its members.
const dblp = '../shared/data/dblp-2016-18-venues.bib.gz';
{
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
  const viewShown = async (act) => {
    const before = await page.evaluate(() => window.coauthorGraph.timings.level ?? 0);
    await act();
    await page.waitForFunction((t) => (window.coauthorGraph.timings.level ?? 0) > t, before, { timeout: 120_000 });
    await page.waitForTimeout(1500);
  };
  await viewShown(() => page.setInputFiles('#file-input', dblp));
  await page.screenshot({ path: 'docs/group-map.png' });
  console.log('docs/group-map.png');
  // Jiawei Han's group (too big to draw whole: its sub-groups), then his sub-group with his panel open.
  const group = await page.evaluate(() =>
    window.coauthorGraph.graph.findNode((n, a) => a.label.startsWith('Jiawei Han')),
  );
  await viewShown(() => page.evaluate((k) => window.coauthorGraph.sigma.emit('clickNode', { node: k }), group));
  const sub = await page.evaluate(() => window.coauthorGraph.graph.findNode((n, a) => a.label === 'Jiawei Han'));
  await viewShown(() => page.evaluate((k) => window.coauthorGraph.sigma.emit('clickNode', { node: k }), sub));
  await page.evaluate(() => window.coauthorGraph.sigma.emit('clickNode', { node: 'han-jiawei' }));
  await page.waitForTimeout(1500);
  await page.screenshot({ path: 'docs/drill-down.png' });
  console.log('docs/drill-down.png');
  await page.close();
}
await browser.close();
await server.close();
