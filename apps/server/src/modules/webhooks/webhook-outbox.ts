import { randomUUID } from 'node:crypto';
import type { WebhookEventType } from '@plenary/db/schema';
import type { Runtime, UnitOfWork } from '../../core/runtime';
import { findSubscribers, insertDeliveries } from './webhooks.repo';

/** The job queue that sends webhook deliveries (see webhook-delivery.ts). */
export const WEBHOOK_QUEUE = 'webhook.deliver';

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

/** The JSON body a receiver gets; id is the delivery's, the same on every retry (receivers deduplicate by it). */
export interface WebhookPayload {
  id: string;
  type: WebhookEventType;
  createdAt: string;
  data: { registration: RegistrationWebhookData };
}

/**
 * Records a registration event for the webhooks of the partner that owns the
 * registration, in the transaction of the change itself (the outbox); the job
 * queue delivers it after commit. Registrations no partner created send nothing.
 */
export async function recordWebhookEvent(
  runtime: Runtime,
  uow: UnitOfWork,
  event: { partnerId: string | null; type: WebhookEventType; registration: RegistrationWebhookData },
): Promise<void> {
  if (event.partnerId === null) return;
  const subscribers = await findSubscribers(uow.tx, {
    partnerId: event.partnerId,
    eventId: event.registration.eventId,
    type: event.type,
  });
  if (!subscribers.length) return;
  const now = runtime.now();
  const registration = pickRegistration(event.registration);
  const rows = subscribers.map((s) => {
    const id = randomUUID();
    const payload: WebhookPayload = {
      id,
      type: event.type,
      createdAt: now.toISOString(),
      data: { registration },
    };
    return { id, subscriptionId: s.id, eventType: event.type, payload: { ...payload }, createdAt: now };
  });
  await insertDeliveries(uow.tx, rows);
  uow.afterCommit(async () => {
    for (const row of rows) await runtime.jobs.send(WEBHOOK_QUEUE, { id: row.id });
  });
}

/** The fields named in RegistrationWebhookData only: a caller passing a whole row must not leak the rest. */
function pickRegistration(r: RegistrationWebhookData): RegistrationWebhookData {
  return {
    id: r.id,
    eventId: r.eventId,
    reference: r.reference,
    status: r.status,
    categoryId: r.categoryId,
    email: r.email,
    givenName: r.givenName,
    familyName: r.familyName,
    delegationId: r.delegationId,
  };
}
