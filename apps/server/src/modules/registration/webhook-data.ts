import type { RegistrationWebhookData } from '../webhooks/webhook-outbox';
import type { RegistrationRow } from './registration.repo';

/** What a webhook tells a partner about a registration (email and names are its person's). */
export function webhookData(row: Pick<RegistrationRow, keyof RegistrationWebhookData>): RegistrationWebhookData {
  return {
    id: row.id,
    eventId: row.eventId,
    reference: row.reference,
    status: row.status,
    categoryId: row.categoryId,
    email: row.email,
    givenName: row.givenName,
    familyName: row.familyName,
    delegationId: row.delegationId,
  };
}
