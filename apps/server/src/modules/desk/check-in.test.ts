import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, schema } from '@plenary/db';
import { createHarness, errorOf, type TestHarness } from '../../testing/harness';
import { addRegistration, createDeskFixture, type DeskFixture } from './desk.fixtures';

let h: TestHarness;
let f: DeskFixture;

beforeAll(async () => {
  h = await createHarness();
  f = await createDeskFixture(h, 'checkin');
});
afterAll(() => h.close());

const desk = () => h.caller(f.staff).checkIn;

describe('check-in desk', () => {
  it('checks a clean confirmed ticket in on scan, audits it, and says so once', async () => {
    const p = await addRegistration(h, {
      eventId: f.eventId,
      categoryId: f.categories.government,
      givenName: 'Gildong',
      familyName: 'Hong',
      localName: '홍길동',
      organisation: '산업통상자원부',
    });
    const first = await desk().scan({ eventId: f.eventId, ticketCode: p.ticketCode });
    expect(first.checkedInNow).toBe(true);
    expect(first.warnings).toEqual([]);
    expect(first.person).toMatchObject({
      registrationId: p.id,
      reference: p.reference,
      givenName: 'Gildong',
      familyName: 'Hong',
      localName: '홍길동',
      organisation: '산업통상자원부',
      country: 'KR',
      status: 'confirmed',
      category: { id: f.categories.government, label: { en: 'Government', ko: '정부' }, colour: '#b91c1c' },
    });
    expect(first.person?.checkedInAt).not.toBeNull();

    const [row] = await h.runtime.db
      .select({ at: schema.registrations.checkedInAt, by: schema.registrations.checkedInBy })
      .from(schema.registrations)
      .where(eq(schema.registrations.id, p.id));
    expect(row?.by).toBe(f.staff.userId);
    expect(row?.at?.toISOString()).toBe(first.person?.checkedInAt);

    const audit = await h.runtime.db
      .select({ action: schema.auditLog.action, actor: schema.auditLog.actorLabel })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.objectType, 'registration'), eq(schema.auditLog.objectId, p.id)));
    expect(audit).toEqual([{ action: 'registration.check_in', actor: 'checkin-staff@plenary.test' }]);

    // The second scan (a second desk, a double tap) is no error and changes nothing.
    const again = await desk().scan({ eventId: f.eventId, ticketCode: p.ticketCode });
    expect(again.checkedInNow).toBe(false);
    expect(again.warnings).toEqual(['already_checked_in']);
    expect(again.person?.checkedInAt).toBe(first.person?.checkedInAt);
    const explicit = await desk().checkIn({ eventId: f.eventId, registrationId: p.id });
    expect(explicit.checkedInNow).toBe(false);
    expect(explicit.warnings).toEqual(['already_checked_in']);
  });

  it('reports an unknown ticket, and a ticket of another event, as unknown_ticket', async () => {
    const elsewhere = await addRegistration(h, {
      eventId: f.otherEventId,
      categoryId: f.categories.otherEvent,
      givenName: 'Maria',
      familyName: 'Lopez',
    });
    expect(await desk().scan({ eventId: f.eventId, ticketCode: 'no-such-code' })).toEqual({
      person: null,
      warnings: ['unknown_ticket'],
      checkedInNow: false,
    });
    expect(await desk().scan({ eventId: f.eventId, ticketCode: elsewhere.ticketCode })).toEqual({
      person: null,
      warnings: ['unknown_ticket'],
      checkedInNow: false,
    });
  });

  it('shows the warning of a pending, cancelled, waitlisted or rejected registration and refuses to check it in', async () => {
    const cases = [
      ['pending', 'not_approved'],
      ['cancelled', 'cancelled'],
      ['waitlisted', 'waitlisted'],
      ['offered', 'waitlisted'],
      ['rejected', 'rejected'],
    ] as const;
    for (const [status, warning] of cases) {
      const p = await addRegistration(h, {
        eventId: f.eventId,
        categoryId: f.categories.government,
        givenName: `Warn${status}`,
        familyName: 'Case',
        status,
      });
      const scan = await desk().scan({ eventId: f.eventId, ticketCode: p.ticketCode });
      expect(scan.warnings).toEqual([warning]);
      expect(scan.checkedInNow).toBe(false);
      expect(scan.person?.checkedInAt).toBeNull();
      const err = await errorOf(desk().checkIn({ eventId: f.eventId, registrationId: p.id }));
      expect(err.code).toBe('CONFLICT');
      expect((err.cause as unknown as { code?: string }).code).toBe('INVALID_STATE');
    }
  });

  it('leaves an unpaid confirmed registration to the desk: the scan warns, checkIn checks in', async () => {
    const p = await addRegistration(h, {
      eventId: f.eventId,
      categoryId: f.categories.business,
      givenName: 'Unpaid',
      familyName: 'Guest',
      paymentStatus: 'unpaid',
    });
    const scan = await desk().scan({ eventId: f.eventId, ticketCode: p.ticketCode });
    expect(scan).toMatchObject({ warnings: ['unpaid'], checkedInNow: false });
    const done = await desk().checkIn({ eventId: f.eventId, registrationId: p.id });
    expect(done.checkedInNow).toBe(true);
    expect(done.warnings).toEqual(['unpaid']);
  });

  it('undoes a check-in, audited, and counts', async () => {
    const p = await addRegistration(h, {
      eventId: f.eventId,
      categoryId: f.categories.government,
      givenName: 'Undo',
      familyName: 'Me',
    });
    const before = await desk().summary({ eventId: f.eventId });
    await desk().checkIn({ eventId: f.eventId, registrationId: p.id });
    expect((await desk().summary({ eventId: f.eventId })).checkedIn).toBe(before.checkedIn + 1);
    const undone = await desk().undo({ eventId: f.eventId, registrationId: p.id });
    expect(undone.person?.checkedInAt).toBeNull();
    expect(undone.warnings).toEqual([]);
    expect(await desk().summary({ eventId: f.eventId })).toEqual(before);
    const actions = await h.runtime.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.objectId, p.id))
      .orderBy(schema.auditLog.id);
    expect(actions.map((a) => a.action)).toEqual(['registration.check_in', 'registration.undo_check_in']);
  });

  it('reports another event’s registration as NOT_FOUND', async () => {
    const elsewhere = await addRegistration(h, {
      eventId: f.otherEventId,
      categoryId: f.categories.otherEvent,
      givenName: 'Else',
      familyName: 'Where',
    });
    expect((await errorOf(desk().checkIn({ eventId: f.eventId, registrationId: elsewhere.id }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await errorOf(desk().undo({ eventId: f.eventId, registrationId: elsewhere.id }))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('searches by name, local name, reference, email and organisation within the event, at most 20', async () => {
    const p = await addRegistration(h, {
      eventId: f.eventId,
      categoryId: f.categories.government,
      givenName: 'Christian',
      familyName: 'Ketels',
      organisation: 'Harvard Business School',
    });
    await addRegistration(h, {
      eventId: f.otherEventId,
      categoryId: f.categories.otherEvent,
      givenName: 'Christian',
      familyName: 'Ketels',
    });
    const byName = await desk().search({ eventId: f.eventId, query: 'christian ket' });
    expect(byName.map((x) => x.registrationId)).toEqual([p.id]);
    expect(
      (await desk().search({ eventId: f.eventId, query: 'Ketels Chris' })).map((x) => x.registrationId),
    ).toEqual([p.id]);
    expect(
      (await desk().search({ eventId: f.eventId, query: p.reference.toLowerCase() })).map(
        (x) => x.registrationId,
      ),
    ).toEqual([p.id]);
    expect(
      (await desk().search({ eventId: f.eventId, query: p.email })).map((x) => x.registrationId),
    ).toEqual([p.id]);
    expect(
      (await desk().search({ eventId: f.eventId, query: 'harvard' })).map((x) => x.registrationId),
    ).toEqual([p.id]);
    expect((await desk().search({ eventId: f.eventId, query: '홍길' })).map((x) => x.localName)).toEqual([
      '홍길동',
    ]);
    // LIKE wildcards are searched for literally.
    expect(await desk().search({ eventId: f.eventId, query: '%' })).toEqual([]);
    for (let i = 0; i < 22; i++) {
      await addRegistration(h, {
        eventId: f.eventId,
        categoryId: f.categories.government,
        givenName: 'Many',
        familyName: `Person${String(i).padStart(2, '0')}`,
      });
    }
    const many = await desk().search({ eventId: f.eventId, query: 'Many' });
    expect(many).toHaveLength(20);
    expect(many[0]?.familyName).toBe('Person00');
  });

  it('checks in once when two desks scan the same ticket at the same time', async () => {
    const p = await addRegistration(h, {
      eventId: f.eventId,
      categoryId: f.categories.government,
      givenName: 'Twice',
      familyName: 'Scanned',
    });
    const results = await Promise.all([
      desk().scan({ eventId: f.eventId, ticketCode: p.ticketCode }),
      h.caller(f.owner).checkIn.scan({ eventId: f.eventId, ticketCode: p.ticketCode }),
    ]);
    expect(results.filter((r) => r.checkedInNow)).toHaveLength(1);
    const audits = await h.runtime.db
      .select({ id: schema.auditLog.id })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.objectId, p.id));
    expect(audits).toHaveLength(1);
  });
});
