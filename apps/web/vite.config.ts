import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The built app goes to dist/ and is served by the API at `/` (hashed files
 * under /assets/ with a long cache). In development, `vite` proxies /api to a
 * running API (`npm start`).
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    reportCompressedSize: true,
    // dist/.vite/manifest.json: which chunks each page loads (scripts/web-bundle-size.ts).
    manifest: true,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
