import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, schema } from '@plenary/db';
import type { Actor } from '@plenary/contracts';
import { createHarness, errorOf, type TestHarness } from '../../testing/harness';
import { participant, registrationEvent } from '../../testing/registration-fixtures';

/** Options that overlap in time, or share an "at most one of" group, are never held together. */

let h: TestHarness;
let admin: Actor;
let e: Awaited<ReturnType<typeof registrationEvent>>;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
  e = await registrationEvent(h, admin, {
    slug: 'tours-overlap',
    categories: [{ code: 'SME' }],
    options: [
      { code: 'ULSAN', capacity: 1 },
      { code: 'TECHNOPOLIS' },
      { code: 'GUMI' },
      { code: 'POHANG' },
      { code: 'DINNER' },
    ],
  });
  await h.runtime.db
    .update(schema.registrationSettings)
    .set({ editableFields: ['options'] })
    .where(eq(schema.registrationSettings.eventId, e.eventId));
  // Times as staff enter them, in the event's zone (Asia/Seoul).
  const times: Record<string, [string, string, string | null]> = {
    ULSAN: ['2015-11-05T07:30:00+09:00', '2015-11-05T17:00:00+09:00', null],
    TECHNOPOLIS: ['2015-11-05T09:00:00+09:00', '2015-11-05T13:00:00+09:00', null],
    GUMI: ['2015-11-06T08:30:00+09:00', '2015-11-06T12:00:00+09:00', 'tours'],
    POHANG: ['2015-11-06T14:00:00+09:00', '2015-11-06T18:00:00+09:00', 'tours'],
    DINNER: ['2015-11-05T17:00:00+09:00', '2015-11-05T21:00:00+09:00', null],
  };
  for (const [code, [startsAt, endsAt, exclusiveGroup]] of Object.entries(times)) {
    await h.caller(admin).registrationSetup.updateOption({
      eventId: e.eventId,
      optionId: e.options[code]!,
      startsAt,
      endsAt,
      exclusiveGroup,
      label: { en: code.charAt(0) + code.slice(1).toLowerCase() },
    });
  }
});
afterAll(() => h.close());

const register = (optionIds: string[]) =>
  h.caller(null).portalRegistration.register({
    eventId: e.eventId,
    categoryId: e.categories.SME!,
    participant: participant(),
    optionIds,
  });

async function tokenOf(email: string): Promise<string> {
  const [mail] = await h.runtime.db
    .select()
    .from(schema.mailOutbox)
    .where(eq(schema.mailOutbox.toAddress, email))
    .orderBy(desc(schema.mailOutbox.createdAt))
    .limit(1);
  return /\/r\/([\w-]+)/.exec(mail?.textBody ?? '')?.[1] ?? '';
}

const choicesOf = async (registrationId: string) =>
  (
    await h.runtime.db
      .select({ optionId: schema.registrationChoices.optionId })
      .from(schema.registrationChoices)
      .where(eq(schema.registrationChoices.registrationId, registrationId))
  ).length;

describe('options that cannot be held together', () => {
  it('refuses overlapping tours at registration, booked or waiting, and writes nothing', async () => {
    // The first takes Ulsan's one seat: the next Ulsan choice would be a waiting place.
    await register([e.options.ULSAN!]);
    const err = await errorOf(register([e.options.ULSAN!, e.options.TECHNOPOLIS!]));
    expect([err.code, err.message]).toEqual([
      'BAD_REQUEST',
      'Ulsan and Technopolis take place at the same time: choose one',
    ]);
    const group = await errorOf(register([e.options.GUMI!, e.options.POHANG!]));
    expect(group.message).toBe('Choose at most one of Gumi and Pohang');
    const ok = await register([e.options.TECHNOPOLIS!, e.options.DINNER!, e.options.GUMI!]);
    expect(ok.options.map((o) => o.status)).toEqual(['booked', 'booked', 'booked']);
  });

  it('refuses the same on the participant’s own option change, keeping the options they had', async () => {
    const p = participant();
    const r = await h.caller(null).portalRegistration.register({
      eventId: e.eventId,
      categoryId: e.categories.SME!,
      participant: p,
      optionIds: [e.options.GUMI!],
    });
    const me = h.caller(null, {}, { linkToken: await tokenOf(p.email) });
    const err = await errorOf(me.myRegistration.update({ optionIds: [e.options.GUMI!, e.options.POHANG!] }));
    expect([err.code, err.message]).toEqual(['BAD_REQUEST', 'Choose at most one of Gumi and Pohang']);
    expect(await choicesOf(r.id)).toBe(1);
    const view = await me.myRegistration.update({ optionIds: [e.options.POHANG!, e.options.DINNER!] });
    expect(view.options.map((o) => o.code).sort()).toEqual(['DINNER', 'POHANG']);
  });

  it('refuses an option that ends before it starts, naming the field', async () => {
    const err = await errorOf(
      h.caller(admin).registrationSetup.updateOption({
        eventId: e.eventId,
        optionId: e.options.DINNER!,
        endsAt: '2015-11-05T16:00:00+09:00',
      }),
    );
    expect(err.code).toBe('BAD_REQUEST');
  });
});
