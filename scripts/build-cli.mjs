// Bundles the command line into dist/cli.mjs (and its louvain worker) at install time (npm's "prepare"), so it starts in a fraction of tsx's time.
import { build } from 'esbuild';

/** Libraries that most runs never call are loaded on first use, not at start (see src/shims/). */
const lazyLibraries = {
  name: 'lazy-libraries',
  setup(b) {
    const shim = new URL('../src/shims/lazyBibtexParser.ts', import.meta.url).pathname;
    const filter = /^@retorquere\/bibtex-parser$/;
    b.onResolve({ filter }, (a) => (a.importer.includes('/shims/') ? undefined : { path: shim }));
  },
};

await build({
  // The workers are files of their own: one parses large files, one runs louvain beside the store writes.
  entryPoints: { cli: 'src/cli/main.ts', louvainWorker: 'src/cli/louvainWorker.ts', readWorker: 'src/cli/readWorker.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'es2022', // not 'node20': esbuild then rewrites every \p{…} regex literal into a RegExp built on each call
  packages: 'external',
  plugins: [lazyLibraries],
  sourcemap: true,
  logLevel: 'warning',
});
