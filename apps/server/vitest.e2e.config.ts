import { defineConfig } from 'vitest/config';

// Browser tests: the production build in headless Chromium. One file at a time
// (each starts its own server and browser; the machine has 2 cores).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
