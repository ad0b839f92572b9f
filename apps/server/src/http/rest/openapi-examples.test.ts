import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@plenary/db';
import type { Actor } from '@plenary/contracts';
import { createHarness, type TestHarness } from '../../testing/harness';
import { startTestServer, type TestServer } from '../../testing/http';
import { registrationEvent } from '../../testing/registration-fixtures';
import { partnerWithKey } from '../../modules/partners/partners.fixtures';
import { apiClient } from './api-client';

// The API reference as a partner's developer reads it: every example in it can be
// sent as it is, the body says "exactly one of", and each operation is named.
interface Media {
  schema?: { oneOf?: Array<{ required?: string[] }> };
  examples?: Record<string, { summary?: string; value: unknown }>;
  example?: unknown;
}
interface Op {
  summary?: string;
  tags?: string[];
  parameters?: Array<{ name: string; in: string; description?: string; example?: unknown }>;
  requestBody?: { content: Record<string, Media> };
}
type Doc = { paths: Record<string, Record<string, Op>> };

let h: TestHarness;
let server: TestServer;
let admin: Actor;
let doc: Doc;
let key: string;

beforeAll(async () => {
  h = await createHarness();
  server = await startTestServer(h);
  admin = await h.signUp('admin@kicox.example', { platformAdmin: true });
  const e = await registrationEvent(h, admin, { categories: [{ code: 'SME', capacity: null }] });
  doc = (await apiClient(server.url, null).get('/openapi.json')).json as Doc;
  // The examples name the reference event's category; give the test event that id.
  const body = doc.paths['/events/{eventId}/registrations']?.post?.requestBody?.content['application/json'];
  const sample = body?.examples?.registration?.value as
    { registration?: { categoryId?: string } } | undefined;
  if (sample?.registration?.categoryId) {
    await h.runtime.db.insert(schema.registrationCategories).values({
      id: sample.registration.categoryId,
      eventId: e.eventId,
      code: 'GOV',
      label: { en: 'Government', ko: '정부' },
      capacity: null,
      position: 9,
    });
  }
  key = (
    await partnerWithKey(h, {
      name: 'KOTRA',
      eventId: e.eventId,
      scopes: ['events:read', 'registrations:read', 'registrations:write', 'webhooks:manage'],
    })
  ).key;
});
afterAll(async () => {
  await server.close();
  await h.close();
});

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  );

describe('the API reference', () => {
  it('names every operation and groups them under capitalised tags', () => {
    for (const { path, method, op } of operations()) {
      expect(op.summary, `${method} ${path}`).toMatch(/\S/);
      for (const tag of op.tags ?? []) expect(tag, `${method} ${path}`).toMatch(/^[A-Z]/);
    }
  });

  it('keeps Idempotency-Keys as long as the server does (48 hours)', () => {
    const header = doc.paths['/events/{eventId}/registrations']?.post?.parameters?.find(
      (p) => p.name === 'Idempotency-Key',
    );
    expect(header?.description).toContain('48 hours');
  });

  it('says a registration POST takes exactly one of registration and delegation (oneOf)', () => {
    const body = doc.paths['/events/{eventId}/registrations']?.post?.requestBody?.content['application/json'];
    expect(body?.schema?.oneOf?.map((s) => s.required)).toEqual([['registration'], ['delegation']]);
  });

  it('gives examples that the server takes as they are', async () => {
    const sent: string[] = [];
    for (const { path, method, op } of operations()) {
      const media = op.requestBody?.content['application/json'];
      const samples = [
        ...Object.values(media?.examples ?? {}).map((e) => e.value),
        ...(media?.example === undefined ? [] : [media.example]),
      ];
      const eventParam = op.parameters?.find((p) => p.name === 'eventId')?.example;
      const url = path.replace('{eventId}', typeof eventParam === 'string' ? eventParam : 'tci-2015');
      for (const [i, body] of samples.entries()) {
        const res = await apiClient(server.url, key).send(method.toUpperCase(), url, body, {
          'idempotency-key': `example-${method}-${path}-${i}`,
        });
        sent.push(`${method} ${path} ${res.status}`);
        expect([res.status, res.json], `${method} ${path} example ${i}`).toEqual([201, expect.anything()]);
      }
    }
    expect(sent).toEqual([
      'post /events/{eventId}/registrations 201',
      'post /events/{eventId}/registrations 201',
      'post /events/{eventId}/webhooks 201',
    ]);
  });
});
