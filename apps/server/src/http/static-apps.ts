import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import expressStaticGzip from 'express-static-gzip';
import { Router, type Request, type Response } from 'express';

/** Renders a page of the app on the server; null when it serves the plain shell for that path. */
export type PageHandler = (req: Request, res: Response, shell: string) => Promise<boolean>;

/**
 * Serves a built Vue app under a base path with history fallback: any path that
 * is not a file gets index.html (or the server-rendered page), so deep links work.
 * The build writes a .br and a .gz beside each asset; the one the browser accepts is
 * sent as is, with Content-Encoding and Vary, so nothing is compressed per request.
 * Hashed assets are cached for a year; pages are never cached, so a deploy is picked
 * up at once.
 */
export function spaRoutes(base: string, distDir: string, renderPage?: PageHandler): Router | null {
  const indexFile = join(distDir, 'index.html');
  if (!existsSync(indexFile)) return null;
  const shell = readFileSync(indexFile, 'utf8');
  const assetsDir = `${join(distDir, 'assets')}${sep}`;
  const router = Router();
  // Source maps would hand anyone the console's source and comments: never
  // served, even when a build leaves them beside the bundles (the 404 comes next).
  router.use(base, (req, _res, next) => {
    if (req.path.endsWith('.map')) return next('router');
    next();
  });
  router.use(
    base,
    expressStaticGzip(distDir, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: {
        index: false,
        setHeaders: (res, path) => {
          if (path.startsWith(assetsDir)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        },
      },
    }),
  );
  const fallback = base === '/' ? '/{*splat}' : `${base}{/*splat}`;
  router.get(fallback, async (req, res, next) => {
    if (req.path.startsWith('/trpc') || req.path.startsWith('/api/')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    try {
      if (renderPage && (await renderPage(req, res, shell))) return;
    } catch (err) {
      // A page that cannot render on the server still works as the browser-rendered app.
      req.log.error({ err }, 'server rendering failed');
    }
    res.type('html').send(shell);
  });
  return router;
}
