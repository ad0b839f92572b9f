import { config } from 'zod/v4/core';

/**
 * For the browsers: zod compiles object parsers with `new Function` when it can, and
 * finds out by trying once. The apps' Content-Security-Policy has no 'unsafe-eval', so
 * that probe is refused and Chromium records a CSP issue on every page that parses
 * (Lighthouse best practices 96 on the registration form). Parse without compiling;
 * call before the first parse. Imports no schema, so it costs the first page ~0.2 KB.
 */
export function parseWithoutEval(): void {
  config({ jitless: true });
}
