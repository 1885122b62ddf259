// Bundles the command line into dist/cli.mjs (and its workers) at install time (npm's "prepare"): it starts in a
// fraction of tsx's time.
import { build } from 'esbuild';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Libraries that most runs never call are loaded on first use, not at start (see src/shims/). */
const lazyLibraries = {
  name: 'lazy-libraries',
  setup(b) {
    const shim = new URL('../src/shims/lazyBibtexParser.ts', import.meta.url).pathname;
    const filter = /^@retorquere\/bibtex-parser$/;
    b.onResolve({ filter }, (a) => (a.importer.includes('/shims/') ? undefined : { path: shim }));
  },
};

/**
 * DuckDB's JavaScript API goes into the bundle: Node loads its 120 CommonJS files into an ES module in about 0.25 s,
 * on every store command; bundled, they load with the rest. Its native binding stays a package of its own.
 */
const bundledDuckdbApi = {
  name: 'bundled-duckdb-api',
  setup(b) {
    b.onResolve({ filter: /^@duckdb\/node-api$/ }, () => ({ path: require.resolve('@duckdb/node-api') }));
  },
};

const REQUIRE_BANNER =
  "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);";

await build({
  // The workers are files of their own: one parses large files, one runs louvain beside the store writes, one reads
  // the titles' terms for the group words while the corpus is resolved, one scores names for suggestions, one finds
  // the ties of a corpus whose tables take longer to write than its groups to find, one counts half a graph file's
  // betweenness.
  entryPoints: {
    cli: 'src/cli/main.ts', louvainWorker: 'src/cli/louvainWorker.ts', readWorker: 'src/cli/readWorker.ts',
    termsWorker: 'src/cli/termsWorker.ts', namesWorker: 'src/cli/namesWorker.ts', tiesWorker: 'src/cli/tiesWorker.ts',
    brokersWorker: 'src/cli/brokersWorker.ts',
  },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'es2022', // not 'node20': esbuild then rewrites every \p{…} regex literal into a RegExp built on each call
  packages: 'external',
  plugins: [lazyLibraries, bundledDuckdbApi],
  // The bundled CommonJS files require their binding: ES modules have no require of their own.
  banner: { js: REQUIRE_BANNER },
  sourcemap: true,
  logLevel: 'warning',
});
