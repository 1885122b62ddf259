// Vite serves the explorer (index.html) and bundles its pipeline worker as an ES module.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  worker: { format: 'es' },
  // sax reaches for node:stream only for its Node streaming API; the browser gets an empty class instead of a warning.
  resolve: { alias: { stream: fileURLToPath(new URL('./src/shims/stream.ts', import.meta.url)) } },
  server: { open: !process.env.CI && !process.env.NO_OPEN },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, outDir: 'dist/web' },
});
