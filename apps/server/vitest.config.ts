import { defineConfig } from 'vitest/config';
// A relative import: the config bundler would leave a workspace package external, and Node cannot load .ts.
import { databaseProjects } from '../../packages/db/src/testing/projects.ts';

// Every test file runs on PGlite and, when a server answers, on PostgreSQL, each
// file on a database of its own so files run in parallel.
export default defineConfig({
  test: {
    projects: databaseProjects({ include: ['src/**/*.test.ts'], testTimeout: 60_000 }),
    pool: 'forks',
    maxWorkers: 2,
  },
});
