// The built explorer (dist/web) that `serve` needs: npm install builds it; a test run builds it when it is missing.
import { build } from 'vite';
import { webRoot } from '../../src/server/staticFiles';
import { ROOT } from '../helpers';

export async function ensureWebBuild(): Promise<void> {
  if (webRoot()) return;
  await build({ root: ROOT, configFile: `${ROOT}/vite.config.ts`, logLevel: 'warn' });
}
