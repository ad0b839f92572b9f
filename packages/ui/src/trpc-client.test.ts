import { afterEach, describe, expect, it, vi } from 'vitest';
import { domainMessageWords } from '@plenary/contracts/domain-messages';
import { createApiClient, localizedFieldErrors, setCsrfToken } from './trpc-client';

/** A stand-in for the network: records each request's headers and answers an empty list. */
function recordingFetch() {
  const seen: Headers[] = [];
  const fetchStub = async (_url: RequestInfo | URL, init?: RequestInit) => {
    seen.push(new Headers(init?.headers));
    return new Response(JSON.stringify([{ result: { data: [] } }]), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { seen, fetchStub };
}

describe('createApiClient', () => {
  afterEach(() => {
    setCsrfToken(null);
    vi.unstubAllGlobals();
  });

  it('sends the headers the provider gives, read again for every request', async () => {
    const { seen, fetchStub } = recordingFetch();
    vi.stubGlobal('fetch', fetchStub);
    let token: string | null = 'link-secret-1';
    const client = createApiClient('http://localhost/trpc', {
      headers: (): Record<string, string> => (token ? { 'x-plenary-link': token } : {}),
    });
    await client.portal.events.query();
    token = null;
    await client.portal.events.query();
    expect(seen.map((h) => h.get('x-plenary-link'))).toEqual(['link-secret-1', null]);
  });

  it('keeps sending the CSRF token without a provider, as the admin uses it', async () => {
    const { seen, fetchStub } = recordingFetch();
    vi.stubGlobal('fetch', fetchStub);
    setCsrfToken('csrf-1');
    await createApiClient('http://localhost/trpc').portal.events.query();
    expect(seen[0]?.get('x-plenary-csrf')).toBe('csrf-1');
    expect(seen[0]?.get('x-plenary-link')).toBeNull();
  });
});

describe('localizedFieldErrors', () => {
  const unkeyed = {
    code: 'INVALID_INPUT',
    message: 'x',
    fieldErrors: { categoryId: ['No such category in this event'] },
  };
  const keyed = {
    code: 'CONFLICT',
    message: 'This email address is already registered for this event',
    fieldErrors: {
      'participant.email': ['Already registered: use the link in your email, or ask for it again'],
    },
    messageKey: 'emailAlreadyRegistered',
    messageParams: {},
    // As the server's error formatter words it (contracts/src/trpc.ts).
    messageWords: domainMessageWords('emailAlreadyRegistered'),
  };

  it('words a keyed error’s fields in the page’s language', () => {
    expect(localizedFieldErrors(keyed, 'ko')).toEqual({
      'participant.email': ['이 이메일 주소로 이미 이 행사에 등록되어 있습니다'],
    });
  });

  it('puts no English under a field of a Korean page, and keeps it on an English one', () => {
    expect(localizedFieldErrors(unkeyed, 'ko')).toEqual({ categoryId: ['이 항목을 확인하세요'] });
    expect(localizedFieldErrors(unkeyed, 'en')).toEqual({ categoryId: ['No such category in this event'] });
  });
});
