// Vite serves the explorer (index.html) and bundles its pipeline worker as an ES module.
import { defineConfig } from 'vite';

export default defineConfig({
  worker: { format: 'es' },
  server: { open: !process.env.CI && !process.env.NO_OPEN },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
});
