import { appRouter } from '@plenary/contracts';
import type { OpenApiRouter } from 'trpc-to-openapi';

/**
 * The app router as trpc-to-openapi types it. Our Meta requires `access`, which
 * its generic meta record does not promise, so the types do not meet; the router
 * itself is the same object.
 */
export const openApiRouter = appRouter as unknown as OpenApiRouter;

/** Paths of the procedures served as POST: they create something, so they answer 201. */
export function postProcedurePaths(): Set<string> {
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { meta?: { openapi?: { method?: string } } } }
  >;
  return new Set(
    Object.entries(procedures)
      .filter(([, p]) => p._def.meta?.openapi?.method === 'POST')
      .map(([path]) => path),
  );
}
