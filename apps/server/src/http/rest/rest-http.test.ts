import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, schema } from '@plenary/db';
import type { Actor, ApiRegisterOutput } from '@plenary/contracts';
import { MAX_BODY_BYTES } from '../../app';
import { createHarness, withConfig, type TestHarness } from '../../testing/harness';
import { startTestServer, type TestServer } from '../../testing/http';
import { participant, registrationEvent } from '../../testing/registration-fixtures';
import { allScopes, partnerWithKey } from '../../modules/partners/partners.fixtures';
import { apiClient, type ApiResponse } from './api-client';
import { claimKey } from './idempotency.store';
import { requestHash } from './idempotency';

// The HTTP layer of the partner API: idempotency, rate limit, body limit, error
// shape, the OpenAPI document and the reference page.
let h: TestHarness;
let server: TestServer;
let admin: Actor;
let eventId: string;
let categoryId: string;
let kotra: { apiKeyId: string; key: string };
let kicox: { apiKeyId: string; key: string };

beforeAll(async () => {
  h = await createHarness();
  server = await startTestServer(h);
  admin = await h.signUp('admin@kicox.example', { platformAdmin: true });
  const e = await registrationEvent(h, admin, { categories: [{ code: 'SME', capacity: null }] });
  eventId = e.eventId;
  categoryId = e.categories.SME!;
  kotra = await partnerWithKey(h, { name: 'KOTRA', eventId, scopes: allScopes });
  kicox = await partnerWithKey(h, { name: 'KICOX', eventId, scopes: allScopes });
});
afterAll(async () => {
  await server.close();
  await h.close();
});

const path = () => `/events/${eventId}/registrations`;
const single = (email: string) => ({ registration: { categoryId, participant: participant({ email }) } });

async function registrationsOf(email: string): Promise<number> {
  const rows = await h.runtime.db
    .select({ id: schema.registrations.id })
    .from(schema.registrations)
    .innerJoin(schema.persons, eq(schema.persons.id, schema.registrations.personId))
    .where(eq(schema.persons.email, email));
  return rows.length;
}

describe('Idempotency-Key on POST', () => {
  it('replays the first response for the same key and body, and registers once', async () => {
    const api = apiClient(server.url, kotra.key);
    const body = single('once@kotra.example');
    const first = await api.post(path(), body, { 'idempotency-key': 'order-1001' });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    // The same body with its keys in another order is the same request.
    const reordered = { registration: { participant: body.registration.participant, categoryId } };
    const again = await api.post(path(), reordered, { 'idempotency-key': 'order-1001' });
    expect([again.status, again.headers.get('idempotent-replayed'), again.json]).toEqual([
      201,
      'true',
      first.json,
    ]);
    expect(await registrationsOf('once@kotra.example')).toBe(1);
  });

  it('is 422 for the same key with another body', async () => {
    const api = apiClient(server.url, kotra.key);
    await api.post(path(), single('first@kotra.example'), { 'idempotency-key': 'order-1002' });
    const other = await api.post(path(), single('second@kotra.example'), { 'idempotency-key': 'order-1002' });
    expect(other).toMatchObject({
      status: 422,
      json: {
        error: {
          code: 'IDEMPOTENCY_KEY_REUSED',
          message: 'This Idempotency-Key was used for a different request; use a new key for a new request',
        },
      },
    });
    expect(await registrationsOf('second@kotra.example')).toBe(0);
  });

  it('keeps each API key’s Idempotency-Keys apart', async () => {
    const a = await apiClient(server.url, kotra.key).post(path(), single('a@kotra.example'), {
      'idempotency-key': 'shared',
    });
    const b = await apiClient(server.url, kicox.key).post(path(), single('b@kicox.example'), {
      'idempotency-key': 'shared',
    });
    expect([a.status, b.status, b.headers.get('idempotent-replayed')]).toEqual([201, 201, null]);
  });

  it('is 409 while the first request with the key is in flight, and frees a claim that was abandoned', async () => {
    const body = single('held@kotra.example');
    // The first request holds the key: its claim is written, its response is not yet.
    const claimed = await claimKey(h.runtime.db, {
      apiKeyId: kotra.apiKeyId,
      key: 'order-held',
      requestHash: requestHash('POST', `/api/v1${path()}`, body),
      now: h.runtime.now(),
    });
    expect(claimed).toBe(true);
    const api = apiClient(server.url, kotra.key);
    const second = await api.post(path(), body, { 'idempotency-key': 'order-held' });
    expect(second).toMatchObject({
      status: 409,
      json: {
        error: {
          code: 'IDEMPOTENCY_KEY_IN_USE',
          message: 'A request with this Idempotency-Key is still being processed; retry in a moment',
          fields: {},
        },
      },
    });
    expect(await registrationsOf('held@kotra.example')).toBe(0);
    // A claim whose request never finished (the process died) stops blocking after ten minutes.
    h.advanceClock(11 * 60_000);
    expect((await api.post(path(), body, { 'idempotency-key': 'order-held' })).status).toBe(201);
  });

  it('lets exactly one of concurrent requests with the same key register; the control without keys shows they would all try', async () => {
    const api = apiClient(server.url, kotra.key);
    const body = single('race@kotra.example');
    const results: ApiResponse[] = await Promise.all(
      Array.from({ length: 6 }, () => api.post(path(), body, { 'idempotency-key': 'order-race' })),
    );
    const fresh = results.filter((r) => r.status === 201 && r.headers.get('idempotent-replayed') === null);
    const others = results.filter((r) => r !== fresh[0]);
    expect(fresh.length).toBe(1);
    for (const r of others) {
      const outcome =
        r.status === 409
          ? (r.json as { error: { code: string } }).error.code
          : `${r.status} replayed=${r.headers.get('idempotent-replayed')}`;
      expect(['IDEMPOTENCY_KEY_IN_USE', '201 replayed=true']).toContain(outcome);
    }
    expect(await registrationsOf('race@kotra.example')).toBe(1);

    // Control: each with its own key, all six reach the registration engine; the
    // database lets one through and refuses five as duplicates of the person.
    const control = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        api.post(path(), single('control@kotra.example'), { 'idempotency-key': `control-${i}` }),
      ),
    );
    expect(control.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(
      control.filter((r) => r.status === 409).map((r) => (r.json as { error: { code: string } }).error.code),
    ).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
  });

  it('refuses a malformed Idempotency-Key', async () => {
    const res = await apiClient(server.url, kotra.key).post(path(), single('x@kotra.example'), {
      'idempotency-key': 'has space',
    });
    const message = 'Idempotency-Key must be 1 to 255 visible ASCII characters';
    expect([res.status, res.json]).toEqual([
      400,
      { error: { code: 'INVALID_INPUT', message, fields: { 'Idempotency-Key': [message] } } },
    ]);
  });
});

