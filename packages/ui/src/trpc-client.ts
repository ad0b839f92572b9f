import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@plenary/contracts';
import type { Locale } from '@plenary/contracts/localized';

let csrfToken: string | null = null;

/** The session's CSRF token, sent with every mutation (set from auth.me after sign-in). */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export interface ApiClientOptions {
  /**
   * Extra headers, read again for every request: the portal sends the emailed link's
   * secret (x-plenary-link) this way while a participant's or contact's page is open.
   */
  headers?: () => Record<string, string>;
}

/** One tRPC client per app, same origin, cookies included. */
export function createApiClient(baseUrl = '/trpc', options: ApiClientOptions = {}) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: baseUrl,
        headers: () => ({
          ...options.headers?.(),
          ...(csrfToken ? { 'x-plenary-csrf': csrfToken } : {}),
        }),
        fetch: (url, init) => fetch(url, { ...init, credentials: 'same-origin' }),
      }),
    ],
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;

export interface ApiErrorInfo {
  /** The domain code (INVALID_INPUT, CONFLICT, TOO_MANY_ATTEMPTS, ...). */
  code: string;
  message: string;
  fieldErrors: Record<string, string[]>;
  retryAfterSeconds?: number;
  httpStatus?: number;
  /** The key of the server's sentence (domain-messages.ts) and its parameters, when it has one. */
  messageKey?: string;
  messageParams?: Record<string, string | number>;
  /**
   * That sentence worded in each language by the server, so the browsers word errors
   * without carrying the catalogue of every module's sentences in their bundles.
   */
  messageWords?: Record<Locale, string>;
}

/** Under a field of a Korean page, for an error the server sent without a key. */
const checkField: Record<Locale, string> = { en: 'Check this field', ko: '이 항목을 확인하세요' };

/** What a form needs from any error the API returns. */
export function apiErrorInfo(err: unknown): ApiErrorInfo {
  if (err instanceof TRPCClientError) {
    const data = (err.data ?? {}) as {
      domainCode?: string;
      fieldErrors?: Record<string, string[]>;
      retryAfterSeconds?: number;
      httpStatus?: number;
      messageKey?: string | null;
      messageParams?: Record<string, string | number>;
      messageWords?: Record<Locale, string> | null;
    };
    return {
      code: data.domainCode ?? 'INTERNAL',
      message: err.message,
      fieldErrors: data.fieldErrors ?? {},
      ...(data.retryAfterSeconds !== undefined ? { retryAfterSeconds: data.retryAfterSeconds } : {}),
      ...(data.httpStatus !== undefined ? { httpStatus: data.httpStatus } : {}),
      ...(data.messageKey ? { messageKey: data.messageKey, messageParams: data.messageParams ?? {} } : {}),
      ...(data.messageWords ? { messageWords: data.messageWords } : {}),
    };
  }
  return { code: 'NETWORK', message: err instanceof Error ? err.message : String(err), fieldErrors: {} };
}

/**
 * The server's own sentence in the person's language: worded from its key
 * when it has one; the English text only for an English interface; otherwise
 * null (the caller shows its sentence for the code alone, never English in a
 * Korean page).
 */
export function serverSentence(info: ApiErrorInfo, locale: Locale): string | null {
  const worded = info.messageWords?.[locale];
  if (worded) return worded;
  return locale === 'en' && info.message ? info.message : null;
}

/**
 * The server's field messages in the person's language: each field of a keyed
 * error gets the error's own sentence; on a Korean page, a message sent
 * without a key becomes "check this field" rather than English.
 */
export function localizedFieldErrors(info: ApiErrorInfo, locale: Locale): Record<string, string[]> {
  const keyed = info.messageWords?.[locale] ?? null;
  if (!keyed && locale === 'en') return info.fieldErrors;
  const text = keyed ?? checkField[locale];
  return Object.fromEntries(Object.keys(info.fieldErrors).map((field) => [field, [text]]));
}
