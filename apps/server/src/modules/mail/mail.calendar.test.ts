import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, schema } from '@plenary/db';
import { createHarness, type TestHarness } from '../../testing/harness';
import { participant, registrationEvent } from '../../testing/registration-fixtures';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function lastMailTo(address: string) {
  const [mail] = await h.runtime.db
    .select()
    .from(schema.mailOutbox)
    .where(eq(schema.mailOutbox.toAddress, address))
    .orderBy(desc(schema.mailOutbox.createdAt))
    .limit(1);
  if (!mail) throw new Error(`no mail to ${address}`);
  return mail;
}

describe('the calendar file of a confirmation', () => {
  it('holds the event’s days and each booked option that has a time, not the ones without', async () => {
    const admin = await h.signUp('admin-ics@plenary.test', { platformAdmin: true });
    const e = await registrationEvent(h, admin, {
      slug: 'ics-tours',
      categories: [{ code: 'SME' }],
      options: [{ code: 'GUMI' }, { code: 'BAG' }],
    });
    await h.caller(admin).registrationSetup.updateOption({
      eventId: e.eventId,
      optionId: e.options.GUMI!,
      startsAt: '2015-11-06T08:30:00+09:00',
      endsAt: '2015-11-06T12:00:00+09:00',
      label: { en: 'Gumi cluster tour', ko: '구미 클러스터 투어' },
    });
    await h.caller(null).portalRegistration.register({
      eventId: e.eventId,
      categoryId: e.categories.SME!,
      participant: participant({ email: 'tour@example.org' }),
      optionIds: [e.options.GUMI!, e.options.BAG!],
      locale: 'en',
    });
    const verify = await lastMailTo('tour@example.org');
    expect(verify.attachments).toEqual([]);
    const token = /\/r\/([\w-]+)/.exec(verify.textBody)?.[1] ?? '';
    await h.caller(null, {}, { linkToken: token }).myRegistration.verifyEmail();

    const confirmed = await lastMailTo('tour@example.org');
    expect(confirmed.template).toBe('registration.confirmed');
    expect(confirmed.attachments.map((a) => a.filename)).toEqual(['event.ics']);
    const ics = confirmed.attachments[0]?.content ?? '';
    const events = ics.split('BEGIN:VEVENT').slice(1);
    expect(events.length).toBe(2);
    expect(events[1]).toContain('DTSTART:20151105T233000Z\r\nDTEND:20151106T030000Z');
    expect(events[1]).toContain('SUMMARY:Gumi cluster tour (');
  });
});
