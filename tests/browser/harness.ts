// Starts the explorer with vite and drives Debian's Chromium through playwright-core (no browser download).
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { createServer } from 'vite';
import { ROOT } from '../helpers';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run',
];

export interface Harness { server: ViteDevServer; browser: Browser; url: string; close: () => Promise<void> }

export async function startHarness(): Promise<Harness> {
  const server = await createServer({
    root: ROOT,
    configFile: `${ROOT}/vite.config.ts`,
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', open: false },
  });
  await server.listen();
  const address = server.httpServer!.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    server,
    browser,
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Opens the explorer and waits until the first graph is drawn; collects console errors and page errors. */
export async function openExplorer(h: Harness, hash = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await h.browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(h.url + hash);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 90_000 });
  await page.waitForTimeout(300);
  return { page, errors };
}

/** Share of non-background pixels in a screenshot of the graph area, counted in the page from the PNG. */
export async function inkShare(page: Page): Promise<number> {
  const png = await page.locator('#graph').screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i]! < 235 || d[i + 1]! < 235 || d[i + 2]! < 235) ink++;
    return ink / (d.length / 4);
  }, png.toString('base64'));
}

type Handle = {
  graph: {
    order: number;
    size: number;
    getAttribute: (k: string) => unknown;
    getNodeAttribute: (n: string, k: string) => unknown;
    getNodeAttributes: (n: string) => Record<string, unknown>;
    nodes: () => string[];
  };
  sigma: {
    getNodeDisplayData: (
      n: string,
    ) => { x: number; y: number; size: number; color: string; hidden?: boolean } | undefined;
    graphToViewport: (p: { x: number; y: number }) => { x: number; y: number };
  };
  state: Record<string, unknown>;
  visibleNodes: () => string[];
};
export type ExplorerHandle = Handle;
