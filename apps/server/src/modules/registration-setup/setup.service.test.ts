import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { DomainError, zodFieldErrors, type Actor } from '@plenary/contracts';
import { createHarness, errorOf, tciEvent, type AppCaller, type TestHarness } from '../../testing/harness';
import { addRegistration, governmentCategory } from './setup.fixtures';

let h: TestHarness;
let admin: Actor;
let api: AppCaller;
let eventId: string;
let otherEventId: string;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('admin@kicox.example', { platformAdmin: true });
  api = h.caller(admin);
  eventId = (await api.events.create(tciEvent)).id;
  otherEventId = (await api.events.create({ ...tciEvent, slug: 'tci-2016' })).id;
});
afterAll(() => h.close());

async function domainErrorOf(p: Promise<unknown>) {
  const err = await errorOf(p);
  const cause = err.cause instanceof DomainError ? err.cause : null;
  return { code: cause?.code, message: err.message, fieldErrors: cause?.fieldErrors };
}

const interests = {
  id: 'interest',
  type: 'singleChoice' as const,
  label: { ko: '관심 분야', en: 'Field of interest' },
  choices: [
    { value: 'policy', label: { en: 'Cluster policy' } },
    { value: 'business', label: { en: 'Business models' } },
  ],
};
const policyDetail = {
  id: 'policy_detail',
  type: 'text' as const,
  label: { en: 'Which policy area?' },
  required: true,
  showIf: { questionId: 'interest', equals: 'policy' },
};

describe('settings', () => {
  it('gives the defaults before anything is saved', async () => {
    expect(await api.registrationSetup.settings({ eventId })).toEqual({
      eventId,
      capacity: null,
      offerHours: 48,
      editableFields: ['phone', 'dietary', 'accessibility', 'jobTitle'],
      allowSelfCancel: true,
      visaPurgeDays: 30,
      visaLettersEnabled: true,
      letterhead: {},
      paymentDueDays: 7,
      paymentInstructions: {},
      standardFields: {},
      questions: [],
      nameCorrectionUntil: null,
    });
  });

  it('creates the row on first write, keeps what was not sent, and records the change', async () => {
    const saved = await api.registrationSetup.updateSettings({
      eventId,
      capacity: 600,
      offerHours: 24,
      letterhead: { organiser: { ko: '한국산업단지공단', en: 'KICOX' }, signatoryName: 'Kim Gyeong-su' },
    });
    expect([saved.capacity, saved.offerHours, saved.allowSelfCancel, saved.letterhead]).toEqual([
      600,
      24,
      true,
      { organiser: { ko: '한국산업단지공단', en: 'KICOX' }, signatoryName: 'Kim Gyeong-su' },
    ]);
    const again = await api.registrationSetup.updateSettings({ eventId, allowSelfCancel: false });
    expect([again.capacity, again.offerHours, again.allowSelfCancel]).toEqual([600, 24, false]);
    expect(await api.registrationSetup.settings({ eventId })).toEqual(again);
    const log = await api.audit.list({ eventId, objectType: 'registrationSettings' });
    expect(log.entries.map((e) => [e.action, e.objectId, e.diff])).toEqual([
      ['registrationSettings.update', eventId, { allowSelfCancel: { before: true, after: false } }],
      [
        'registrationSettings.update',
        eventId,
        {
          capacity: { before: null, after: 600 },
          offerHours: { before: 48, after: 24 },
          letterhead: {
            before: {},
            after: { organiser: { ko: '한국산업단지공단', en: 'KICOX' }, signatoryName: 'Kim Gyeong-su' },
          },
        },
      ],
    ]);
  });

  it('refuses an event capacity below the places taken', async () => {
    const c = await api.registrationSetup.createCategory({ eventId, ...governmentCategory });
    await addRegistration(h, { eventId, categoryId: c.id, status: 'confirmed' });
    await addRegistration(h, { eventId, categoryId: c.id, status: 'pending' });
    const err = await domainErrorOf(api.registrationSetup.updateSettings({ eventId, capacity: 1 }));
    expect(err).toEqual({
      code: 'INVALID_INPUT',
      message: '2 places are already taken in the event; the capacity cannot be lower than 2',
      fieldErrors: {
        capacity: ['2 places are already taken in the event; the capacity cannot be lower than 2'],
      },
    });
    expect((await api.registrationSetup.settings({ eventId })).capacity).toBe(600);
  });
});

describe('form', () => {
  it('saves standard fields and questions, filling the question defaults', async () => {
    const saved = await api.registrationSetup.updateForm({
      eventId,
      standardFields: { phone: { shown: true, required: true }, dietary: { shown: false, required: false } },
      questions: [interests, policyDetail],
    });
    expect(saved.standardFields).toEqual({
      phone: { shown: true, required: true },
      dietary: { shown: false, required: false },
    });
    expect(saved.questions).toEqual([
      { ...interests, help: {}, required: false, showIf: null },
      { ...policyDetail, help: {}, choices: [] },
    ]);
    expect(saved.capacity).toBe(600);
  });

  it('refuses a condition on a later question and a choice question with one choice', async () => {
    const err = await errorOf(
      api.registrationSetup.updateForm({
        eventId,
        standardFields: {},
        questions: [policyDetail, { ...interests, choices: interests.choices.slice(0, 1) }],
      }),
    );
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.cause instanceof ZodError ? zodFieldErrors(err.cause) : null).toEqual({
      'questions.0.showIf.questionId': ['A condition can only refer to an earlier question'],
      'questions.1.choices': ['A choice question needs at least two choices'],
    });
    expect((await api.registrationSetup.settings({ eventId })).questions.map((q) => q.id)).toEqual([
      'interest',
      'policy_detail',
    ]);
  });

  it('allows removing a question', async () => {
    const saved = await api.registrationSetup.updateForm({
      eventId,
      standardFields: {},
      questions: [interests],
    });
    expect(saved.questions.map((q) => q.id)).toEqual(['interest']);
    const log = await api.audit.list({ eventId, objectType: 'registrationSettings' });
    expect(log.entries.slice(0, 2).map((e) => e.action)).toEqual([
      'registrationSettings.updateForm',
      'registrationSettings.updateForm',
    ]);
  });
});

