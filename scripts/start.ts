// `npm start`: the explorer's dev server on the seeds, or with `-- --store FILE` on a store's group map (API mounted).

import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import type { Plugin } from 'vite';
import { openStore } from '../src/store/readStore';
import { storeApi } from '../src/server/serve';
import { explorerCachePath } from '../src/store/explorerCache';

const { values } = parseArgs({
  options: { store: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
});

async function storePlugin(file: string): Promise<Plugin> {
  const store = await openStore(file);
  const api = await storeApi(store, file, {
    onStage: (stage) => process.stderr.write(`preparing ${stage}…\n`),
    cache: { path: explorerCachePath(file), storePath: file },
    onCacheError: (message) => process.stderr.write(`${message}\n`),
  });
  return {
    name: 'coauthor-graph-store-api',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (!url.pathname.startsWith('/api/')) { next(); return; }
        void api(url).then((a) => {
          res.writeHead(a.status, {
            'content-type': 'application/json; charset=utf-8',
            'x-content-type-options': 'nosniff',
          });
          res.end(JSON.stringify(a.body));
        });
      });
    },
  };
}

try {
  const plugins = values.store ? [await storePlugin(values.store)] : [];
  const server = await createServer({
    plugins,
    server: { ...(values.port ? { port: Number(values.port) } : {}), ...(values.host ? { host: values.host } : {}) },
  });
  await server.listen();
  server.printUrls();
} catch (e) {
  process.stderr.write(`coauthor-graph: ${(e as Error).message}\n`);
  process.exit(1);
}
