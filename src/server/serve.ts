// `serve STORE`: the explorer and its JSON API over a store, on localhost unless told otherwise.

import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { createAtlas } from '../atlas/atlas';
import type { Store } from '../store/readStore';
import { metaValue, storeReport } from '../store/readStore';
import type { ApiAnswer } from './api';
import { createApi } from './api';
import { staticFile, webRoot } from './staticFiles';
import type { StoreAtlasOptions } from './storeAtlas';
import { storeAtlasData } from './storeAtlas';

export interface ServeOptions extends StoreAtlasOptions {
  port: number; host: string;
  /** The built explorer's folder (default: dist/web of this installation). */
  web?: string;
}

/** The API over an open store (also mounted by the dev server, `npm start -- --store FILE`). */
export async function storeApi(store: Store, name: string, options: StoreAtlasOptions = {}) {
  const { onStage } = options;
  const report = await storeReport(store);
  const data = await storeAtlasData(store, options);
  const resolution = Number(await metaValue(store, 'resolution') ?? 1);
  const seed = Number(await metaValue(store, 'seed') ?? 42);
  const groups = (await data.groups()).length;
  const atlas = createAtlas(data, { resolution, seed });
  onStage?.('group map');
  await atlas.level({ kind: 'map' });
  const info = { store: name, authors: report.authors, papers: report.papers, ties: report.edges, groups };
  return createApi({ atlas, report, info });
}

/**
 * Listens first (a port in use is reported at once), then prepares the store: until it is ready the API answers 503,
 * which the page waits out.
 */
export async function serveStore(store: Store, name: string, options: ServeOptions): Promise<Server> {
  const root = options.web ?? webRoot();
  if (!root) {
    throw new Error('the explorer is not built (dist/web is missing): run npm run build, or npm start -- --store FILE');
  }

  let api: ((url: URL) => Promise<ApiAnswer>) | undefined;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const json = 'application/json; charset=utf-8';
    if (req.method !== 'GET' && req.method !== 'HEAD') { send(405, json, '{"error":"read-only: GET only"}'); return; }
    if (url.pathname.startsWith('/api/')) {
      if (!api) { send(503, json, JSON.stringify({ error: PREPARING })); return; }
      void api(url).then((a) => send(a.status, json, JSON.stringify(a.body)));
      return;
    }
    const file = staticFile(root, url.pathname);
    if (file) send(200, file.type, file.body); else send(404, 'text/plain; charset=utf-8', 'not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  try { api = await storeApi(store, name, options); }
  catch (e) { server.close(); throw e; }
  return server;
}

export const PREPARING = 'the store is being prepared (look-up tables, group map): try again in a few seconds';
