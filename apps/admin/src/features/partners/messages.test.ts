import { describe, expect, it } from 'vitest';
import { apiScopes } from '@plenary/contracts/schemas';
import { en, ko } from './messages';
import { scopeKey } from './scope-keys';

// Keys built at run time from the contract's list of scopes, which the console-wide scan cannot see.
describe('partner API messages', () => {
  it.each([
    ['ko', ko],
    ['en', en],
  ])('name every scope in %s', (_lang, messages) => {
    for (const scope of apiScopes)
      expect(messages.scopes[scopeKey(scope) as keyof typeof messages.scopes]).toMatch(/\S/);
    expect(Object.keys(messages.scopes)).toHaveLength(apiScopes.length);
  });
});
