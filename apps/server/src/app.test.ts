import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from './app';
import { createHarness, tciEvent, TEST_PASSWORD, type TestHarness } from './testing/harness';
import { HttpClient, startTestServer, type TestServer } from './testing/http';
import { insertMember } from './modules/team/team.repo';

let h: TestHarness;
let server: TestServer;
let eventId: string;

beforeAll(async () => {
  h = await createHarness();
  server = await startTestServer(h);
  const admin = await h.signUp('admin@kicox.example', { platformAdmin: true });
  eventId = (await h.caller(admin).events.create(tciEvent)).id;
  const reviewer = await h.signUp('reviewer@kicox.example');
  await insertMember(h.runtime.db, { eventId, userId: reviewer.userId, role: 'reviewer' });
});
afterAll(async () => {
  await server.close();
  await h.close();
});

describe('HTTP surface', () => {
  it('answers /healthz and /readyz with the migration state', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await fetch(`${server.url}/readyz`);
    const body = (await ready.json()) as { status: string; migrations: { pending: number } };
    expect([ready.status, body.status, body.migrations.pending]).toEqual([200, 'ready', 0]);
  });

  it('sends security headers with a Content-Security-Policy and a request id', async () => {
    const res = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'req-123' } });
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-request-id')).toBe('req-123');
  });

  it('is 401 for an anonymous staff call, 403 for the wrong role, 400 with field errors for bad input', async () => {
    const anon = new HttpClient(server.url);
    expect((await anon.query('events.get', { eventId })).status).toBe(401);

    const reviewer = new HttpClient(server.url);
    await reviewer.login('reviewer@kicox.example', TEST_PASSWORD);
    expect((await reviewer.query('events.get', { eventId })).status).toBe(200);
    const forbidden = await reviewer.mutate('events.update', { eventId, slug: 'hijack' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.json.error?.data.domainCode).toBe('FORBIDDEN');
    // The sentence goes out worded in both languages beside its key: the browsers word
    // errors from it and carry no catalogue of every module's sentences.
    expect([forbidden.json.error?.data.messageKey, forbidden.json.error?.data.messageWords]).toEqual([
      'roleRefused',
      { en: 'Your role in this event does not allow this', ko: '이 행사에서 맡은 역할로는 할 수 없습니다' },
    ]);

    const admin = new HttpClient(server.url);
    await admin.login('admin@kicox.example', TEST_PASSWORD);
    const bad = await admin.mutate('events.update', { eventId, slug: 'No Spaces', timeZone: 'Nowhere/City' });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.data.fieldErrors).toEqual({
      slug: ['Use lower-case letters, digits and single hyphens'],
      timeZone: ['Must be an IANA time zone such as Asia/Seoul'],
    });
  });

  it('is 409 with a message for a duplicate slug, and 413 for an oversized body', async () => {
    const admin = new HttpClient(server.url);
    await admin.login('admin@kicox.example', TEST_PASSWORD);
    const dup = await admin.mutate('events.create', { ...tciEvent });
    expect([dup.status, dup.json.error?.message, dup.json.error?.data.fieldErrors]).toEqual([
      409,
      'Another event already uses this slug',
      { slug: ['Another event already uses this slug'] },
    ]);
    const huge = await admin.mutate('events.update', { eventId, description: { en: 'x'.repeat(MAX_BODY_BYTES + 10) } });
    expect(huge.status).toBe(413);
    const event = await admin.query('events.get', { eventId });
    expect((event.json.result?.data as { description: unknown }).description).toEqual({});
  });

  it('is 400 naming the field for text PostgreSQL cannot store (a NUL character), never 500', async () => {
    const anon = new HttpClient(server.url);
    const res = await anon.query('portal.event', { slug: 'tci\u00002015' });
    expect([res.status, res.json.error?.data.fieldErrors]).toEqual([400, { slug: ['Text must not contain NUL characters'] }]);
  });

  it('is 400 for a body that is not JSON, never 500', async () => {
    const admin = new HttpClient(server.url);
    await admin.login('admin@kicox.example', TEST_PASSWORD);
    const res = await admin.send('POST', '/trpc/events.update', '{"eventId":', {});
    expect(res.status).toBe(400);
  });

  it('sets an httpOnly SameSite=Lax cookie and refuses a cookie mutation without the CSRF token', async () => {
    const res = await fetch(`${server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@kicox.example', password: TEST_PASSWORD }),
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^plenary_session=[\w-]{43}; Path=\/; Expires=.*; HttpOnly; SameSite=Lax$/);
    const admin = new HttpClient(server.url);
    await admin.login('admin@kicox.example', TEST_PASSWORD);
    const forged = await admin.mutate('events.transition', { eventId, to: 'publish' }, { csrf: false });
    expect([forged.status, forged.json.error?.message]).toEqual([403, 'Missing or wrong CSRF token: reload the page and try again']);
    expect((await admin.query('events.get', { eventId })).json.result?.data).toMatchObject({ status: 'draft' });
    const real = await admin.mutate('events.transition', { eventId, to: 'publish' });
    expect(real.status).toBe(200);
  });

  it('serves the portal to a signed-in staff member: a public POST without the staff CSRF token goes through as anonymous', async () => {
    const admin = new HttpClient(server.url);
    await admin.login('admin@kicox.example', TEST_PASSWORD);
    // The portal knows nothing of the staff session, so it sends no staff token.
    const publicCall = await admin.mutate('accounts.requestCode', { email: 'visitor@example.org', locale: 'en' }, { csrf: false });
    expect([publicCall.status, publicCall.json.error?.message]).toEqual([200, undefined]);
    // The same cookie without the token still opens nothing that needs the staff member.
    const staffCall = await admin.mutate('auth.logoutEverywhere', undefined, { csrf: false });
    expect([staffCall.status, staffCall.json.error?.message]).toEqual([403, 'Missing or wrong CSRF token: reload the page and try again']);
    expect((await admin.query('auth.me')).json.result?.data).toMatchObject({ user: { email: 'admin@kicox.example' } });
  });

  it('logs out: the cookie is cleared and the old one no longer works', async () => {
    const admin = new HttpClient(server.url);
    await admin.login('admin@kicox.example', TEST_PASSWORD);
    const old = admin.cookie;
    await admin.mutate('auth.logout');
    const reuse = new HttpClient(server.url);
    reuse.cookie = old;
    expect((await reuse.query('events.listMine', {})).status).toBe(401);
  });
});
