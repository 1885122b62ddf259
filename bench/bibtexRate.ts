// BibTeX parse rate on the real DBLP file: uncompressed bytes → decoded text → records (gunzip not counted), best of three runs.

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'fflate';
import { parseBytes } from '../src/sources/parseSource';

const raw = gunzipSync(readFileSync(process.argv[2]!));
let best = Infinity;
let records = 0;
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  records = parseBytes('dblp.bib', raw).records.length;
  best = Math.min(best, (performance.now() - t) / 1000);
}
process.stdout.write(JSON.stringify({ mb: raw.length / 1e6, seconds: best, records, mbPerSecond: raw.length / 1e6 / best }) + '\n');
