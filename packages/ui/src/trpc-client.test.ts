import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient, setCsrfToken } from './trpc-client';

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
