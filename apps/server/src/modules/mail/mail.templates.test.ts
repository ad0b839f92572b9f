import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, type Actor } from '@plenary/contracts';
import { inTransaction } from '../../core/runtime';
import { createHarness, errorOf, tciEvent, type TestHarness } from '../../testing/harness';
import { mailParticipant } from '../registration/mails';
import { insertMember } from '../team/team.repo';
import { findMail, listMail } from './mail.repo';
import { mailKinds } from './templates';

let h: TestHarness;
let admin: Actor;
let owner: Actor;
let eventId: string;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('platform-mail@kicox.example', { platformAdmin: true });
  eventId = (await h.caller(admin).events.create(tciEvent)).id;
  owner = await h.signUp('owner-mail@kicox.example');
  await insertMember(h.runtime.db, { eventId, userId: owner.userId, role: 'owner' });
});
afterAll(() => h.close());

async function domainErrorOf(p: Promise<unknown>) {
  const err = await errorOf(p);
  const cause = err.cause instanceof DomainError ? err.cause : null;
  return { code: cause?.code, status: err.code, fieldErrors: cause?.fieldErrors };
}

const facts = {
  eventTitle: tciEvent.title,
  name: 'Anna Schmidt',
  reference: 'TCI-7KQ2',
  link: 'http://plenary.test/r/abc',
};

async function onlyMailTo(address: string) {
  const { rows } = await listMail(h.runtime.db, { to: address, limit: 10, offset: 0 });
  expect(rows.length).toBe(1);
  return rows[0]!;
}

describe("an event's own wording of its mails", () => {
  it('refuses an unknown placeholder or a helper, naming the field (400)', async () => {
    const api = h.caller(owner);
    const base = { eventId, kind: 'registration.confirmed', locale: 'en' as const };
    expect(
      await domainErrorOf(api.mail.saveOverride({ ...base, subject: 'Hi {{nmae}}', text: 'Dear {{name}}' })),
    ).toEqual({
      code: 'INVALID_INPUT',
      status: 'BAD_REQUEST',
      fieldErrors: { subject: ['Unknown placeholder {{nmae}}'] },
    });
    expect(
      await domainErrorOf(
        api.mail.saveOverride({
          ...base,
          subject: 'Hi',
          text: 'x',
          html: '<p>{{{link}}}</p> {{lookup name 1}}',
        }),
      ),
    ).toEqual({
      code: 'INVALID_INPUT',
      status: 'BAD_REQUEST',
      fieldErrors: { html: ['Unescaped {{{link}}} is not allowed in HTML'] },
    });
    expect(
      await domainErrorOf(
        api.mail.previewOverride({ ...base, kind: 'registration.nope', subject: 'a', text: 'b' }),
      ),
    ).toEqual({ code: 'INVALID_INPUT', status: 'BAD_REQUEST', fieldErrors: { kind: ['No such mail kind'] } });
  });

  it('previews, sends a test to the staff member only, and mails participants in the overridden language only', async () => {
    const api = h.caller(owner);
    const wording = {
      eventId,
      kind: 'registration.confirmed',
      locale: 'en' as const,
      subject: 'See you in Daegu, {{name}}',
      text: 'Dear {{name}},\n\nYou are in. We start on {{startsAt}}.\n\n{{link}}',
      html: '<p>Dear <b>{{name}}</b>, we start on {{startsAt}}.</p>',
    };
    const preview = await api.mail.previewOverride(wording);
    expect(preview.subject).toBe('See you in Daegu, Anna Schmidt');
    expect(preview.text).toBe(
      'Dear Anna Schmidt,\n\nYou are in. We start on 13 Oct 2026, 09:00 (Asia/Seoul).\n\nhttps://plenary.example/r/sample-token',
    );
    expect(preview.html).toContain(
      '<p>Dear <b>Anna Schmidt</b>, we start on 13 Oct 2026, 09:00 (Asia/Seoul).</p>',
    );

    const test = await api.mail.sendTestOverride(wording);
    expect(test.to).toBe('owner-mail@kicox.example');
    expect(await findMail(h.runtime.db, test.id)).toMatchObject({
      toAddress: 'owner-mail@kicox.example',
      subject: '[TEST] See you in Daegu, Anna Schmidt',
      template: 'test:registration.confirmed',
    });

    await api.mail.saveOverride(wording);
    const listed = (await api.mail.eventTemplates({ eventId })).templates.find(
      (t) => t.kind === 'registration.confirmed',
    );
    expect(listed?.overrides.en?.subject).toBe('See you in Daegu, {{name}}');
    expect(listed?.overrides.ko).toBeNull();

    await inTransaction(h.runtime, async (uow) => {
      await mailParticipant(
        h.runtime,
        uow,
        'confirmed',
        { email: 'anna@example.de', locale: 'en', eventId },
        facts,
      );
      await mailParticipant(
        h.runtime,
        uow,
        'confirmed',
        { email: 'minji@example.kr', locale: 'ko', eventId },
        facts,
      );
    });
    const en = await onlyMailTo('anna@example.de');
    expect(en.subject).toBe('See you in Daegu, Anna Schmidt');
    expect(en.textBody).toBe(
      'Dear Anna Schmidt,\n\nYou are in. We start on 3 Nov 2015, 09:00 (Asia/Seoul).\n\nhttp://plenary.test/r/abc',
    );
    expect(en.htmlBody).toContain(
      '<p>Dear <b>Anna Schmidt</b>, we start on 3 Nov 2015, 09:00 (Asia/Seoul).</p>',
    );
    // Korean has no override: the default, in Seoul time, with the event's days as a calendar file.
    const ko = await onlyMailTo('minji@example.kr');
    expect(ko.subject).toBe('[제18차 세계 클러스터 경쟁력 총회] 등록이 확정되었습니다');
    expect(ko.textBody).toContain(
      '일정: 2015년 11월 3일 09:00 (Asia/Seoul) ~ 2015년 11월 6일 18:00 (Asia/Seoul)',
    );
    expect(ko.attachments.map((a) => a.filename)).toEqual(['event.ics']);
    expect(ko.attachments[0]?.content).toContain('DTSTART:20151103T000000Z\r\nDTEND:20151106T090000Z');
    expect(ko.attachments[0]?.content).toContain('SUMMARY:제18차 세계 클러스터 경쟁력 총회');

    await api.mail.deleteOverride({ eventId, kind: 'registration.confirmed', locale: 'en' });
    await inTransaction(h.runtime, (uow) =>
      mailParticipant(
        h.runtime,
        uow,
        'confirmed',
        { email: 'anna2@example.de', locale: 'en', eventId },
        facts,
      ),
    );
    expect((await onlyMailTo('anna2@example.de')).subject).toBe(
      '[18th TCI Global Conference] Your registration is confirmed',
    );
  });

  it('lists every kind with previews of the defaults for a platform administrator, and no one else', async () => {
    const { templates } = await h.caller(admin).mail.templates();
    expect(templates.map((t) => t.kind)).toEqual(mailKinds);
    const offer = templates.find((t) => t.kind === 'registration.offer');
    expect(offer?.placeholders).toEqual(['eventTitle', 'name', 'reference', 'link', 'offerDeadline']);
    expect(offer?.previews.en.subject).toBe(
      '[18th TCI Global Conference] A place is free for you: accept by 10 Oct 2026, 18:00 (Asia/Seoul)',
    );
    expect((await errorOf(h.caller(owner).mail.templates())).code).toBe('FORBIDDEN');
  });
});
