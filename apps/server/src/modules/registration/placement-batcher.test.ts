import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, schema } from '@plenary/db';
import { DomainError, type RegistrationRequest } from '@plenary/contracts';
import { createHarness, type TestHarness } from '../../testing/harness';
import { participant, registrationEvent } from '../../testing/registration-fixtures';
import type { PlacementOrigin } from './placement';
import { placeRegistration } from './placement-batcher';
import { loadRegistrationDtos } from './registration.dto';
import { pdf } from '../files/test-files';

/**
 * The batcher is called directly here, so which registrations share a
 * transaction is certain: the first call starts a transaction at once, and the
 * calls made while it runs wait and go together into the next one. A
 * transaction's registrations share its start time (created_at = now()), which
 * is how the tests see the batches.
 */
let h: TestHarness;
let eventId: string;
let categoryId: string;
let tourId: string;

const origin: PlacementOrigin = {
  source: 'portal',
  partnerId: null,
  caller: 'system',
  emailVerified: false,
  approve: false,
  consents: [],
  ignoreOpeningDates: false,
};

function request(overrides: Partial<RegistrationRequest> = {}): RegistrationRequest {
  return {
    categoryId,
    participant: participant(),
    optionIds: [tourId],
    answers: {},
    locale: 'en',
    ...overrides,
  };
}

const place = (r: RegistrationRequest) => placeRegistration(h.runtime, eventId, r, origin);

async function startTimes(ids: string[]): Promise<Map<string, number>> {
  const rows = await h.runtime.db
    .select({ id: schema.registrations.id, at: schema.registrations.createdAt })
    .from(schema.registrations)
    .where(inArray(schema.registrations.id, ids));
  return new Map(rows.map((r) => [r.id, r.at.getTime()]));
}

beforeAll(async () => {
  h = await createHarness();
  const admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
  const e = await registrationEvent(h, admin, {
    slug: 'batches',
    categories: [{ code: 'UNI', capacity: 5 }],
    options: [{ code: 'TOUR', capacity: 3 }],
  });
  eventId = e.eventId;
  categoryId = e.categories.UNI!;
  tourId = e.options.TOUR!;
  await h.runtime.db
    .update(schema.registrationSettings)
    .set({
      questions: [
        { id: 'cv', type: 'file', label: { en: 'CV' }, help: {}, required: false, choices: [], showIf: null },
      ],
    })
    .where(eq(schema.registrationSettings.eventId, eventId));
});
afterAll(() => h.close());

describe('placing registrations in batches', () => {
  it('places those arriving together in one transaction, in arrival order, each with its own answer', async () => {
    const first = place(request());
    const sameEmail = participant();
    const waiting = [
      place(request()),
      place(request({ categoryId: randomUUID() })),
      place(request({ participant: sameEmail })),
      place(request({ participant: { ...sameEmail, givenName: 'Twice' } })),
      ...Array.from({ length: 6 }, () => place(request())),
    ];
    const settled = await Promise.allSettled([first, ...waiting]);
    const placed = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const refused = settled.flatMap((s, i) =>
      s.status === 'rejected' ? [{ i, err: s.reason as unknown }] : [],
    );

    // Only the two at fault are refused, each with its own field.
    expect(refused.map((r) => r.i)).toEqual([2, 4]);
    expect(refused[0]!.err).toBeInstanceOf(DomainError);
    expect((refused[0]!.err as DomainError).fieldErrors).toHaveProperty('categoryId');
    expect((refused[1]!.err as DomainError).code).toBe('CONFLICT');
    expect((refused[1]!.err as DomainError).fieldErrors).toHaveProperty(['participant.email']);

    // Five places and three seats, given in arrival order; the rest wait in that order.
    expect(placed.map((p) => p.status)).toEqual([
      ...Array<string>(5).fill('confirmed'),
      ...Array<string>(4).fill('waitlisted'),
    ]);
    expect(placed.map((p) => p.options[0]!.status)).toEqual([
      ...Array<string>(3).fill('booked'),
      ...Array<string>(6).fill('waitlisted'),
    ]);
    expect(placed.map((p) => p.waitlistPosition)).toEqual([null, null, null, null, null, 1, 2, 3, 4]);
    expect(placed.map((p) => p.options[0]!.waitlistPosition)).toEqual([null, null, null, 1, 2, 3, 4, 5, 6]);
    // The positions given at placing are those the stored ranks give (what every list shows).
    const stored = await loadRegistrationDtos(
      h.runtime.db,
      placed.map((p) => p.registrationId),
      h.runtime.now(),
    );
    expect(stored.map((r) => r.waitlistPosition)).toEqual(placed.map((p) => p.waitlistPosition));
    expect(stored.map((r) => r.options[0]!.waitlistPosition)).toEqual(
      placed.map((p) => p.options[0]!.waitlistPosition),
    );

    // The first went alone; the eight that waited for it shared one transaction.
    const at = await startTimes(placed.map((p) => p.registrationId));
    const firstAt = at.get(placed[0]!.registrationId);
    const rest = new Set(placed.slice(1).map((p) => at.get(p.registrationId)));
    expect(rest.size).toBe(1);
    expect(rest.has(firstAt)).toBe(false);
    // Each has its audit entry and its mail.
    const ids = placed.map((p) => p.registrationId);
    const audit = await h.runtime.db
      .select({ id: schema.auditLog.objectId })
      .from(schema.auditLog)
      .where(inArray(schema.auditLog.objectId, ids));
    expect(new Set(audit.map((a) => a.id)).size).toBe(ids.length);
  });

  it('places each alone when the shared transaction fails, so only the one at fault is refused', async () => {
    const file = await h.caller(null).portalRegistration.uploadFile({
      eventId,
      questionId: 'cv',
      filename: 'cv.pdf',
      contentBase64: (await pdf()).toString('base64'),
    });
    const first = place(request({ optionIds: [] }));
    // Two registrations name the same upload: attaching it the second time fails the whole batch.
    const batch = [
      place(request({ optionIds: [], answers: { cv: file.fileId } })),
      place(request({ optionIds: [], answers: { cv: file.fileId } })),
      place(request({ optionIds: [] })),
    ];
    const settled = await Promise.allSettled([first, ...batch]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const err = (settled[2] as PromiseRejectedResult).reason as DomainError;
    expect(err.fieldErrors).toHaveProperty(['answers.cv']);
    // Placed again one by one: each in a transaction of its own.
    const ids = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.registrationId] : []));
    const at = await startTimes(ids);
    expect(new Set(ids.map((id) => at.get(id))).size).toBe(3);
    const files = await h.runtime.db
      .select({ ownerId: schema.files.ownerId })
      .from(schema.files)
      .where(eq(schema.files.id, file.fileId));
    expect(files[0]?.ownerId).toBe(ids[1]);
  });
});
