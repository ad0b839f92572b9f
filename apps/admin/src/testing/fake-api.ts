import { TRPCClientError } from '@trpc/client';
import type { DomainErrorCode } from '@plenary/contracts/schemas';
import { domainMessageWords, isDomainMessageKey } from '@plenary/contracts/domain-messages';
import type { ApiClient } from '../api';

/**
 * Every procedure of the router as "domain.name", with the input the client sends
 * and the output it receives, read from the client's own types (which tRPC infers
 * from AppRouter): a handler that takes or returns the wrong shape fails to compile.
 */
type Domain = keyof ApiClient & string;
type ResolverOf<P> = P extends { query: infer F } ? F : P extends { mutate: infer F } ? F : never;
type At<Path extends string> = Path extends `${infer D extends Domain}.${infer N}`
  ? N extends keyof ApiClient[D]
    ? ResolverOf<ApiClient[D][N]>
    : never
  : never;
type InputAt<Path extends string> = At<Path> extends (input: infer I, ...rest: never[]) => unknown ? I : never;
type OutputAt<Path extends string> =
  At<Path> extends (...args: never[]) => PromiseLike<infer O> ? ([O] extends [never] ? void : O) : never;
/** A procedure's input and output, for typing fixtures in tests. */
export type InputOf<P extends ProcedurePath> = InputAt<P>;
export type OutputOf<P extends ProcedurePath> = OutputAt<P>;
export type ProcedurePath = { [D in Domain]: `${D}.${keyof ApiClient[D] & string}` }[Domain];

export type FakeHandlers = {
  [P in ProcedurePath]?: (input: InputAt<P>) => OutputAt<P> | Promise<OutputAt<P>>;
};

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
export function fakeApi(handlers: FakeHandlers): FakeApi {
  const calls: FakeApi['calls'] = [];
  const table = handlers as Record<string, ((input: unknown) => unknown) | undefined>;
  const node = (path: string[]): unknown =>
    new Proxy(() => undefined, {
      get(_target, key) {
        if (typeof key !== 'string') return undefined;
        if (key === 'query' || key === 'mutate') {
          const name = path.join('.');
          return async (input?: unknown) => {
            calls.push({ path: name, input });
            const handler = table[name];
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
  domainCode: DomainErrorCode | 'INTERNAL',
  message: string,
  extra: {
    fieldErrors?: Record<string, string[]>;
    retryAfterSeconds?: number;
    httpStatus?: number;
    /** The sentence's key and parameters, as the server's error formatter sends them. */
    messageKey?: string;
    messageParams?: Record<string, string | number>;
  } = {},
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
        messageKey: extra.messageKey ?? null,
        messageParams: extra.messageParams ?? {},
        messageWords: isDomainMessageKey(extra.messageKey)
          ? domainMessageWords(extra.messageKey, extra.messageParams)
          : null,
      },
    },
  });
}
