import { defineConfig } from 'vitest/config';

// Browser specs: the real server (embedded database) and the built web app, driven by
// Playwright in Debian's Chromium. Run with `npm run test:e2e` (builds the web app first).
export default defineConfig({
  test: {
    name: 'e2e',
    root: './web/e2e',
    include: ['**/*.e2e.ts'],
    // Migrates and seeds one template database; each spec's server starts on a copy.
    globalSetup: ['./global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