describe('limits and errors', () => {
  it('counts a key across server processes and both paths (/api/v1 and /trpc/api.*), with its own limit or the default', async () => {
    // Two servers on one database, configured as shipped (strict limits) with a default of 3 a minute.
    const strict = { rateLimitScale: 1, apiRequestsPerMinute: 3 };
    const one = await startTestServer(withConfig(h, strict));
    const two = await startTestServer(withConfig(h, strict));
    try {
      const plain = await partnerWithKey(h, { name: 'MOFA', eventId, scopes: allScopes });
      const big = await partnerWithKey(h, { name: 'KITA', eventId, scopes: allScopes, requestsPerMinute: 5 });
      const trpcEvents = (base: string, key: string) =>
        fetch(`${base}/trpc/api.events?input=${encodeURIComponent('{}')}`, {
          headers: { authorization: `Bearer ${key}` },
        });
      expect((await apiClient(one.url, plain.key).get('/events')).status).toBe(200);
      expect((await apiClient(two.url, plain.key).get('/events')).status).toBe(200);
      expect((await trpcEvents(one.url, plain.key)).status).toBe(200);
      const refused = await apiClient(two.url, plain.key).get('/events');
      expect(refused.status).toBe(429);
      expect(refused.json).toMatchObject({ error: { code: 'TOO_MANY_ATTEMPTS', fields: {} } });
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      const overTrpc = await trpcEvents(one.url, plain.key);
      expect(overTrpc.status).toBe(429);
      expect(Number(overTrpc.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push((await apiClient(i % 2 ? one.url : two.url, big.key).get('/events')).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      // A minute later the key has its budget again.
      h.advanceClock(61_000);
      expect((await apiClient(one.url, plain.key).get('/events')).status).toBe(200);
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('replays an Idempotency-Key on /trpc/api.* as on /api/v1: one registration for two POSTs', async () => {
    const body = JSON.stringify({ eventId, ...single('trpc-once@kotra.example') });
    const send = () =>
      fetch(`${server.url}/trpc/api.register`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${kotra.key}`,
          'content-type': 'application/json',
          'idempotency-key': 'trpc-order-1',
        },
        body,
      });
    const first = await send();
    const again = await send();
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(await registrationsOf('trpc-once@kotra.example')).toBe(1);
  });

  it('is 413 for a body over 1 MB and 400 for a body that is not JSON, in the API error shape', async () => {
    const api = apiClient(server.url, kotra.key);
    const huge = await api.post(path(), {
      registration: { categoryId, participant: { givenName: 'x'.repeat(MAX_BODY_BYTES) } },
    });
    expect(huge).toMatchObject({ status: 413, json: { error: { code: 'PAYLOAD_TOO_LARGE', fields: {} } } });
    const broken = await api.post(path(), '{"registration": ');
    expect(broken).toMatchObject({
      status: 400,
      json: { error: { code: 'INVALID_INPUT', message: 'The request body is not valid JSON', fields: {} } },
    });
  });

  it('is 404 in the API error shape for a route that does not exist', async () => {
    const res = await apiClient(server.url, kotra.key).get('/nothing-here');
    expect(res).toMatchObject({ status: 404, json: { error: { code: 'NOT_FOUND', fields: {} } } });
  });
});

describe('API reference', () => {
  it('serves an OpenAPI 3.1 document with the partner routes, each behind the key', async () => {
    const res = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      info: { title: string; version: string };
      servers: Array<{ url: string }>;
      paths: Record<
        string,
        Record<
          string,
          { security?: unknown; parameters?: Array<{ name: string }>; responses: Record<string, unknown> }
        >
      >;
      components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Plenary partner API', version: '1.0.0' });
    expect(doc.servers).toEqual([{ url: '/api/v1' }]);
    const routes = Object.entries(doc.paths).flatMap(([p, item]) =>
      Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`),
    );
    // Other partner routes (webhooks) share the document; these are this module's.
    expect(routes.sort()).toEqual(
      expect.arrayContaining([
        'DELETE /events/{eventId}/registrations/{registrationId}',
        'GET /events',
        'GET /events/{eventId}',
        'GET /events/{eventId}/categories',
        'GET /events/{eventId}/registrations',
        'GET /events/{eventId}/registrations/{registrationId}',
        'POST /events/{eventId}/registrations',
      ]),
    );
    // Only partner routes are in it, each behind the API key.
    for (const item of Object.values(doc.paths))
      for (const op of Object.values(item)) expect(op.security).toEqual([{ apiKey: [] }]);
    expect(doc.components.securitySchemes).toEqual({
      apiKey: { type: 'http', scheme: 'bearer', description: 'The partner API key, plk_...' },
    });
    const post = doc.paths['/events/{eventId}/registrations']!.post!;
    expect(Object.keys(post.responses).sort()).toEqual([
      '201',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '422',
      '429',
    ]);
    expect(post.parameters?.map((p) => p.name)).toContain('Idempotency-Key');
    expect(post.security).toEqual([{ apiKey: [] }]);
    // Every $ref points at something in the document.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const target = ref
        .split('/')
        .reduce<unknown>(
          (node, part) =>
            (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')],
          doc,
        );
      expect(target, ref).toBeDefined();
    }
  });

  it('serves the interactive reference from our own origin', async () => {
    const page = await fetch(`${server.url}/api/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<div id="swagger-ui"></div>');
    expect(html).not.toMatch(/<script>(?!<)/);
    for (const asset of ['/api/docs/swagger-ui-bundle.js', '/api/docs/swagger-ui.css', '/api/docs/init.js']) {
      expect(html).toContain(asset);
      const res = await fetch(`${server.url}${asset}`);
      expect([asset, res.status]).toEqual([asset, 200]);
    }
    expect(await (await fetch(`${server.url}/api/docs/init.js`)).text()).toContain(
      "url: '/api/v1/openapi.json'",
    );
    expect((await fetch(`${server.url}/api/docs/package.json`)).status).toBe(404);
  });
});

describe('the registration a POST creates', () => {
  it('belongs to the key’s partner', async () => {
    const res = await apiClient(server.url, kicox.key).post(path(), single('owner@kicox.example'));
    const id = (res.json as ApiRegisterOutput).registrations[0]!.id;
    const [row] = await h.runtime.db
      .select({ partnerId: schema.registrations.partnerId, source: schema.registrations.source })
      .from(schema.registrations)
      .where(eq(schema.registrations.id, id));
    const [partner] = await h.runtime.db
      .select({ id: schema.apiKeys.partnerId })
      .from(schema.apiKeys)
      .where(eq(schema.apiKeys.id, kicox.apiKeyId));
    expect(row).toEqual({ partnerId: partner?.id, source: 'partner' });
  });
});
