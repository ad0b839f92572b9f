import { defineConfig } from 'vitest/config';

// Browser tests: the production build in headless Chromium. One file at a time
// (each starts its own server and browser; the machine has 2 cores).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    // A page's first visit loads dozens of chunks; on a busy 2-core machine that takes
    // longer than expect.poll's default second, so a slow page read as a broken one.
    expect: { poll: { timeout: 15_000 } },
  },
});
