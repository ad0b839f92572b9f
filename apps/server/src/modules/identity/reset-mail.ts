import type { JobHandlerOptions } from '../../core/jobs';
import { inTransaction, type Runtime } from '../../core/runtime';
import { sendTemplatedMail } from '../mail/mail.service';
import { newToken, sha256 } from './crypto';
import * as repo from './identity.repo';

/**
 * Issue 10, finding 4: a reset request answers in the same time whether or not
 * the account exists (27-34 ms against 14-15 ms when the work was done before
 * answering). The request only hands the address to this queue; the lookup,
 * the token and the mail happen here, after the answer.
 */
export const RESET_MAIL_QUEUE = 'identity.reset-mail';
export const RESET_MINUTES = 60;
const RETRY: JobHandlerOptions = { retryLimit: 3, retryDelaySeconds: 30 };

export function queueResetMail(runtime: Runtime, email: string): Promise<void> {
  return runtime.jobs.send<{ email: string }>(RESET_MAIL_QUEUE, { email });
}

/** Issues a reset token and mails it, for an enabled account; at most 3 mails an hour per account. */
export async function mailPasswordReset(runtime: Runtime, email: string): Promise<void> {
  const now = runtime.now();
  const user = await repo.findUserByEmail(runtime.db, email);
  if (!user || user.disabledAt) return;
  if ((await repo.countRecentResets(runtime.db, user.id, new Date(now.getTime() - 3_600_000))) >= 3) return;
  const token = newToken();
  await inTransaction(runtime, async (uow) => {
    await repo.insertPasswordReset(uow.tx, {
      tokenHash: sha256(token),
      userId: user.id,
      expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000),
    });
    const link = `${runtime.config.publicUrl}/admin/reset-password?token=${encodeURIComponent(token)}`;
    const locale = user.locale === 'en' ? 'en' : 'ko';
    await sendTemplatedMail(runtime, uow, {
      kind: 'passwordReset',
      to: user.email,
      locale,
      values: { link, minutes: RESET_MINUTES },
    });
  });
}

/** The worker: every server process that works jobs runs it. */
export async function startResetMails(runtime: Runtime): Promise<void> {
  await runtime.jobs.register<{ email: string }>(RESET_MAIL_QUEUE, RETRY, (job) => mailPasswordReset(runtime, job.email));
}
