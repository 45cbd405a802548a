import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server (Fastify) listens on :3000 in development; the web app calls it same-origin
// through this proxy so the session cookie and CSRF header behave as in production.
const API_TARGET = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: false },
      '/metrics': { target: API_TARGET, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});
