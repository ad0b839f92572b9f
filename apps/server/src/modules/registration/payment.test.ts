import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, schema } from '@plenary/db';
import { DomainError, type Actor } from '@plenary/contracts';
import { createHarness, errorOf, type TestHarness } from '../../testing/harness';
import { participant, registrationEvent } from '../../testing/registration-fixtures';
import { expireLapsedPlaces } from './promotion';

/**
 * A fee category's registration waits for payment (issue 8, item 10): it holds
 * its place until the organiser's deadline, is released by the expiry job like
 * a lapsed offer, and gets its ticket only when staff mark it paid or waived.
 */
let h: TestHarness;
let admin: Actor;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
});
afterAll(() => h.close());

const DAY = 24 * 3_600_000;

async function domainErrorOf(p: Promise<unknown>) {
  const err = await errorOf(p);
  return { code: err.cause instanceof DomainError ? err.cause.code : null, message: err.message };
}

async function lastMailTo(email: string) {
  const [mail] = await h.runtime.db
    .select()
    .from(schema.mailOutbox)
    .where(eq(schema.mailOutbox.toAddress, email))
    .orderBy(desc(schema.mailOutbox.createdAt), desc(schema.mailOutbox.id))
    .limit(1);
  if (!mail) throw new Error(`no mail to ${email}`);
  return { template: mail.template, text: mail.textBody, token: /\/r\/([\w-]+)/.exec(mail.textBody)?.[1] ?? null };
}

async function feeEvent(slug: string) {
  const e = await registrationEvent(h, admin, {
    slug,
    categories: [{ code: 'LARGE', capacity: 1, feeAmount: 300_000 }],
  });
  await h.caller(admin).registrationSetup.updateSettings({
    eventId: e.eventId,
    paymentDueDays: 3,
    paymentInstructions: {
      en: 'Bank transfer to IBK 123-456789-01-012 (KICOX)',
      ko: 'IBK기업은행 123-456789-01-012 (한국산업단지공단)으로 송금',
    },
  });
  const register = async (email: string) => {
    const r = await h.caller(null).portalRegistration.register({
      eventId: e.eventId,
      categoryId: e.categories.LARGE!,
      participant: participant({ email }),
    });
    const token = (await lastMailTo(email)).token!;
    // A confirmed address: the 30-minute hold of unverified registrations is another rule.
    await h.caller(null, {}, { linkToken: token }).myRegistration.verifyEmail();
    return { ...r, token };
  };
  return { ...e, register };
}

