import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, schema } from '@plenary/db';
import { DomainError, type Actor } from '@plenary/contracts';
import { createHarness, errorOf, tciEvent, type AppCaller, type TestHarness } from '../../../testing/harness';
import { insertCategory, insertRegistration } from './fixtures';

let h: TestHarness;
let api: AppCaller;
let eventId: string;
let otherEventId: string;
let gov: string;
let uni: string;

beforeAll(async () => {
  h = await createHarness();
  const admin: Actor = await h.signUp('admin@kicox.example', { platformAdmin: true });
  api = h.caller(admin);
  eventId = (await api.events.create(tciEvent)).id;
  otherEventId = (await api.events.create({ ...tciEvent, slug: 'tci-2016' })).id;
  gov = await insertCategory(h.runtime.db, eventId, 'GOV', { capacity: 100, position: 1 });
  uni = await insertCategory(h.runtime.db, eventId, 'UNI', { position: 2, colour: '#22aa55' });
  await h.runtime.db.insert(schema.registrationSettings).values({
    eventId,
    questions: [
      {
        id: 'interest',
        type: 'singleChoice',
        label: { en: 'Interest' },
        choices: [
          { value: 'policy', label: { en: 'Policy' } },
          { value: 'business', label: { en: 'Business' } },
        ],
      },
      {
        id: 'policy_detail',
        type: 'text',
        label: { en: 'Which area?' },
        required: true,
        showIf: { questionId: 'interest', equals: 'policy' },
      },
    ],
  });
});
afterAll(() => h.close());

async function domainErrorOf(p: Promise<unknown>) {
  const err = await errorOf(p);
  const cause = err.cause instanceof DomainError ? err.cause : null;
  return { code: cause?.code, message: err.message, fieldErrors: cause?.fieldErrors };
}

describe('a registration in detail, and staff edits', () => {
  it('edits fields and answers, audits before and after, and shows it in the history', async () => {
    const id = await insertRegistration(h.runtime.db, eventId, gov, {
      email: 'minjun@kicox.example',
      phone: '+82 10 1234 5678',
    });
    const updated = await api.registrations.update({
      eventId,
      registrationId: id,
      participant: { organisation: 'Daegu Technopark', localName: '김민준', phone: '' },
      answers: { interest: 'business', policy_detail: 'dropped: the question is hidden' },
    });
    expect(updated).toMatchObject({
      organisation: 'Daegu Technopark',
      localName: '김민준',
      phone: null,
      answers: { interest: 'business' },
      givenName: 'Minjun',
    });
    const detail = await api.registrations.get({ eventId, registrationId: id });
    expect(detail.organisation).toBe('Daegu Technopark');
    expect(detail.history).toEqual([
      {
        at: expect.any(String) as string,
        actorLabel: 'admin@kicox.example',
        action: 'registration.update',
        diff: {
          organisation: { before: 'KICOX', after: 'Daegu Technopark' },
          localName: { before: null, after: '김민준' },
          phone: { before: '+82 10 1234 5678', after: null },
          answers: { before: {}, after: { interest: 'business' } },
        },
      },
    ]);
  });

  it('writes nothing and records nothing when nothing changes', async () => {
    const id = await insertRegistration(h.runtime.db, eventId, gov);
    await api.registrations.update({ eventId, registrationId: id, participant: { organisation: 'KICOX' } });
    expect((await api.registrations.get({ eventId, registrationId: id })).history).toEqual([]);
  });

  it('checks answers against the form, naming the field', async () => {
    const id = await insertRegistration(h.runtime.db, eventId, gov);
    expect(
      await domainErrorOf(
        api.registrations.update({
          eventId,
          registrationId: id,
          participant: {},
          answers: { interest: 'policy' },
        }),
      ),
    ).toEqual({
      code: 'INVALID_INPUT',
      message: 'Some answers do not fit the form',
      fieldErrors: { 'answers.policy_detail': ['Required'] },
    });
  });

  it('refuses an email another live registration of the event uses, with a 409', async () => {
    await insertRegistration(h.runtime.db, eventId, gov, { email: 'taken@kicox.example' });
    const id = await insertRegistration(h.runtime.db, eventId, gov);
    const err = await errorOf(
      api.registrations.update({
        eventId,
        registrationId: id,
        participant: { email: 'Taken@KICOX.example' },
      }),
    );
    expect(err.code).toBe('CONFLICT');
  });

  it('does not find a registration of another event', async () => {
    const other = await insertRegistration(
      h.runtime.db,
      otherEventId,
      await insertCategory(h.runtime.db, otherEventId, 'GOV'),
    );
    expect((await errorOf(api.registrations.get({ eventId, registrationId: other }))).code).toBe('NOT_FOUND');
    expect(
      (
        await errorOf(
          api.registrations.update({ eventId, registrationId: other, participant: { organisation: 'X' } }),
        )
      ).code,
    ).toBe('NOT_FOUND');
  });
});

describe('bulk email', () => {
  it('queues one message per registration of the event, skips the rest, and audits once', async () => {
    const a = await insertRegistration(h.runtime.db, eventId, gov, { email: 'a@bulk.example' });
    const b = await insertRegistration(h.runtime.db, eventId, uni, { email: 'b@bulk.example' });
    const foreign = await insertRegistration(
      h.runtime.db,
      otherEventId,
      await insertCategory(h.runtime.db, otherEventId, 'UNI'),
    );
    const outcome = await api.registrations.emailMany({
      eventId,
      registrationIds: [a, b, a, foreign],
      subject: 'Shuttle times',
      body: 'The shuttle leaves EXCO at 18:00.',
    });
    expect(outcome).toEqual({
      changed: 2,
      skipped: [{ id: foreign, reason: 'Not a registration of this event' }],
    });
    const mails = await h.runtime.db
      .select({
        to: schema.mailOutbox.toAddress,
        subject: schema.mailOutbox.subject,
        text: schema.mailOutbox.textBody,
      })
      .from(schema.mailOutbox)
      .where(eq(schema.mailOutbox.template, 'registrationBulk'));
    expect(mails.sort((x, y) => x.to.localeCompare(y.to))).toEqual([
      { to: 'a@bulk.example', subject: 'Shuttle times', text: 'The shuttle leaves EXCO at 18:00.' },
      { to: 'b@bulk.example', subject: 'Shuttle times', text: 'The shuttle leaves EXCO at 18:00.' },
    ]);
    const log = await api.audit.list({ eventId, action: 'registration.emailMany' });
    expect(log.entries.map((e) => [e.objectType, e.diff])).toEqual([
      [
        'event',
        { subject: { before: null, after: 'Shuttle times' }, recipients: { before: null, after: 2 } },
      ],
    ]);
  });
});
