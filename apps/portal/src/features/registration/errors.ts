import { serverSentence, type ApiErrorInfo, type Locale } from '@plenary/ui';

type Translate = (key: string) => string;

const known = new Set([
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_INPUT',
  'INVALID_STATE',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'TOKEN_INVALID',
  'TOO_MANY_ATTEMPTS',
  'NETWORK',
]);

/**
 * One sentence for an API error in the person's language. For a conflict or a state
 * error the server's own words follow in brackets, since they name the clash (a full
 * category, an email already registered): worded from the key the server sends, in
 * the person's language; a sentence without a key only on an English page.
 */
export function describeApiError(t: Translate, info: ApiErrorInfo, locale: Locale): string {
  const sentence = t(`reg.errors.${known.has(info.code) ? info.code : 'INTERNAL'}`);
  const detail = info.code === 'CONFLICT' || info.code === 'INVALID_STATE' ? serverSentence(info, locale) : null;
  return detail ? `${sentence} (${detail})` : sentence;
}
