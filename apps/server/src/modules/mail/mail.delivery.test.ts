import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailStatus } from '@plenary/db/schema';
import { inTransaction } from '../../core/runtime';
import { createHarness, type TestHarness } from '../../testing/harness';
import { startTestSmtpServer, type ReceivedMail, type TestSmtpServer } from '../../testing/smtp';
import { findMail, findSuppressed, listMail, type MailRow } from './mail.repo';
import { enqueueMail, startMailDelivery } from './mail.service';
import { smtpTransport, type MailTransport } from './transport';

// Three attempts, retried after 1-2 s and 2-4 s (pg-boss backoff with jitter), so
// a retry test takes seconds; production waits from 30 s (MAIL_RETRY).
const TEST_RETRY = { retryLimit: 2, retryDelaySeconds: 1 };

let h: TestHarness;
let smtp: TestSmtpServer;
let transport: MailTransport;
let stopDelivery: () => void;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  h = await createHarness({ config: { smtpUrl: smtp.url }, work: true });
  transport = smtpTransport(smtp.url);
  stopDelivery = await startMailDelivery(h.runtime, transport, TEST_RETRY);
});
afterAll(async () => {
  stopDelivery();
  await h.close();
  transport.close();
  await smtp.close();
});

const to = (address: string) => (m: ReceivedMail) => m.envelopeTo.includes(address);

/** Polls the outbox row until it reaches the status (the worker marks it just after SMTP accepts). */
async function outboxRowWhen(id: string, status: MailStatus, timeoutMs = 15_000): Promise<MailRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await findMail(h.runtime.db, id);
    if (row?.status === status) return row;
    if (Date.now() > deadline)
      throw new Error(`mail ${id} is ${row?.status ?? 'missing'}, expected ${status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function onlyOutboxRowTo(address: string): Promise<MailRow> {
  const { rows } = await listMail(h.runtime.db, { to: address, limit: 10, offset: 0 });
  expect(rows.length).toBe(1);
  return rows[0] as MailRow;
}

function queueTestMail(address: string): Promise<string> {
  return inTransaction(h.runtime, (uow) =>
    enqueueMail(h.runtime, uow, {
      to: address,
      template: 'test',
      subject: `Test for ${address}`,
      text: 'Hello from the queue',
    }),
  );
}

describe('mail delivery over SMTP', () => {
  it('delivers a password reset with a working link, and marks the outbox row sent', async () => {
    const email = 'sujin.lee@kicox.example';
    await h.signUp(email);
    await h.caller(null).auth.requestPasswordReset({ email });

    const mail = await smtp.waitFor(to(email));
    expect(mail.envelopeFrom).toBe('no-reply@plenary.test');
    expect(mail.to).toBe(email);
    expect(mail.subject).toBe('Plenary 비밀번호 재설정');
    const token = /http:\/\/plenary\.test\/admin\/reset-password\?token=([\w%-]+)/.exec(mail.text)?.[1];
    expect(token).toBeDefined();

    const sent = await outboxRowWhen((await onlyOutboxRowTo(email)).id, 'sent');
    expect(sent).toMatchObject({ template: 'passwordReset', status: 'sent', attempts: 1, lastError: null });
    expect(sent.sentAt).toBeInstanceOf(Date);

    // The link in the delivered mail is the one that resets the password.
    await h
      .caller(null)
      .auth.resetPassword({ token: decodeURIComponent(token ?? ''), password: 'a new passphrase for Daegu' });
    const { actor } = await h.signIn(email, 'a new passphrase for Daegu');
    expect(actor.email).toBe(email);
  });

  it('retries through the queue when the SMTP server refuses, and delivers once it recovers', async () => {
    const email = 'retry@tci-network.example';
    const rejectedBefore = smtp.rejected;
    smtp.rejectNext(2);
    const id = await queueTestMail(email);

    const mail = await smtp.waitFor(to(email), 20_000);
    expect(mail.subject).toBe(`Test for ${email}`);
    expect(smtp.rejected - rejectedBefore).toBe(2);
    const row = await outboxRowWhen(id, 'sent');
    expect(row).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(smtp.messages.filter(to(email)).length).toBe(1);
  });

  it('retries a temporary refusal (451) to the last attempt, then gives up keeping the reply', async () => {
    const email = 'busy@tci-network.example';
    smtp.rejectNext(3, { code: 451, message: 'Greylisted, try again later' });
    const id = await queueTestMail(email);

    const row = await outboxRowWhen(id, 'failed', 20_000);
    expect(row.attempts).toBe(3);
    expect(row.lastError).toContain('451 Greylisted, try again later');
    expect(row.sentAt).toBeNull();
    expect(smtp.messages.filter(to(email))).toEqual([]);
    expect(await findSuppressed(h.runtime.db, [email])).toEqual(new Map());
  });

  it('does not retry a permanent refusal (550): fails at once, suppresses the address, holds later mail', async () => {
    const email = 'Gone@TCI-network.example';
    const rejectedBefore = smtp.rejected;
    smtp.rejectNext(1, { code: 550, message: 'Mailbox unavailable' });
    const id = await queueTestMail(email);

    const row = await outboxRowWhen(id, 'failed', 20_000);
    expect(row).toMatchObject({ status: 'failed', attempts: 1, sentAt: null });
    expect(row.lastError).toContain('550 Mailbox unavailable');
    const suppressed = await findSuppressed(h.runtime.db, ['gone@tci-network.example']);
    expect([...suppressed.keys()]).toEqual(['gone@tci-network.example']);
    expect(suppressed.get('gone@tci-network.example')).toContain('550 Mailbox unavailable');

    // The next mail to the address is held, not sent (control: another address still gets mail).
    const held = await queueTestMail('gone@tci-network.example');
    const heldRow = await findMail(h.runtime.db, held);
    expect(heldRow).toMatchObject({ status: 'held', attempts: 0 });
    expect(heldRow?.lastError).toContain('Address suppressed after a permanent failure: ');
    const control = 'still-here@tci-network.example';
    await outboxRowWhen(await queueTestMail(control), 'sent');
    await new Promise((r) => setTimeout(r, 3_000)); // longer than a retry delay: no second attempt came
    expect(smtp.rejected - rejectedBefore).toBe(1);
    expect((await findMail(h.runtime.db, id))?.attempts).toBe(1);
    expect(smtp.messages.filter(to('gone@tci-network.example'))).toEqual([]);
  });

  it('sends nothing for a change that rolls back (control: the same change committed is delivered)', async () => {
    const rolledBack = 'rolled-back@kicox.example';
    await expect(
      inTransaction(h.runtime, async (uow) => {
        await enqueueMail(h.runtime, uow, {
          to: rolledBack,
          template: 'test',
          subject: 'Never',
          text: 'This change failed',
        });
        throw new Error('the change failed after queuing its mail');
      }),
    ).rejects.toThrow('the change failed after queuing its mail');

    const committed = 'committed@kicox.example';
    const id = await queueTestMail(committed);
    await smtp.waitFor(to(committed));
    await outboxRowWhen(id, 'sent');

    expect(smtp.messages.filter(to(rolledBack))).toEqual([]);
    expect((await listMail(h.runtime.db, { to: rolledBack, limit: 10, offset: 0 })).total).toBe(0);
  });
});
