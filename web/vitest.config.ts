import { defineConfig } from 'vitest/config';

// Pure-logic tests of the web app (formatting, tree building, form-schema mapping).
// Run with `npx vitest run` inside web/; the root vitest.config.ts can add this as a project.
export default defineConfig({
  test: {
    name: 'web',
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
