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

export interface RegistrationWebhookEvent {
  partnerId: string | null;
  type: WebhookEventType;
  registration: RegistrationWebhookData;
}

/**
 * Records registration events for the webhooks of the partners that own the
 * registrations, in the transaction of the change itself (the outbox); the job
 * queue delivers them after commit. Registrations no partner created send
 * nothing. One event, or a batch of one event's registrations: at most one
 * query to find the subscribers and one to write the deliveries.
 */
export async function recordWebhookEvent(
  runtime: Runtime,
  uow: UnitOfWork,
  ...events: RegistrationWebhookEvent[]
): Promise<void> {
  const owned = events.filter(
    (e): e is RegistrationWebhookEvent & { partnerId: string } => e.partnerId !== null,
  );
  const eventIds = new Set(owned.map((e) => e.registration.eventId));
  if (!owned.length) return;
  if (eventIds.size > 1) throw new Error('webhook events of one event at a time');
  const subscribers = await findSubscribers(uow.tx, {
    partnerIds: [...new Set(owned.map((e) => e.partnerId))],
    eventId: owned[0]!.registration.eventId,
  });
  if (!subscribers.length) return;
  const now = runtime.now();
  const rows = owned.flatMap((event) => {
    const registration = pickRegistration(event.registration);
    return subscribers
      .filter((s) => s.partnerId === event.partnerId && s.eventTypes.includes(event.type))
      .map((s) => {
        const id = randomUUID();
        const payload: WebhookPayload = {
          id,
          type: event.type,
          createdAt: now.toISOString(),
          data: { registration },
        };
        return { id, subscriptionId: s.id, eventType: event.type, payload: { ...payload }, createdAt: now };
      });
  });
  await insertDeliveries(uow.tx, rows);
  if (rows.length)
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
