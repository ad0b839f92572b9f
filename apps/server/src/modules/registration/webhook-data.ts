import type { schema } from '@plenary/db';
import type { RegistrationWebhookData } from '../webhooks/webhook-outbox';

/** What a webhook tells a partner about a registration. */
export function webhookData(
  row: Pick<typeof schema.registrations.$inferSelect, keyof RegistrationWebhookData>,
): RegistrationWebhookData {
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
