import type { Services } from '@plenary/contracts';
import { DomainError } from '@plenary/contracts';
import type { JobHandlerOptions } from '../../core/jobs';
import { inTransaction, type Runtime, type UnitOfWork } from '../../core/runtime';
import { createMailTemplateServices } from './mail-templates.service';
import type { MailTransport } from './transport';
import type { Locale } from '@plenary/contracts';
import type { MailAttachment } from '@plenary/db/schema';
import {
  findEventZones,
  findMail,
  findOverrides,
  findQueuedMailIds,
  findSuppressed,
  insertMails,
  insertSuppression,
  listMail,
  markMail,
  type MailRow,
} from './mail.repo';
import { renderTemplate, templateOf, type MailKind, type MailValues, type TemplateSource } from './templates';

export const MAIL_QUEUE = 'mail.deliver';
/** 10 attempts with doubling delays from 30 s: the last is about 4 hours after the first. */
export const MAIL_RETRY: JobHandlerOptions = { retryLimit: 9, retryDelaySeconds: 30 };

export interface MailToSend {
  to: string;
  template: string;
  eventId?: string | null;
  subject: string;
  text: string;
  html?: string | null;
  attachments?: MailAttachment[];
}

/** A mail of one kind of the registry, with the values its placeholders declare. */
export interface TemplatedMail<K extends MailKind = MailKind> {
  kind: K;
  to: string;
  /** The recipient's language; anything but 'ko' or 'en' falls back to English. */
  locale: string;
  eventId?: string | null;
  values: MailValues<K>;
  attachments?: MailAttachment[];
}
export type AnyTemplatedMail = { [K in MailKind]: TemplatedMail<K> }[MailKind];

const asLocale = (l: string): Locale => (l === 'ko' ? 'ko' : 'en');

/**
 * Renders mails of the registry in each recipient's language, with the event's
 * wording where staff overrode it and dates in the event's zone, and puts them in
 * the outbox in the caller's transaction.
 */
export async function sendTemplatedMails(
  runtime: Runtime,
  uow: UnitOfWork,
  mails: AnyTemplatedMail[],
): Promise<string[]> {
  if (!mails.length) return [];
  const eventIds = [...new Set(mails.map((m) => m.eventId).filter((id): id is string => Boolean(id)))];
  const zones = await findEventZones(uow.tx, eventIds);
  const overrides = new Map<string, TemplateSource>();
  for (const eventId of eventIds) {
    const kinds = [...new Set(mails.filter((m) => m.eventId === eventId).map((m) => m.kind))];
    for (const o of await findOverrides(uow.tx, eventId, kinds))
      overrides.set(`${o.eventId}|${o.kind}|${o.locale}`, {
        subject: o.subject,
        text: o.textBody,
        html: o.htmlBody,
      });
  }
  return enqueueMails(
    runtime,
    uow,
    mails.map((m) => {
      const locale = asLocale(m.locale);
      const rendered = renderTemplate(
        templateOf(m.kind),
        m.values,
        { locale, timeZone: (m.eventId && zones.get(m.eventId)) || 'UTC' },
        m.eventId ? overrides.get(`${m.eventId}|${m.kind}|${locale}`) : null,
      );
      return {
        to: m.to,
        template: m.kind,
        eventId: m.eventId ?? null,
        ...rendered,
        attachments: m.attachments ?? [],
      };
    }),
  );
}

export async function sendTemplatedMail<K extends MailKind>(
  runtime: Runtime,
  uow: UnitOfWork,
  mail: TemplatedMail<K>,
): Promise<string> {
  const [id] = await sendTemplatedMails(runtime, uow, [mail as unknown as AnyTemplatedMail]);
  if (!id) throw new Error('mail insert returned nothing');
  return id;
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
  // An address that bounced permanently gets nothing more until staff lift the suppression.
  const suppressed = await findSuppressed(
    uow.tx,
    mails.map((m) => m.to),
  );
  const rows = mails.map((mail) => {
    const bounce = suppressed.get(mail.to.toLowerCase());
    return {
      eventId: mail.eventId ?? null,
      template: mail.template,
      toAddress: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html ?? null,
      attachments: mail.attachments ?? [],
      status:
        bounce !== undefined ? ('held' as const) : viaSmtp ? ('queued' as const) : ('captured' as const),
      lastError: bounce !== undefined ? `Address suppressed after a permanent failure: ${bounce}` : null,
    };
  });
  const ids = await insertMails(uow.tx, rows);
  const toSend = viaSmtp ? ids.filter((_, i) => rows[i]?.status === 'queued') : [];
  if (toSend.length)
    uow.afterCommit(async () => {
      for (const id of toSend) await runtime.jobs.send(MAIL_QUEUE, { id });
    });
  return ids;
}

/** The SMTP reply code nodemailer puts on a refused message (e.g. 550), if any. */
function smtpReplyCode(err: unknown): number | null {
  const code = (err as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' ? code : null;
}

/**
 * One delivery attempt; throws so the queue retries with backoff. A permanent
 * refusal (5xx) is not retried: the message is marked failed with the reply and the
 * address suppressed; a temporary one (4xx) or a broken connection is retried. No transaction
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
      html: row.htmlBody ?? undefined,
      attachments: row.attachments,
    });
  } catch (err) {
    const lastError = err instanceof Error ? err.message.slice(0, 500) : String(err);
    const code = smtpReplyCode(err);
    if (code !== null && code >= 500 && code < 600) {
      await inTransaction(runtime, async ({ tx }) => {
        await markMail(tx, id, { status: 'failed', attempts: row.attempts + 1, lastError });
        await insertSuppression(tx, { address: row.toAddress, reason: lastError.slice(0, 200), mailId: id });
      });
      return;
    }
    await markMail(runtime.db, id, {
      status: meta.lastAttempt ? 'failed' : 'queued',
      attempts: row.attempts + 1,
      lastError,
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
    htmlBody: r.htmlBody,
    attachments: r.attachments.map((a) => a.filename),
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  };
}

export function createMailService(runtime: Runtime): Services['mail'] {
  return {
    ...createMailTemplateServices(runtime),
    async list(_caller, input) {
      const { rows, total } = await listMail(runtime.db, input);
      return { messages: rows.map(toDto), total };
    },
    async get(_caller, input) {
      const row = await findMail(runtime.db, input.id);
      if (!row) throw new DomainError('NOT_FOUND', { key: 'mailNotFound' });
      return toDto(row);
    },
  };
}
