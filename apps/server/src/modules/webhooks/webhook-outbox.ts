import { randomUUID } from 'node:crypto';
import { webhookEventTypes } from '@plenary/contracts';
import type { WebhookEventType } from '@plenary/db/schema';
import type { DomainEventSubscriber } from '../domain-events/registry';
import { findSubscribers, insertDeliveries } from './webhooks.repo';

/** The job queue that sends webhook deliveries (see webhook-delivery.ts). */
export const WEBHOOK_QUEUE = 'webhook.deliver';

/** The JSON body a receiver gets; id is the delivery's, the same on every retry (receivers deduplicate by it). */
export interface WebhookPayload {
  id: string;
  type: WebhookEventType;
  createdAt: string;
  /** The domain event's data without its owner (for a registration: `{ registration }`). */
  data: Record<string, unknown>;
}

/**
 * Types about the whole event rather than a partner's own subject: each goes to
 * every partner subscribed to it for that event (never to another event's).
 */
export const eventWideWebhookTypes: ReadonlySet<WebhookEventType> = new Set<WebhookEventType>([
  'programme.published',
]);

/**
 * Webhooks are a subscriber of the domain events: for each event a partner may
 * subscribe to, one delivery per active subscription of the partner that owns
 * the subject (the event data's `partnerId`, or each of its `partnerIds` for a
 * subject with several owners, such as a B2B meeting of two partners' companies;
 * events nobody's partner created send nothing) that wants the type, or, for an
 * event-wide type (eventWideWebhookTypes), of every partner of the event that
 * wants it; written in the dispatcher's transaction and
 * handed to the delivery queue after it commits. The payload is the event's data
 * as its contract declares it, so this module knows no other module's rows.
 */
export const webhookSubscriber: DomainEventSubscriber = {
  name: 'webhooks',
  types: webhookEventTypes,
  async handle(runtime, uow, event) {
    const { partnerId, partnerIds, ...data } = event.data as {
      partnerId?: string | null;
      partnerIds?: string[];
    } & Record<string, unknown>;
    // Domain events of other kinds (papers' submission.*, agreements' agreement.* and declaration.*) are not webhook types: they send nothing.
    if (!event.eventId || !(webhookEventTypes as readonly string[]).includes(event.type)) return;
    const type = event.type as WebhookEventType;
    const eventWide = eventWideWebhookTypes.has(type);
    const owners = partnerIds ?? (partnerId ? [partnerId] : []);
    if (!eventWide && owners.length === 0) return;
    const subscribers = await findSubscribers(uow.tx, {
      partnerIds: eventWide ? 'all' : owners,
      eventId: event.eventId,
    });
    const now = runtime.now();
    const rows = subscribers
      .filter((s) => s.eventTypes.includes(type))
      .map((s) => {
        const id = randomUUID();
        const payload: WebhookPayload = { id, type, createdAt: event.occurredAt.toISOString(), data };
        return { id, subscriptionId: s.id, eventType: type, payload: { ...payload }, createdAt: now };
      });
    await insertDeliveries(uow.tx, rows);
    if (rows.length)
      uow.afterCommit(async () => {
        for (const row of rows) await runtime.jobs.send(WEBHOOK_QUEUE, { id: row.id });
      });
  },
};
