import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type TestHarness } from '../../testing/harness';
import { startTestServer, type TestServer } from '../../testing/http';
import { lastSignInMail } from '../../testing/persons';
import { PERSON_SESSION_DAYS } from './person-sessions';

let h: TestHarness;
let server: TestServer;
beforeAll(async () => {
  h = await createHarness();
  server = await startTestServer(h);
}, 120_000);
afterAll(async () => {
  await server.close();
  await h.close();
});

interface TrpcBody {
  result?: { data: { person: { email: string } | null; csrfToken: string | null } };
  error?: { message: string };
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    setCookie: res.headers.get('set-cookie'),
    json: (await res.json()) as TrpcBody,
  };
}

describe('the person session over HTTP', () => {
  it('sets a persistent httpOnly cookie of its own, and POSTs need its CSRF token', async () => {
    await post('accounts.requestCode', { email: 'phone@example.org', locale: 'en' });
    const { code } = await lastSignInMail(h, 'phone@example.org');
    const signedIn = await post('accounts.verifyCode', { email: 'phone@example.org', code });
    expect(signedIn.status).toBe(200);
    const cookieLine = signedIn.setCookie ?? '';
    expect(cookieLine).toMatch(/^plenary_person=[\w-]{43}; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
    // Persistent: it survives a browser restart, for the session's length.
    const expires = new Date(/Expires=([^;]+)/.exec(cookieLine)![1]!).getTime();
    expect(Math.round((expires - Date.now()) / 86_400_000)).toBe(PERSON_SESSION_DAYS);
    const cookie = cookieLine.split(';')[0]!;
    const csrf = signedIn.json.result?.data.csrfToken ?? '';

    const session = await fetch(`${server.url}/trpc/accounts.session`, { headers: { cookie } });
    const body = (await session.json()) as TrpcBody;
    expect(body.result?.data.person?.email).toBe('phone@example.org');
    expect(body.result?.data.csrfToken).toBe(csrf);

    // A cross-site form cannot set the header: refused; the staff session's header does not count.
    const forged = await post('accounts.signOutEverywhere', undefined, { cookie, 'x-plenary-csrf': csrf });
    expect([forged.status, forged.json.error?.message]).toEqual([
      403,
      'Missing or wrong CSRF token: reload the page and try again',
    ]);
    // A public form still works with the cookie present.
    expect(
      (await post('accounts.requestCode', { email: 'other@example.org', locale: 'en' }, { cookie })).status,
    ).toBe(200);

    const out = await post('accounts.signOut', undefined, { cookie, 'x-plenary-person-csrf': csrf });
    expect(out.status).toBe(200);
    expect(out.setCookie).toMatch(
      /^plenary_person=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax$/,
    );
    const after = await fetch(`${server.url}/trpc/accounts.session`, { headers: { cookie } });
    expect(((await after.json()) as TrpcBody).result?.data).toEqual({ person: null, csrfToken: null });
  });
});
