import { randomUUID } from 'node:crypto';
import compression from 'compression';
import express, { type ErrorRequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { limitTrpcInputDepth } from './http/trpc-input-depth';
import { appRouter, type Services } from '@plenary/contracts';
import type { Runtime } from './core/runtime';
import { appDir, appDistDir } from './core/paths';
import { createContext } from './http/context';
import { healthRoutes } from './http/health';
import { portalPages } from './http/portal-ssr';
import { securityHeaders } from './http/security-headers';
import { spaRoutes } from './http/static-apps';
import { apiDocs, restApi } from './http/rest';
import { partnerTrpcIdempotency } from './http/rest/idempotency';
import { redactUrl } from './http/redact-url';
import { fileRoutes } from './modules/files/files.http';
import { fileRegistry } from './modules/files/owners';

export interface AppOptions {
  runtime: Runtime;
  services: Services;
  /** Express's `trust proxy`: false, a hop count or the proxies' addresses (never every hop). */
  trustProxy: false | number | string[];
  /** Strict-Transport-Security max-age on https requests; 0 sends none. */
  hstsMaxAge?: number;
  serveApps: boolean;
  isShuttingDown?: () => boolean;
}

/** Largest request body accepted by the API (413 above it). */
export const MAX_BODY_BYTES = 1_000_000;

/**
 * What every request passes before it reaches a route: a request id and its
 * log line, and the security headers (CSP and the rest). The benchmark's
 * framework floor uses it too, so it pays what the real server pays.
 */
export function useHostMiddleware(
  app: express.Express,
  runtime: Pick<Runtime, 'logger'>,
  hstsMaxAge = DEFAULT_HSTS_MAX_AGE,
): void {
  app.use(
    pinoHttp({
      logger: runtime.logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w-]{1,100}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
      serializers: {
        req: (req: { id: unknown; method: unknown; url: unknown }) => ({
          id: req.id,
          method: req.method,
          url: typeof req.url === 'string' ? redactUrl(req.url) : req.url,
        }),
        res: (res: { statusCode: unknown }) => ({ statusCode: res.statusCode }),
      },
    }),
  );

  app.use(securityHeaders());
  if (hstsMaxAge > 0)
    app.use((req, res, next) => {
      // req.secure believes X-Forwarded-Proto only from the proxies TRUST_PROXY names.
      if (req.secure) res.setHeader('Strict-Transport-Security', `max-age=${hstsMaxAge}`);
      next();
    });
}

/** 180 days, the floor most HSTS guidance gives. */
export const DEFAULT_HSTS_MAX_AGE = 15_552_000;

/** The Express host: middleware, health, tRPC, the built apps. It knows no domain. */
export function createApp(options: AppOptions) {
  const { runtime, services } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy);

  useHostMiddleware(app, runtime, options.hstsMaxAge);
  // API answers and rendered pages above 1 KB go out compressed (brotli at quality 4, a
  // cheap level for per-request work). Built assets arrive here already compressed (they
  // carry Content-Encoding, which this middleware leaves alone). Nothing here streams.
  app.use(compression({ threshold: 1024 }));

  app.use(healthRoutes(runtime.database, options.isShuttingDown ?? (() => false)));

  // The partner procedures answer over tRPC too (/trpc/api.*): Idempotency-Key holds there as
  // on /api/v1. Their rate limits are declared on the procedures, so both paths share them.
  app.use('/trpc', limitTrpcInputDepth(MAX_BODY_BYTES));
  app.use('/trpc', partnerTrpcIdempotency(runtime, services, MAX_BODY_BYTES));
  app.use(
    '/trpc',
    createExpressMiddleware({
      router: appRouter,
      createContext: ({ req, res }) => createContext(runtime, services, req, res),
      maxBodySize: MAX_BODY_BYTES,
      responseMeta: ({ errors }) => {
        const waits = errors
          .map((e) => (e.cause as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds)
          .filter((s): s is number => typeof s === 'number');
        return waits.length > 0 ? { headers: { 'Retry-After': String(Math.max(...waits)) } } : {};
      },
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          runtime.logger.error({ err: error.cause ?? error, path }, 'procedure failed');
      },
    }),
  );

  // The partner REST API (same procedures, OpenAPI routes) and its reference page.
  app.use(
    '/api/v1',
    restApi({
      runtime,
      services,
      maxBodyBytes: MAX_BODY_BYTES,
    }),
  );
  app.use('/api/docs', apiDocs());

  // Uploaded files: streamed in with a limit per use, opened by those their owner's check admits.
  app.use('/files', fileRoutes(runtime, services, fileRegistry(runtime)));

  if (options.serveApps) {
    const admin = spaRoutes('/admin', appDistDir('admin'));
    const portal = spaRoutes('/', appDistDir('portal'), portalPages(runtime, services, appDir('portal')));
    if (admin) app.use(admin);
    if (portal) app.use(portal);
  }

  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No such page' } });
  });

  const onError: ErrorRequestHandler = (err: { status?: number; type?: string }, req, res, _next) => {
    const status = typeof err.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) req.log.error({ err }, 'request failed');
    res.status(status).json({
      error: {
        code: status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 500 ? 'INTERNAL' : 'INVALID_INPUT',
        message:
          status === 500
            ? 'Something went wrong on our side; it has been logged.'
            : String(err.type ?? 'Bad request'),
      },
    });
  };
  app.use(onError);
  return app;
}
