// The explorer built from the current sources into a temporary folder, for tests that serve it like `serve` does.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { ROOT } from '../helpers';

export async function buildWeb(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'cg-web-'));
  await build({
    root: ROOT,
    configFile: `${ROOT}/vite.config.ts`,
    logLevel: 'warn',
    build: { outDir: out, emptyOutDir: true },
  });
  return out;
}
