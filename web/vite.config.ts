import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by the Concord server from web/dist; in development Vite proxies the API.
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
