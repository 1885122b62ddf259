// `serve STORE`: the explorer and its JSON API over a store, on localhost unless told otherwise.

import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { createAtlas } from '../atlas/atlas';
import type { Store } from '../store/readStore';
import { metaValue, storeReport } from '../store/readStore';
import { createApi } from './api';
import { staticFile, webRoot } from './staticFiles';
import { storeAtlasData } from './storeAtlas';

export interface ServeOptions {
  port: number; host: string; onStage?: (stage: string) => void;
  /** The built explorer's folder (default: dist/web of this installation). */
  web?: string;
}

/** The API over an open store (also mounted by the dev server, `npm start -- --store FILE`). */
export async function storeApi(store: Store, name: string, onStage?: (stage: string) => void) {
  const report = await storeReport(store);
  const data = await storeAtlasData(store, onStage);
  const resolution = Number(await metaValue(store, 'resolution') ?? 1); const seed = Number(await metaValue(store, 'seed') ?? 42);
  const groups = (await data.groups()).length;
  const atlas = createAtlas(data, { resolution, seed });
  onStage?.('group map');
  await atlas.level({ kind: 'map' });
  const info = { store: name, authors: report.authors, papers: report.papers, ties: report.edges, groups };
  return createApi({ atlas, report, info });
}

export async function serveStore(store: Store, name: string, options: ServeOptions): Promise<Server> {
  const root = options.web ?? webRoot();
  if (!root) throw new Error('the explorer is not built (dist/web is missing): run npm run build, or npm start -- --store FILE');
  const api = await storeApi(store, name, options.onStage);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') { send(405, 'application/json', '{"error":"read-only: GET only"}'); return; }
    if (url.pathname.startsWith('/api/')) {
      void api(url).then((a) => send(a.status, 'application/json; charset=utf-8', JSON.stringify(a.body)));
      return;
    }
    const file = staticFile(root, url.pathname);
    if (file) send(200, file.type, file.body); else send(404, 'text/plain; charset=utf-8', 'not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return server;
}
