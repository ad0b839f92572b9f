import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from '@plenary/db';
import type { Actor } from '@plenary/contracts';
import { createHarness, type TestHarness } from '../../testing/harness';
import { startTestServer, type TestServer } from '../../testing/http';
import { participant, registrationEvent } from '../../testing/registration-fixtures';
import { allScopes, partnerWithKey } from '../../modules/partners/partners.fixtures';
import { selectRows } from '../../core/sql';
import { apiClient } from './api-client';

/**
 * No request to the partner REST API produces a 500: generated paths, bodies and
 * headers, from plausible to absurd, over real HTTP. Every refusal is JSON with a
 * stable code, and a refused POST writes nothing.
 */
let h: TestHarness;
let server: TestServer;
let admin: Actor;
let eventId: string;
let categoryId: string;
let key: string;

beforeAll(async () => {
  h = await createHarness();
  server = await startTestServer(h);
  admin = await h.signUp('admin@kicox.example', { platformAdmin: true });
  const e = await registrationEvent(h, admin, {
    categories: [{ code: 'SME', capacity: 5 }],
    options: [{ code: 'TOUR', capacity: 2 }],
  });
  eventId = e.eventId;
  categoryId = e.categories.SME!;
  key = (await partnerWithKey(h, { name: 'KOTRA', eventId, scopes: allScopes })).key;
});
afterAll(async () => {
  await server.close();
  await h.close();
});

const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\ud800',
  '세계 클러스터',
  'مؤتمر',
  '../../etc/passwd',
  '%00',
  "'; drop table registrations; --",
  'x'.repeat(5000),
);
const text = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }), nasty);
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));

/** Percent-encodes text for a URL, lone surrogates included (encodeURIComponent throws on those). */
function encode(t: string): string {
  return [...Buffer.from(t, 'utf8')].map((b) => '%' + b.toString(16).padStart(2, '0')).join('');
}

/** A body that is often almost right: a real category, a plausible participant, with some fields broken. */
const body = () =>
  fc.oneof(
    fc.anything(),
    fc.record(
      {
        registration: fc.oneof(
          fc.record({
            categoryId: fc.oneof(fc.constant(categoryId), fc.uuid(), text),
            participant: fc.oneof(
              fc.constant(participant()),
              fc.dictionary(
                fc.constantFrom(
                  'givenName',
                  'familyName',
                  'email',
                  'organisation',
                  'country',
                  'phone',
                  'localName',
                ),
                scalar,
              ),
            ),
            optionIds: fc.oneof(fc.array(fc.uuid(), { maxLength: 3 }), scalar),
            answers: fc.oneof(fc.dictionary(text, scalar), scalar),
          }),
          scalar,
        ),
        delegation: fc.oneof(
          fc.dictionary(
            fc.constantFrom('name', 'contactName', 'contactEmail', 'categoryId', 'members'),
            fc.oneof(scalar, fc.array(fc.anything(), { maxLength: 3 })),
          ),
          scalar,
        ),
      },
      { requiredKeys: [] },
    ),
  );
const eventRef = fc.oneof(
  fc.constant(() => eventId),
  fc.constant(() => 'tci-2015'),
  fc.uuid().map((u) => () => u),
  text.map((t) => () => encode(t)),
);

async function counts() {
  const [row] = await selectRows<{ r: number; d: number; m: number }>(
    h.runtime.db,
    sql`select (select count(*) from registrations)::int as r, (select count(*) from delegations)::int as d, (select count(*) from mail_outbox)::int as m`,
  );
  return row;
}

function expectJsonError(status: number, json: unknown) {
  expect(status).toBeLessThan(500);
  // 431: Node's HTTP parser refuses a request line over 16 KB before the app sees it.
  if (status < 400 || status === 431) return;
  const error = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  expect([typeof error?.code, typeof error?.message]).toEqual(['string', 'string']);
}

describe('the REST API under generated input', () => {
  it('POST /events/{eventId}/registrations answers 2xx or a JSON 4xx, and a refusal writes nothing', async () => {
    const api = apiClient(server.url, key);
    await fc.assert(
      fc.asyncProperty(eventRef, body(), fc.boolean(), async (ref, b, raw) => {
        const before = await counts();
        const res = await api.post(
          `/events/${ref()}/registrations`,
          raw ? String(JSON.stringify(b)).slice(0, -1) : b,
        );
        expectJsonError(res.status, res.json);
        if (res.status >= 400) expect(await counts()).toEqual(before);
      }),
      { numRuns: 120 },
    );
  });

  it('GET and DELETE routes with generated ids, cursors and keys answer below 500', async () => {
    const routes = fc.oneof(
      fc.tuple(fc.constant('GET'), eventRef, fc.constant('')),
      fc.tuple(fc.constant('GET'), eventRef, fc.constant('/categories')),
      fc.tuple(
        fc.constant('GET'),
        eventRef,
        text.map((t) => `/registrations?cursor=${encode(t)}&limit=${encode(t)}`),
      ),
      fc.tuple(
        fc.constantFrom('GET', 'DELETE'),
        eventRef,
        fc.oneof(fc.uuid(), text).map((id) => `/registrations/${encode(id)}`),
      ),
    );
    const keys = fc.oneof(
      fc.constant<string | null>(null),
      fc.constant(() => key),
      text.map((t) => () => t),
    );
    await fc.assert(
      fc.asyncProperty(routes, keys, async ([method, ref, rest], k) => {
        const chosen = typeof k === 'function' ? k() : k;
        const res = await apiClient(server.url, chosen && /^[\x21-\x7e]+$/.test(chosen) ? chosen : null).send(
          method,
          `/events/${ref()}${rest}`,
        );
        expectJsonError(res.status, res.json);
      }),
      { numRuns: 120 },
    );
  });
});
