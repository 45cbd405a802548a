import os from 'node:os';
import { defineConfig } from 'vitest/config';

// One `vitest run` at the root runs the pure-logic tests of shared/ and the server's
// unit and integration tests. Integration tests use PGlite unless TEST_DATABASE_URL is set.
export default defineConfig({
  test: {
    // At least two files at a time, also on a two-core machine (vitest's default there is one):
    // a file spends much of its time waiting on the database or a child process. Measured on
    // this project's CI machine (2 cores), PostgreSQL run: 887 s with one, 396 s with two.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'shared',
          root: './shared',
          include: ['src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'web',
          root: './web',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
        },
      },
      {
        test: {
          name: 'server',
          root: './server',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          globalSetup: ['./test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
    ],
  },
});
