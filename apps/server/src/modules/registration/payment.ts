import type { LocalizedText } from '@plenary/contracts';
import type { Executor } from '@plenary/db';
import { findSettings } from './registration.repo';

/**
 * Payment of a fee category (issue 8, item 10). A registration that would be
 * confirmed but has a fee to pay waits for payment instead (awaiting_payment):
 * it holds its place (capacity/counts.ts) until `paymentDueAt`, the organiser's
 * number of days after it got the place; the expiry job then releases it like a
 * lapsed offer (promotion.ts). Staff mark it paid or waived, and only then is it
 * confirmed and given its ticket (registrations.service.ts setPayment).
 */

/** Days to pay when the organiser has not said (the settings' column default). */
export const DEFAULT_PAYMENT_DUE_DAYS = 7;

export interface PaymentTerms {
  dueAt: Date;
  instructions: LocalizedText;
}

/** The deadline for a place given now, and the organiser's instructions. */
export async function paymentTerms(db: Executor, eventId: string, now: Date): Promise<PaymentTerms> {
  const settings = await findSettings(db, eventId);
  const days = settings?.paymentDueDays ?? DEFAULT_PAYMENT_DUE_DAYS;
  return {
    dueAt: new Date(now.getTime() + days * 24 * 3_600_000),
    instructions: settings?.paymentInstructions ?? {},
  };
}

/** Whether a registration given a place must pay first: a fee not yet paid or waived. */
export const mustPayFirst = (row: { paymentStatus: string }) => row.paymentStatus === 'unpaid';

