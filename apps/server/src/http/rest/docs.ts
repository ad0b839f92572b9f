import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Router } from 'express';

const require = createRequire(import.meta.url);
const swaggerDir = dirname(require.resolve('swagger-ui-dist/package.json'));
/** The swagger-ui files the page loads; nothing else of the package is served. */
const assets = new Set([
  'swagger-ui.css',
  'swagger-ui-bundle.js',
  'swagger-ui-standalone-preset.js',
  'favicon-32x32.png',
]);

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Plenary partner API</title>
    <link rel="stylesheet" href="/api/docs/swagger-ui.css" />
    <link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/api/docs/swagger-ui-bundle.js"></script>
    <script src="/api/docs/init.js"></script>
  </body>
</html>
`;

// A served file, not an inline script: the Content-Security-Policy allows scripts from 'self' only.
const init = `window.ui = SwaggerUIBundle({
  url: '/api/v1/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  // BaseLayout: no top bar for loading other documents, only ours.
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});
`;

/** The interactive API reference at /api/docs, from swagger-ui-dist in node_modules (no CDN). */
export function apiDocs(): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.type('html').send(page);
  });
  router.get('/init.js', (_req, res) => {
    res.type('application/javascript').send(init);
  });
  router.get('/:file', (req, res, next) => {
    if (!assets.has(req.params.file)) return next();
    // dotfiles: pnpm keeps packages under node_modules/.pnpm.
    res.sendFile(join(swaggerDir, req.params.file), { maxAge: '1d', dotfiles: 'allow' });
  });
  return router;
}
