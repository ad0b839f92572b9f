import type { ApiScope } from '@plenary/contracts/schemas';

/** The message key of a scope: "registrations:write" -> "registrationsWrite" (a colon is not safe in an i18n path). */
export function scopeKey(scope: ApiScope): string {
  return scope.replace(/:(\w)/, (_m, c: string) => c.toUpperCase());
}
