import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';
import {
  domainMessage,
  isDomainMessageKey,
  type DomainMessage,
  type DomainMessageKey,
  type DomainMessageParams,
} from './domain-messages';

/**
 * The one set of domain error codes. Services throw DomainError; the tRPC error
 * formatter and the HTTP layer map each code once to a status.
 */
export const domainErrorStatus = {
  UNAUTHENTICATED: 401,
  SECOND_FACTOR_REQUIRED: 401,
  FORBIDDEN: 403,
  TWO_FACTOR_ENROLMENT_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_INPUT: 400,
  INVALID_STATE: 409,
  INVALID_CREDENTIALS: 401,
  TOKEN_INVALID: 400,
  TOO_MANY_ATTEMPTS: 429,
  PAYLOAD_TOO_LARGE: 413,
} as const;

export type DomainErrorCode = keyof typeof domainErrorStatus;

export const trpcCodeFor: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  UNAUTHENTICATED: 'UNAUTHORIZED',
  SECOND_FACTOR_REQUIRED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  TWO_FACTOR_ENROLMENT_REQUIRED: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INVALID_INPUT: 'BAD_REQUEST',
  INVALID_STATE: 'CONFLICT',
  INVALID_CREDENTIALS: 'UNAUTHORIZED',
  TOKEN_INVALID: 'BAD_REQUEST',
  TOO_MANY_ATTEMPTS: 'TOO_MANY_REQUESTS',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
};

/**
 * A service's refusal. The message is always a key of domain-messages.ts with
 * its parameters, worded in the person's language by the clients and in English
 * for the API (the type takes no bare text, so no English-only sentence can
 * reach a Korean screen; domain-messages.test.ts holds the same line in a test).
 */
export class DomainError extends Error {
  /** The key of the sentence in domain-messages.ts. */
  readonly messageKey: DomainMessageKey;
  readonly messageParams: DomainMessageParams;

  constructor(
    readonly code: DomainErrorCode,
    message: DomainMessage,
    /** Field path (dotted) -> messages, for errors that belong to an input field. */
    readonly fieldErrors: Record<string, string[]> = {},
    /** Seconds until a throttled caller may try again. */
    readonly retryAfterSeconds?: number,
  ) {
    // Text cast past the type would reach a Korean screen in English: refuse it here too.
    if (!isDomainMessageKey((message as Partial<DomainMessage> | null)?.key))
      throw new TypeError(`A DomainError needs a key of domain-messages.ts, not ${JSON.stringify(message)}`);
    super(domainMessage(message.key, message.params, 'en'));
    this.name = 'DomainError';
    this.messageKey = message.key;
    this.messageParams = message.params ?? {};
  }
}

export function isDomainError(err: unknown): err is DomainError {
  return err instanceof DomainError;
}
