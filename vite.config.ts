// Vite serves the explorer (index.html) and bundles its pipeline worker as an ES module.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  worker: { format: 'es' },
  // sax reaches for node:stream only for its Node streaming API; the browser gets an empty class instead of a warning.
  resolve: { alias: { stream: fileURLToPath(new URL('./src/shims/stream.ts', import.meta.url)) } },
  // Pre-bundled up front: otherwise vite finds the worker's dependencies on first load and reloads the page.
  optimizeDeps: {
    include: ['graphology', 'sigma', 'minisearch', 'papaparse', 'iwanthue', 'fflate', 'sax', '@retorquere/bibtex-parser', 'graphology-communities-louvain', 'graphology-indices/louvain.js', 'graphology-layout-forceatlas2', 'graphology-layout-forceatlas2/worker', 'graphology-layout-noverlap', '@sigma/export-image', 'graphology-gexf/browser/writer.js'],
  },
  server: { open: !process.env.CI && !process.env.NO_OPEN },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, outDir: 'dist/web' },
});
