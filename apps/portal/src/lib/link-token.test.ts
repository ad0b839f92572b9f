import { afterEach, describe, expect, it } from 'vitest';
import {
  forgetLinkToken,
  linkHeaders,
  linkToken,
  markEmailVerified,
  needsEmailVerification,
  rememberLinkToken,
  setActiveLinkKind,
} from './link-token';

describe('link tokens', () => {
  afterEach(() => {
    sessionStorage.clear();
    setActiveLinkKind(null);
  });

  it('sends the token of the page in view only, as x-plenary-link', () => {
    rememberLinkToken('participant', 'p-token');
    rememberLinkToken('delegation', 'd-token');
    expect(linkHeaders()).toEqual({});
    setActiveLinkKind('participant');
    expect(linkHeaders()).toEqual({ 'x-plenary-link': 'p-token' });
    setActiveLinkKind('delegation');
    expect(linkHeaders()).toEqual({ 'x-plenary-link': 'd-token' });
  });

  it('asks for the email proof once per new participant token', () => {
    rememberLinkToken('participant', ' p-token ');
    expect(linkToken('participant')).toBe('p-token');
    expect(needsEmailVerification('p-token')).toBe(true);
    markEmailVerified();
    expect(needsEmailVerification('p-token')).toBe(false);
    // A newer link from a newer email is proved again.
    rememberLinkToken('participant', 'p-token-2');
    expect(needsEmailVerification('p-token-2')).toBe(true);
  });

  it('forgets a refused token, so it is no longer sent', () => {
    rememberLinkToken('participant', 'p-token');
    setActiveLinkKind('participant');
    forgetLinkToken('participant');
    expect(linkToken('participant')).toBeNull();
    expect(needsEmailVerification('p-token')).toBe(false);
    expect(linkHeaders()).toEqual({});
  });
});
