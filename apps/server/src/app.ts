import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { appRouter, type Services } from '@plenary/contracts';
import type { Runtime } from './core/runtime';
import { appDistDir } from './core/paths';
import { createContext } from './http/context';
import { healthRoutes } from './http/health';
import { securityHeaders } from './http/security-headers';
import { spaRoutes } from './http/static-apps';
import { API_REQUESTS_PER_MINUTE, apiDocs, restApi } from './http/rest';

export interface AppOptions {
  runtime: Runtime;
  services: Services;
  trustProxy: boolean;
  serveApps: boolean;
  isShuttingDown?: () => boolean;
  /** Requests per minute per partner API key (default API_REQUESTS_PER_MINUTE). */
  apiRequestsPerMinute?: number;
}

/** Largest request body accepted by the API (413 above it). */
export const MAX_BODY_BYTES = 1_000_000;

/**
 * What every request passes before it reaches a route: a request id and its
 * log line, and the security headers (CSP and the rest). The benchmark's
 * framework floor uses it too, so it pays what the real server pays.
 */
export function useHostMiddleware(app: express.Express, runtime: Pick<Runtime, 'logger'>): void {
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
          url: req.url,
        }),
        res: (res: { statusCode: unknown }) => ({ statusCode: res.statusCode }),
      },
    }),
  );

  app.use(securityHeaders());
}

/** The Express host: middleware, health, tRPC, the built apps. It knows no domain. */
export function createApp(options: AppOptions) {
  const { runtime, services } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy);

  useHostMiddleware(app, runtime);

  app.use(healthRoutes(runtime.database, options.isShuttingDown ?? (() => false)));

  app.use(
    '/trpc',
    createExpressMiddleware({
      router: appRouter,
      createContext: ({ req, res }) => createContext(runtime, services, req, res),
      maxBodySize: MAX_BODY_BYTES,
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
      requestsPerMinute: options.apiRequestsPerMinute ?? API_REQUESTS_PER_MINUTE,
    }),
  );
  app.use('/api/docs', apiDocs());

  if (options.serveApps) {
    const admin = spaRoutes('/admin', appDistDir('admin'));
    const portal = spaRoutes('/', appDistDir('portal'));
    if (admin) app.use(admin);
    if (portal) app.use(portal);
  }

  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No such page' } });
  });

  const onError: ErrorRequestHandler = (err: { status?: number; type?: string }, req, res, _next) => {
    const status = typeof err.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) req.log.error({ err }, 'request failed');
    res
      .status(status)
      .json({
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
