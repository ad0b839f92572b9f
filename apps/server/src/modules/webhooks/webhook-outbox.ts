import type { WebhookEventType } from '@plenary/db/schema';
import type { Runtime, UnitOfWork } from '../../core/runtime';

/** What a partner's webhook receives about a registration. */
export interface RegistrationWebhookData {
  id: string;
  eventId: string;
  reference: string;
  status: string;
  categoryId: string;
  email: string;
  givenName: string;
  familyName: string;
  delegationId: string | null;
}

/**
 * Records a registration event for the webhooks of the partner that owns the
 * registration, in the transaction of the change itself (the outbox); the job
 * queue delivers it after commit. Registrations no partner created send nothing.
 */
export async function recordWebhookEvent(
  _runtime: Runtime,
  _uow: UnitOfWork,
  _event: { partnerId: string | null; type: WebhookEventType; registration: RegistrationWebhookData },
): Promise<void> {
  // Filled in by the webhooks module.
}
