import express, { Router } from 'express';
import type { Services } from '@plenary/contracts';
import { createOpenApiExpressMiddleware } from 'trpc-to-openapi';
import type { Runtime } from '../../core/runtime';
import { createContext } from '../context';
import { limitJsonDepth, MAX_JSON_DEPTH } from '../json-depth';
import { reshapeErrorBodies, restErrorHandler, sendApiError } from './errors';
import { idempotency } from './idempotency';
import { partnerApiDocument } from './openapi-document';
import { openApiRouter, postProcedurePaths } from './openapi-router';

export { apiDocs } from './docs';

export interface RestApiOptions {
  runtime: Runtime;
  services: Services;
  maxBodyBytes: number;
}

/**
 * The partner REST API, mounted at /api/v1: the procedures with OpenAPI meta,
 * behind a body limit and Idempotency-Key handling. The per-key rate limit is
 * declared on the procedures (rateLimits.partner), so /trpc/api.* has it too.
 */
export function restApi(options: RestApiOptions): Router {
  const { runtime, services } = options;
  const document = partnerApiDocument();
  const createdOnSuccess = postProcedurePaths();
  const router = Router();

  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.use(express.json({ limit: options.maxBodyBytes }));
  router.use(
    limitJsonDepth((res) =>
      sendApiError(res, 400, 'INVALID_INPUT', `The request body nests deeper than ${MAX_JSON_DEPTH} levels`),
    ),
  );
  router.use(idempotency(runtime, services));

  const handler = createOpenApiExpressMiddleware({
    router: openApiRouter,
    createContext: ({ req, res }) => createContext(runtime, services, req, res),
    maxBodySize: options.maxBodyBytes,
    responseMeta: ({ paths, errors }) => {
      const error = errors[0];
      if (!error) return paths?.every((p) => createdOnSuccess.has(p)) ? { status: 201 } : {};
      const retryAfter = (error.cause as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      return typeof retryAfter === 'number' ? { headers: { 'Retry-After': String(retryAfter) } } : {};
    },
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        runtime.logger.error({ err: error.cause ?? error, path }, 'api procedure failed');
    },
  });
  router.use((req, res) => {
    reshapeErrorBodies(res);
    return handler(req, res);
  });
  router.use(restErrorHandler);
  return router;
}