describe('a fee category waits for payment (item 10)', () => {
  it('holds the place while payment is due, with instructions and no ticket', async () => {
    const e = await feeEvent('fee-hold');
    const a = await e.register('a@fee.example');
    expect(a.status).toBe('awaiting_payment');
    const b = await e.register('b@fee.example');
    expect(b.status).toBe('waitlisted');

    const view = await h.caller(null, {}, { linkToken: a.token }).myRegistration.get();
    expect(view.status).toBe('awaiting_payment');
    expect(view.ticketCode).toBeNull();
    expect(view.payment).toEqual({
      dueAt: new Date(Date.parse(view.payment!.dueAt)).toISOString(),
      reference: view.reference,
      instructions: {
        en: 'Bank transfer to IBK 123-456789-01-012 (KICOX)',
        ko: 'IBK기업은행 123-456789-01-012 (한국산업단지공단)으로 송금',
      },
    });
    const [row] = await h.runtime.db.select().from(schema.registrations).where(eq(schema.registrations.id, a.id));
    expect(row!.paymentDueAt!.getTime() - row!.createdAt.getTime()).toBeGreaterThanOrEqual(3 * DAY - 1000);
    expect(row!.paymentDueAt!.getTime() - row!.createdAt.getTime()).toBeLessThanOrEqual(3 * DAY + 60_000);

    const mail = await lastMailTo('a@fee.example');
    expect(mail.template).toBe('registration.payment');
    expect(mail.text).toContain('Bank transfer to IBK 123-456789-01-012 (KICOX)');
    expect(mail.text).toContain(view.reference);

    // The desk does not check in a registration that has not paid.
    const desk = await domainErrorOf(h.caller(admin).checkIn.checkIn({ eventId: e.eventId, registrationId: a.id }));
    expect(desk.code).toBe('INVALID_STATE');
  });

  it('releases the place after the deadline, like a lapsed offer', async () => {
    const e = await feeEvent('fee-lapse');
    const a = await e.register('a@lapse.example');
    const b = await e.register('b@lapse.example');
    expect([a.status, b.status]).toEqual(['awaiting_payment', 'waitlisted']);
    h.advanceClock(3 * DAY - 60_000);
    await expireLapsedPlaces(h.runtime, [e.eventId]);
    const before = await h.caller(admin).registrations.get({ eventId: e.eventId, registrationId: a.id });
    expect(before.status).toBe('awaiting_payment');
    h.advanceClock(2 * 60_000);
    expect(await expireLapsedPlaces(h.runtime, [e.eventId])).toBe(1);
    const after = await h.caller(admin).registrations.get({ eventId: e.eventId, registrationId: a.id });
    expect([after.status, after.statusReason]).toEqual(['cancelled', 'Payment was not received by the deadline']);
    const next = await h.caller(admin).registrations.get({ eventId: e.eventId, registrationId: b.id });
    expect(next.status).toBe('offered');
  });

  it('gives the ticket only when staff mark it paid or waived, audited', async () => {
    const e = await feeEvent('fee-paid');
    const a = await e.register('a@paid.example');
    const paid = await h.caller(admin).registrations.setPayment({
      eventId: e.eventId,
      registrationId: a.id,
      paymentStatus: 'paid',
      paymentReference: 'IBK 2015-10-01 #88',
    });
    expect([paid.status, paid.paymentStatus]).toEqual(['confirmed', 'paid']);
    const view = await h.caller(null, {}, { linkToken: a.token }).myRegistration.get();
    expect(view.ticketCode).not.toBeNull();
    expect(view.payment).toBeNull();
    const audits = await h.runtime.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.objectId, a.id))
      .orderBy(schema.auditLog.id);
    expect(audits.map((x) => x.action).slice(-2)).toEqual(['registration.payment', 'registration.paymentConfirmed']);
    expect((await lastMailTo('a@paid.example')).template).toBe('registration.confirmed');

    const w = await e.register('w@paid.example');
    expect(w.status).toBe('waitlisted');
  });

  it('a waived fee confirms too', async () => {
    const e = await feeEvent('fee-waived');
    const a = await e.register('a@waived.example');
    const waived = await h.caller(admin).registrations.setPayment({
      eventId: e.eventId,
      registrationId: a.id,
      paymentStatus: 'waived',
      paymentReference: null,
    });
    expect(waived.status).toBe('confirmed');
  });

  // Item 4 of the open list: a payment marked after the deadline (before the expiry job has
  // released the place) is accepted when the place is still free, checked under the locks.
  it('a payment marked after the deadline is accepted while a place is free', async () => {
    const f = await feeEvent('fee-late');
    const late = await f.register('late@fee.example');
    h.advanceClock(4 * DAY);
    const paid = await h.caller(admin).registrations.setPayment({
      eventId: f.eventId,
      registrationId: late.id,
      paymentStatus: 'paid',
      paymentReference: 'IBK 0042',
    });
    expect([paid.status, paid.paymentStatus, paid.paymentReference]).toEqual(['confirmed', 'paid', 'IBK 0042']);
    const audits = await h.runtime.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.objectId, late.id))
      .orderBy(schema.auditLog.id);
    expect(audits.map((x) => x.action).slice(-2)).toEqual(['registration.payment', 'registration.paymentConfirmed']);
  });

  it('a payment marked after the deadline is refused when the place has gone to someone else', async () => {
    const f = await feeEvent('fee-late-full');
    const late = await f.register('late@full.example');
    h.advanceClock(4 * DAY);
    // The lapsed place no longer counts: the next registrant takes it.
    const next = await f.register('next@full.example');
    expect(next.status).toBe('awaiting_payment');
    const err = await domainErrorOf(
      h.caller(admin).registrations.setPayment({
        eventId: f.eventId,
        registrationId: late.id,
        paymentStatus: 'paid',
        paymentReference: null,
      }),
    );
    expect([err.code, err.message]).toEqual([
      'INVALID_STATE',
      'The payment deadline has passed and no place is free now: the payment was not recorded',
    ]);
    const [row] = await h.runtime.db.select().from(schema.registrations).where(eq(schema.registrations.id, late.id));
    expect([row!.status, row!.paymentStatus]).toEqual(['awaiting_payment', 'unpaid']);
  });
});
