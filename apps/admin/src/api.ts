import { createApiClient, type ApiClient } from '@plenary/ui';

/**
 * The one tRPC client the stores use. Tests hand the stores a fake through
 * setApi instead of mocking this module.
 */
let client: ApiClient | null = null;

export function setApi(next: ApiClient | null): void {
  client = next;
}

export function api(): ApiClient {
  client ??= createApiClient('/trpc');
  return client;
}

export type { ApiClient };

/** What a query or mutation resolves to, as the client sees it (after JSON transport). */
export type ApiOutput<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;
