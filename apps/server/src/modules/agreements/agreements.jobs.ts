import type { ScheduledJob } from '../../core/schedule';
import { inTransaction, type Runtime } from '../../core/runtime';
import { sendTemplatedMail } from '../mail/mail.service';
import { dueForExpiryReminder, markExpiryReminded } from './agreements.repo';

/** How long before expiry the owner hears of it: a protocol office needs weeks to arrange a renewal. */
export const EXPIRY_REMINDER_DAYS = 60;

/**
 * Mails the owner of each agreement in effect that expires within the window, once
 * per expiry date (a new expiry date, after an extension, is reminded again). The
 * claim and the mail are one transaction: a mail exists exactly when the claim does.
 */
export async function remindExpiringAgreements(runtime: Runtime): Promise<number> {
  const now = runtime.now();
  const until = new Date(now.getTime() + EXPIRY_REMINDER_DAYS * 86_400_000).toISOString().slice(0, 10);
  let sent = 0;
  for (const a of await dueForExpiryReminder(runtime.db, until)) {
    const expiresOn = a.expiresOn!;
    const mailed = await inTransaction(runtime, async (uow) => {
      if (!(await markExpiryReminded(uow.tx, a.id, expiresOn))) return false;
      await sendTemplatedMail(runtime, uow, {
        kind: 'agreementExpiryReminder',
        to: a.ownerEmail,
        locale: a.ownerLocale ?? 'ko',
        eventId: a.eventId,
        values: {
          title: a.title,
          expiresOn,
          days: EXPIRY_REMINDER_DAYS,
          link: `${runtime.config.publicUrl}/admin/events/${a.eventId}/agreements/${a.id}`,
        },
      });
      return true;
    });
    if (mailed) sent++;
  }
  return sent;
}

export const agreementJobs: ScheduledJob[] = [
  {
    name: 'agreements.expiryReminders',
    everySeconds: 6 * 60 * 60,
    run: async (runtime) => `${await remindExpiringAgreements(runtime)} expiry reminders mailed`,
  },
];
