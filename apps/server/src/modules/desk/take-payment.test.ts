import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, schema } from '@plenary/db';
import { DomainError, type Actor } from '@plenary/contracts';
import { createHarness, errorOf, type TestHarness } from '../../testing/harness';
import { participant, registrationEvent } from '../../testing/registration-fixtures';
import { insertMember } from '../team/team.repo';

/**
 * The desk takes a fee's payment at check-in (reg8, item 5): recorded as paid with the
 * amount and method in the audit, the registration confirmed, the person checked in.
 */
let h: TestHarness;
let admin: Actor;
let staff: Actor;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
  staff = await h.signUp('desk@plenary.test');
});
afterAll(() => h.close());

const DAY = 24 * 3_600_000;

async function tokenOf(email: string) {
  const [mail] = await h.runtime.db
    .select({ text: schema.mailOutbox.textBody })
    .from(schema.mailOutbox)
    .where(eq(schema.mailOutbox.toAddress, email))
    .orderBy(desc(schema.mailOutbox.createdAt), desc(schema.mailOutbox.id))
    .limit(1);
  return /\/r\/([\w-]+)/.exec(mail!.text)?.[1] ?? '';
}

async function feeEvent(slug: string) {
  const e = await registrationEvent(h, admin, {
    slug,
    categories: [
      { code: 'LARGE', capacity: 1, feeAmount: 300_000 },
      { code: 'FREE', capacity: 5 },
    ],
  });
  await insertMember(h.runtime.db, { eventId: e.eventId, userId: staff.userId, role: 'staff' });
  const register = async (email: string, category = 'LARGE') => {
    const r = await h.caller(null).portalRegistration.register({
      eventId: e.eventId,
      categoryId: e.categories[category]!,
      participant: participant({ email }),
    });
    await h.caller(null, {}, { linkToken: await tokenOf(email) }).myRegistration.verifyEmail();
    return r;
  };
  return { ...e, register };
}

const domainKey = async (p: Promise<unknown>) => {
  const err = await errorOf(p);
  return err.cause instanceof DomainError ? [err.cause.code, err.cause.messageKey] : [err.message];
};

describe('taking a payment at the desk', () => {
  it('records it with amount and method, confirms and checks in', async () => {
    const e = await feeEvent('desk-pay');
    const a = await e.register('a@deskpay.example');
    expect(a.status).toBe('awaiting_payment');
    const result = await h.caller(staff).checkIn.takePayment({
      eventId: e.eventId,
      registrationId: a.id,
      amount: 300_000,
      method: 'card',
      reference: 'SLIP-0007',
    });
    expect(result.checkedInNow).toBe(true);
    expect(result.warnings).toEqual([]);
    expect([result.person?.status, result.person?.paymentStatus]).toEqual(['confirmed', 'paid']);
    const [entry] = await h.runtime.db
      .select({ diff: schema.auditLog.diff })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.objectId, a.id), eq(schema.auditLog.action, 'registration.deskPayment')));
    expect(entry?.diff).toEqual({
      paymentStatus: { before: 'unpaid', after: 'paid' },
      paymentReference: { before: null, after: 'SLIP-0007' },
      amount: { before: null, after: 300_000 },
      method: { before: null, after: 'card' },
    });
    const [row] = await h.runtime.db
      .select()
      .from(schema.registrations)
      .where(eq(schema.registrations.id, a.id));
    expect([row!.status, row!.paymentStatus, row!.paymentReference, row!.checkedInAt !== null]).toEqual([
      'confirmed',
      'paid',
      'SLIP-0007',
      true,
    ]);
  });

  it('may record the payment without checking in', async () => {
    const e = await feeEvent('desk-pay-only');
    const a = await e.register('a@payonly.example');
    const result = await h.caller(staff).checkIn.takePayment({
      eventId: e.eventId,
      registrationId: a.id,
      amount: 300_000,
      method: 'cash',
      reference: null,
      checkIn: false,
    });
    expect([result.checkedInNow, result.person?.status, result.person?.checkedInAt]).toEqual([
      false,
      'confirmed',
      null,
    ]);
  });

  it('refuses a category without a fee, and a late payment when the place has gone', async () => {
    const e = await feeEvent('desk-pay-refused');
    const free = await e.register('free@refused.example', 'FREE');
    expect(
      await domainKey(
        h
          .caller(staff)
          .checkIn.takePayment({
            eventId: e.eventId,
            registrationId: free.id,
            amount: 1,
            method: 'cash',
            reference: null,
          }),
      ),
    ).toEqual(['INVALID_STATE', 'categoryHasNoFee']);
    const late = await e.register('late@refused.example');
    h.advanceClock(8 * DAY);
    await e.register('next@refused.example');
    expect(
      await domainKey(
        h
          .caller(staff)
          .checkIn.takePayment({
            eventId: e.eventId,
            registrationId: late.id,
            amount: 300_000,
            method: 'cash',
            reference: null,
          }),
      ),
    ).toEqual(['INVALID_STATE', 'paymentLateNoPlace']);
    const [row] = await h.runtime.db
      .select()
      .from(schema.registrations)
      .where(eq(schema.registrations.id, late.id));
    expect([row!.status, row!.paymentStatus, row!.checkedInAt]).toEqual(['awaiting_payment', 'unpaid', null]);
  });
});
