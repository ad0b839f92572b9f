import type { Services } from '@plenary/contracts';
import { DomainError } from '@plenary/contracts';
import type { JobHandlerOptions } from '../../core/jobs';
import type { Runtime, UnitOfWork } from '../../core/runtime';
import type { MailTransport } from './transport';
import { findMail, findQueuedMailIds, insertMails, listMail, markMail, type MailRow } from './mail.repo';
import type { RenderedMail } from './templates';

export const MAIL_QUEUE = 'mail.deliver';
/** 10 attempts with doubling delays from 30 s: the last is about 4 hours after the first. */
export const MAIL_RETRY: JobHandlerOptions = { retryLimit: 9, retryDelaySeconds: 30 };

export interface MailToSend extends RenderedMail {
  to: string;
  template: string;
  eventId?: string | null;
}

/**
 * Puts a message in the outbox inside the caller's transaction; it is handed to
 * the job queue only after commit, so a rolled-back change sends nothing. Without
 * SMTP the message is "captured" and read in the admin console.
 */
export async function enqueueMail(runtime: Runtime, uow: UnitOfWork, mail: MailToSend): Promise<string> {
  const [id] = await enqueueMails(runtime, uow, [mail]);
  if (!id) throw new Error('mail insert returned nothing');
  return id;
}

/** Several messages in one statement (a batch of registrations), handed over after commit like one. */
export async function enqueueMails(
  runtime: Runtime,
  uow: UnitOfWork,
  mails: MailToSend[],
): Promise<string[]> {
  const viaSmtp = Boolean(runtime.config.smtpUrl);
  const ids = await insertMails(
    uow.tx,
    mails.map((mail) => ({
      eventId: mail.eventId ?? null,
      template: mail.template,
      toAddress: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      status: viaSmtp ? ('queued' as const) : ('captured' as const),
    })),
  );
  if (viaSmtp && ids.length)
    uow.afterCommit(async () => {
      for (const id of ids) await runtime.jobs.send(MAIL_QUEUE, { id });
    });
  return ids;
}

/**
 * One delivery attempt; throws so the queue retries with backoff. No transaction
 * is held while talking to SMTP (on PGlite that would stall every other query);
 * the queue gives a job to one worker at a time.
 */
export async function deliverMail(
  runtime: Runtime,
  transport: MailTransport,
  id: string,
  meta: { attempt: number; lastAttempt: boolean },
): Promise<void> {
  const row = await findMail(runtime.db, id);
  if (!row || row.status !== 'queued') return;
  try {
    await transport.send({
      from: runtime.config.mailFrom,
      to: row.toAddress,
      subject: row.subject,
      text: row.textBody,
    });
  } catch (err) {
    await markMail(runtime.db, id, {
      status: meta.lastAttempt ? 'failed' : 'queued',
      attempts: row.attempts + 1,
      lastError: err instanceof Error ? err.message.slice(0, 500) : String(err),
    });
    throw err;
  }
  await markMail(runtime.db, id, {
    status: 'sent',
    attempts: row.attempts + 1,
    lastError: null,
    sentAt: runtime.now(),
  });
}

/**
 * Registers the delivery worker, and re-enqueues messages whose hand-over was lost (crash after commit).
 * The retry policy is a parameter so tests can retry in seconds instead of minutes.
 */
export async function startMailDelivery(
  runtime: Runtime,
  transport: MailTransport,
  retry: JobHandlerOptions = MAIL_RETRY,
): Promise<() => void> {
  await runtime.jobs.register<{ id: string }>(MAIL_QUEUE, retry, (data, meta) =>
    deliverMail(runtime, transport, data.id, meta),
  );
  const sweep = async () => {
    const ids = await findQueuedMailIds(runtime.db, new Date(runtime.now().getTime() - 10 * 60_000));
    for (const id of ids) await runtime.jobs.send(MAIL_QUEUE, { id });
  };
  const timer = setInterval(
    () => void sweep().catch((err: unknown) => runtime.logger.error({ err }, 'mail sweep failed')),
    10 * 60_000,
  );
  timer.unref();
  return () => clearInterval(timer);
}

function toDto(r: MailRow) {
  return {
    id: r.id,
    eventId: r.eventId,
    template: r.template,
    to: r.toAddress,
    subject: r.subject,
    textBody: r.textBody,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  };
}

export function createMailService(runtime: Runtime): Services['mail'] {
  return {
    async list(_caller, input) {
      const { rows, total } = await listMail(runtime.db, input);
      return { messages: rows.map(toDto), total };
    },
    async get(_caller, input) {
      const row = await findMail(runtime.db, input.id);
      if (!row) throw new DomainError('NOT_FOUND', 'No such message');
      return toDto(row);
    },
  };
}
