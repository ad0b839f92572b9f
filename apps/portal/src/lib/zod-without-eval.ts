declare global {
  // zod 4 keeps its settings on this global (zod/v4/core/core.js) and adopts an object
  // already there, so that every copy of zod in a page shares them.
  var __zod_globalConfig: { jitless?: boolean } | undefined;
}

/**
 * zod compiles object parsers with `new Function` when it can, and finds out by trying
 * once, when the first object schema is built. The portal's Content-Security-Policy has
 * no 'unsafe-eval', so that probe is refused and Chromium records a CSP issue (Lighthouse
 * best practices 96 on the registration form). Set before any schema module loads (the
 * schemas come in lazy chunks), and without importing zod, which the first page must not
 * carry: z.config({ jitless: true }) would bring it.
 */
export function parseWithoutEval(): void {
  (globalThis.__zod_globalConfig ??= {}).jitless = true;
}