describe('invitation codes', () => {
  it('creates codes in upper case, counts live uses, and revokes once', async () => {
    const [category] = await api.registrationSetup.categories({ eventId });
    if (!category) throw new Error('no category');
    const code = await api.registrationSetup.createCode({
      eventId,
      code: 'gov-minister',
      categoryId: category.id,
      maxUses: 3,
      reservesPlaces: true,
      expiresAt: '2015-10-31T23:59:00+09:00',
      note: 'Ministry of Trade, Industry and Energy',
    });
    expect(code).toEqual({
      id: code.id,
      code: 'GOV-MINISTER',
      categoryId: category.id,
      reservesPlaces: true,
      maxUses: 3,
      used: 0,
      expiresAt: '2015-10-31T14:59:00.000Z',
      note: 'Ministry of Trade, Industry and Energy',
      revokedAt: null,
      createdAt: code.createdAt,
    });
    for (const status of ['confirmed', 'waitlisted', 'cancelled'] as const) {
      await addRegistration(h, { eventId, categoryId: category.id, status, invitationCodeId: code.id });
    }
    expect((await api.registrationSetup.codes({ eventId })).find((c) => c.id === code.id)?.used).toBe(2);

    const dup = await domainErrorOf(
      api.registrationSetup.createCode({
        eventId,
        code: 'GOV-minister',
        categoryId: category.id,
        maxUses: 1,
      }),
    );
    expect([dup.code, dup.fieldErrors]).toEqual([
      'CONFLICT',
      { code: ['This invitation code already exists in this event'] },
    ]);

    await api.registrationSetup.revokeCode({ eventId, codeId: code.id });
    h.advanceClock(60_000);
    await api.registrationSetup.revokeCode({ eventId, codeId: code.id });
    const revoked = (await api.registrationSetup.codes({ eventId })).find((c) => c.id === code.id);
    expect(typeof revoked?.revokedAt).toBe('string');
    const log = await api.audit.list({ eventId, objectType: 'invitationCode' });
    expect(log.entries.map((e) => e.action)).toEqual(['invitationCode.revoke', 'invitationCode.create']);
    expect(log.entries[0]?.diff).toEqual({ revokedAt: { before: null, after: revoked?.revokedAt } });
  });

  it("refuses another event's category and another event's code", async () => {
    const theirs = await api.registrationSetup.createCategory({
      eventId: otherEventId,
      code: 'THEIRS',
      label: { en: 'Theirs' },
    });
    const create = await domainErrorOf(
      api.registrationSetup.createCode({ eventId, code: 'SNEAKY', categoryId: theirs.id, maxUses: 1 }),
    );
    expect(create).toEqual({
      code: 'NOT_FOUND',
      message: 'This category was not found',
      // The object rule answers before the service: the same 404 as for a category that does not exist.
      fieldErrors: { categoryId: ['This category was not found'] },
    });
    const theirCode = await api.registrationSetup.createCode({
      eventId: otherEventId,
      code: 'THEIRS-1',
      categoryId: theirs.id,
      maxUses: 1,
    });
    const revoke = await domainErrorOf(api.registrationSetup.revokeCode({ eventId, codeId: theirCode.id }));
    expect(revoke.code).toBe('NOT_FOUND');
    expect((await api.registrationSetup.codes({ eventId: otherEventId }))[0]?.revokedAt).toBe(null);
    expect((await api.registrationSetup.codes({ eventId })).map((c) => c.code)).toEqual(['GOV-MINISTER']);
  });
});

describe('consent texts', () => {
  it('numbers versions per kind and marks the highest as current', async () => {
    const p1 = await api.registrationSetup.publishConsent({
      eventId,
      kind: 'privacy',
      text: { ko: '개인정보 수집 및 이용에 동의합니다.', en: 'I agree to the use of my personal data.' },
      required: true,
    });
    const p2 = await api.registrationSetup.publishConsent({
      eventId,
      kind: 'privacy',
      text: { en: 'I agree to the use of my personal data for the conference.' },
      required: true,
    });
    const photo = await api.registrationSetup.publishConsent({
      eventId,
      kind: 'photography',
      text: { en: 'I agree to be photographed.' },
      required: false,
    });
    expect([p1.version, p2.version, photo.version, p2.current]).toEqual([1, 2, 1, true]);
    await api.registrationSetup.publishConsent({
      eventId: otherEventId,
      kind: 'privacy',
      text: { en: 'Other event' },
      required: true,
    });
    const list = await api.registrationSetup.consents({ eventId });
    expect(list.map((c) => [c.kind, c.version, c.current, c.required])).toEqual([
      ['photography', 1, true, false],
      ['privacy', 2, true, true],
      ['privacy', 1, false, true],
    ]);
    expect(list[2]?.text).toEqual({
      ko: '개인정보 수집 및 이용에 동의합니다.',
      en: 'I agree to the use of my personal data.',
    });
    const log = await api.audit.list({ eventId, objectType: 'consent' });
    expect(log.entries.map((e) => [e.action, e.objectId])).toEqual([
      ['consent.publish', photo.id],
      ['consent.publish', p2.id],
      ['consent.publish', p1.id],
    ]);
  });
});
