import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, schema } from '@plenary/db';
import type { Actor, DomainError } from '@plenary/contracts';
import { createHarness, errorOf, type TestHarness } from '../../testing/harness';
import { participant, registrationEvent } from '../../testing/registration-fixtures';

/**
 * Staff registering someone (on the phone, at the desk) record the consents the
 * person gave, and the required ones are enforced as on the portal and for
 * partners (issue 8, item 9).
 */

let h: TestHarness;
let admin: Actor;
let e: Awaited<ReturnType<typeof registrationEvent>>;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
  e = await registrationEvent(h, admin, {
    slug: 'staff-consents',
    categories: [{ code: 'SME' }],
    consents: [
      { kind: 'privacy', required: true },
      { kind: 'photography', required: false },
    ],
  });
});
afterAll(() => h.close());

const create = (email: string, consents?: Array<{ kind: 'privacy' | 'photography'; version: number }>) =>
  h.caller(admin).registrations.create({
    eventId: e.eventId,
    categoryId: e.categories.SME!,
    participant: participant({ email }),
    ...(consents ? { consents } : {}),
  });

describe('consents on a staff-entered registration', () => {
  it('refuses one without the required consent, naming it, and stores nothing', async () => {
    const err = await errorOf(create('no-consent@example.org'));
    expect(err.code).toBe('BAD_REQUEST');
    expect((err.cause as DomainError).fieldErrors).toEqual({
      'consents.privacy': ['You must accept this to register'],
    });
    const rows = await h.runtime.db
      .select({ id: schema.registrations.id })
      .from(schema.registrations)
      .where(eq(schema.registrations.eventId, e.eventId));
    expect(rows).toEqual([]);
  });

  it('records the consents staff confirm, with the version, and audits them', async () => {
    const r = await create('phoned@example.org', [{ kind: 'privacy', version: 1 }]);
    expect(r.consents.map((c) => [c.kind, c.version])).toEqual([['privacy', 1]]);
    const [entry] = await h.runtime.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.objectId, r.id), eq(schema.auditLog.action, 'registration.create')));
    expect(entry?.diff.consentsConfirmedByStaff).toEqual({ before: null, after: ['privacy v1'] });
  });

  it('refuses an outdated version as the portal does', async () => {
    const err = await errorOf(create('old@example.org', [{ kind: 'privacy', version: 2 }]));
    expect((err.cause as DomainError).fieldErrors).toEqual({
      'consents.privacy': ['This text has changed: read the new version and accept it again'],
    });
  });
});
