// Worker threads ship as files of their own beside the installed command's bundle (dist/); sources run through tsx
// have none, and their callers do the work on this thread instead (same results).
import { existsSync } from 'node:fs';

/** The bundled worker file `name` (e.g. 'readWorker.mjs'), or undefined when running from the sources. */
export function bundledWorker(name: string): URL | undefined {
  const url = new URL(`./${name}`, import.meta.url);
  return import.meta.url.endsWith('.mjs') && existsSync(url) ? url : undefined;
}
