// Vite config for the web UI: React, the dev proxy to the API, and the production build into dist/.
import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

// The API server serves dist/ in production; in development the UI and the API are separate processes.
const api: ProxyOptions = { target: process.env.SWITCHYARD_API_URL ?? 'http://127.0.0.1:3000' };
const proxy = { '/api': api, '/hooks': api, '/healthz': api };

export default defineConfig({
  plugins: [react()],
  server: { proxy },
  preview: { proxy },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
});
