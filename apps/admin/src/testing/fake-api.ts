import { TRPCClientError } from '@trpc/client';
import type { ApiClient } from '../api';

type Handler = (input: unknown) => unknown;

export interface FakeApi {
  client: ApiClient;
  /** Every call made, in order: procedure path ("auth.login") and input. */
  calls: { path: string; input: unknown }[];
}

/**
 * A stand-in for the tRPC client: `client.auth.login.mutate(input)` calls
 * `handlers['auth.login'](input)`. A procedure without a handler rejects, so a
 * test notices calls it did not expect.
 */
export function fakeApi(handlers: Record<string, Handler>): FakeApi {
  const calls: FakeApi['calls'] = [];
  const node = (path: string[]): unknown =>
    new Proxy(() => undefined, {
      get(_target, key) {
        if (typeof key !== 'string') return undefined;
        if (key === 'query' || key === 'mutate') {
          const name = path.join('.');
          return async (input?: unknown) => {
            calls.push({ path: name, input });
            const handler = handlers[name];
            if (!handler) throw new Error(`fake api: no handler for ${name}`);
            return handler(input);
          };
        }
        return node([...path, key]);
      },
    });
  // The proxy answers every path the real client has; the cast is the one place that says so.
  return { client: node([]) as ApiClient, calls };
}

/** An error as the server's error formatter shapes it (see contracts/src/trpc.ts). */
export function apiError(
  domainCode: string,
  message: string,
  extra: { fieldErrors?: Record<string, string[]>; retryAfterSeconds?: number; httpStatus?: number } = {},
) {
  return TRPCClientError.from({
    error: {
      code: -32600,
      message,
      data: {
        domainCode,
        fieldErrors: extra.fieldErrors ?? {},
        retryAfterSeconds: extra.retryAfterSeconds,
        httpStatus: extra.httpStatus,
      },
    },
  });
}
