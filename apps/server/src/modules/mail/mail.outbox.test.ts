import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import type { Actor } from '@plenary/contracts';
import { createHarness, type TestHarness } from '../../testing/harness';
import { inTransaction } from '../../core/runtime';
import { eventually } from '../../testing/eventually';
import { tciEvent } from '../../testing/harness';
import { enqueueMail, MAIL_QUEUE } from './mail.service';

let h: TestHarness;
let admin: Actor;
let staff: Actor;

beforeAll(async () => {
  // No SMTP configured: every message is captured in the outbox for the admin console.
  // Work jobs: the reset mail is made after the request is answered (issue 10, finding 4).
  h = await createHarness({ work: true });
  admin = await h.signUp('admin@kicox.example', { platformAdmin: true });
  staff = await h.signUp('desk@kicox.example');
});
afterAll(() => h.close());

describe('mail without SMTP', () => {
  it('captures a password reset and lists it for a platform admin, without queuing a delivery', async () => {
    await h.caller(null).auth.requestPasswordReset({ email: 'desk@kicox.example' });

    const list = await eventually(async () => {
      const l = await h.caller(admin).mail.list({ to: 'desk@kicox' });
      // The count and the page are two reads: the mail may commit between them.
      expect([l.total, l.messages.length]).toEqual([1, 1]);
      return l;
    });
    const [message] = list.messages;
    expect(message).toMatchObject({
      eventId: null,
      template: 'passwordReset',
      to: 'desk@kicox.example',
      subject: 'Plenary 비밀번호 재설정',
      status: 'captured',
      attempts: 0,
      lastError: null,
      sentAt: null,
    });
    expect(message?.textBody).toMatch(/^Plenary 계정의 비밀번호 재설정이 요청되었습니다\./);
    expect(message?.textBody).toMatch(/http:\/\/plenary\.test\/admin\/reset-password\?token=[\w%-]{40,}/);

    expect(await h.caller(admin).mail.get({ id: message?.id ?? '' })).toEqual(message);
    expect((await h.caller(admin).mail.list({ status: 'captured' })).total).toBe(1);
    expect((await h.caller(admin).mail.list({ status: 'queued' })).total).toBe(0);

    const jobs = await h.database.query<{ n: number }>(
      `select count(*)::int as n from pgboss.job where name = $1`,
      [MAIL_QUEUE],
    );
    expect(jobs.rows[0]?.n).toBe(0);
  });

  it('shows the outbox to platform admins only', async () => {
    const err = await h
      .caller(staff)
      .mail.list({})
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe('FORBIDDEN');
  });

  it("lists one event's mail when asked, so the outbox keeps the event one came from", async () => {
    const eventId = (await h.caller(admin).events.create(tciEvent)).id;
    await inTransaction(h.runtime, (uow) =>
      enqueueMail(h.runtime, uow, {
        to: 'anna@example.de',
        subject: 'Your registration is confirmed',
        text: 'Dear Anna,',
        template: 'registration.confirmed',
        eventId,
      }),
    );
    const ofEvent = await h.caller(admin).mail.list({ eventId });
    expect(ofEvent.messages.map((m) => [m.to, m.eventId])).toEqual([['anna@example.de', eventId]]);
    expect((await h.caller(admin).mail.list({})).total).toBe(2);
  });
});
