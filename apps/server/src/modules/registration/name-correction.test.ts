import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, schema } from '@plenary/db';
import { DomainError, type Actor } from '@plenary/contracts';
import { createHarness, errorOf, type TestHarness } from '../../testing/harness';
import { participant, registrationEvent } from '../../testing/registration-fixtures';

/**
 * Issue 8, item 13 (the rest): a participant corrects their name on their own page
 * until the cutoff staff set (none by default), audited; after it the page says why not.
 */
let h: TestHarness;
let admin: Actor;
let e: Awaited<ReturnType<typeof registrationEvent>>;
let token: string;
let registrationId: string;
let personId: string;

const asParticipant = () => h.caller(null, {}, { linkToken: token });

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
  e = await registrationEvent(h, admin, { slug: 'names', categories: [{ code: 'SME' }] });
  const receipt = await h.caller(null).portalRegistration.register({
    eventId: e.eventId,
    categoryId: e.categories.SME!,
    participant: participant({ email: 'gildong@names.example', givenName: 'Gildong', familyName: 'Hong' }),
  });
  registrationId = receipt.id;
  const [mail] = await h.runtime.db
    .select({ text: schema.mailOutbox.textBody })
    .from(schema.mailOutbox)
    .where(eq(schema.mailOutbox.toAddress, 'gildong@names.example'))
    .orderBy(desc(schema.mailOutbox.createdAt))
    .limit(1);
  token = /\/r\/([\w-]+)/.exec(mail!.text)![1]!;
  const [row] = await h.runtime.db
    .select({ personId: schema.registrations.personId })
    .from(schema.registrations)
    .where(eq(schema.registrations.id, registrationId));
  personId = row!.personId;
});
afterAll(() => h.close());

const setCutoff = (at: Date | null) =>
  h.caller(admin).registrationSetup.updateSettings({
    eventId: e.eventId,
    nameCorrectionUntil: at?.toISOString() ?? null,
  });

describe('name correction by the participant (item 13)', () => {
  it('is closed by default, and the page and the refusal say why', async () => {
    const page = await asParticipant().myRegistration.get();
    expect(page.nameCorrection).toEqual({ open: false, until: null });
    const err = await errorOf(
      asParticipant().myRegistration.correctName({ givenName: 'Gil-dong', familyName: 'Hong', localName: '홍길동' }),
    );
    expect(err.cause instanceof DomainError ? [err.cause.code, err.cause.messageKey, err.cause.fieldErrors] : null).toEqual([
      'FORBIDDEN',
      'nameCorrectionClosed',
      { givenName: ['The name can no longer be corrected here: ask the organiser'] },
    ]);
  });

  it('corrects the name on the person until the cutoff, audited with before and after', async () => {
    const until = new Date(h.runtime.now().getTime() + 3_600_000);
    expect((await setCutoff(until)).nameCorrectionUntil).toBe(until.toISOString());
    expect((await asParticipant().myRegistration.get()).nameCorrection).toEqual({
      open: true,
      until: until.toISOString(),
    });
    const page = await asParticipant().myRegistration.correctName({
      givenName: 'Gil-dong',
      familyName: 'Hong',
      localName: '홍길동',
    });
    expect([page.participant.givenName, page.participant.familyName, page.participant.localName]).toEqual([
      'Gil-dong',
      'Hong',
      '홍길동',
    ]);
    const [person] = await h.runtime.db
      .select({ given: schema.persons.givenName, local: schema.persons.localName })
      .from(schema.persons)
      .where(eq(schema.persons.id, personId));
    expect(person).toEqual({ given: 'Gil-dong', local: '홍길동' });
    const audit = await h.runtime.db
      .select({ action: schema.auditLog.action, kind: schema.auditLog.actorKind, diff: schema.auditLog.diff })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.objectId, registrationId));
    expect(audit.filter((a) => a.action === 'registration.correctName')).toEqual([
      {
        action: 'registration.correctName',
        kind: 'participant',
        diff: { givenName: { before: 'Gildong', after: 'Gil-dong' }, localName: { before: null, after: '홍길동' } },
      },
    ]);
  });

  it('refuses Hangul as the passport name', async () => {
    const err = await errorOf(asParticipant().myRegistration.correctName({ givenName: '길동', familyName: 'Hong' }));
    expect(err.code).toBe('BAD_REQUEST');
  });

  it('is closed after the cutoff', async () => {
    h.advanceClock(2 * 3_600_000);
    expect((await asParticipant().myRegistration.get()).nameCorrection.open).toBe(false);
    const err = await errorOf(asParticipant().myRegistration.correctName({ givenName: 'Kildong', familyName: 'Hong' }));
    expect(err.cause instanceof DomainError ? err.cause.messageKey : null).toBe('nameCorrectionClosed');
    const [person] = await h.runtime.db
      .select({ given: schema.persons.givenName })
      .from(schema.persons)
      .where(eq(schema.persons.id, personId));
    expect(person!.given).toBe('Gil-dong');
  });
});
