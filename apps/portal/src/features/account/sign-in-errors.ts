import type { ApiErrorInfo } from '@plenary/ui';

/**
 * The sign-in page's words for what the server answered, by domain code, so a
 * Korean page never shows the server's English sentence.
 */
export function signInErrorKey(info: ApiErrorInfo): string {
  switch (info.code) {
    case 'INVALID_CREDENTIALS':
      return 'account.signIn.wrongCode';
    case 'TOKEN_INVALID':
      return 'account.signIn.codeDead';
    case 'TOO_MANY_ATTEMPTS':
      return 'account.signIn.tooMany';
    default:
      return 'account.signIn.failed';
  }
}
