import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';

/**
 * Serves a built Vue app under a base path with history fallback: any path that
 * is not a file gets index.html, so deep links work. Hashed assets are cached for
 * a year; index.html is never cached, so a deploy is picked up at once.
 */
export function spaRoutes(base: string, distDir: string): Router | null {
  if (!existsSync(join(distDir, 'index.html'))) return null;
  const router = Router();
  // Source maps would hand anyone the console's source and comments: never
  // served, even when a build leaves them beside the bundles (the 404 comes next).
  router.use(base, (req, _res, next) => {
    if (req.path.endsWith('.map')) return next('router');
    next();
  });
  router.use(
    base,
    express.static(distDir, {
      index: false,
      setHeaders: (res, path) => {
        if (path.includes(`${join(distDir, 'assets')}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  const fallback = base === '/' ? '/{*splat}' : `${base}{/*splat}`;
  router.get(fallback, (req, res, next) => {
    if (req.path.startsWith('/trpc') || req.path.startsWith('/api/')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(distDir, 'index.html'));
  });
  return router;
}
