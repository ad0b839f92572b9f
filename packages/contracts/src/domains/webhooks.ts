import { z } from 'zod';
import type { EventCaller, PartnerCaller } from '../context';
import { idSchema } from './common';

/** Webhook subscriptions of partners and the delivery log. */

/** What happens to a registration that a partner's webhook can be told about. */
export const webhookEventTypes = [
  'registration.created',
  'registration.confirmed',
  'registration.waitlisted',
  'registration.promoted',
  'registration.cancelled',
  'registration.checked_in',
  // B2B fair (issue 14): meetings of a partner's own companies.
  'meeting.scheduled',
  'meeting.changed',
  'meeting.outcome_recorded',
  // Papers (issue 11 §5): decisions released. Event-wide: every subscribed partner of the event.
  'programme.published',
] as const;
export const webhookEventTypeSchema = z.enum(webhookEventTypes);
export type WebhookEventTypeName = z.infer<typeof webhookEventTypeSchema>;

export const webhookDeliveryStatuses = ['pending', 'delivered', 'failed'] as const;
export const webhookDeliveryStatusSchema = z.enum(webhookDeliveryStatuses);

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * https anywhere; plain http only to this machine (a receiver under test), since
 * the body carries participants' names and emails.
 */
export function isAllowedWebhookUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return url.hostname.length > 0;
  return url.protocol === 'http:' && loopbackHosts.has(url.hostname);
}

export const webhookUrlSchema = z.string().trim().max(2000).refine(isAllowedWebhookUrl, {
  error: 'Use an https:// address (http:// only for localhost)',
});

/** At least one type, each once. */
export const webhookEventTypesSchema = z
  .array(webhookEventTypeSchema)
  .min(1, { error: 'Choose at least one event type' })
  .max(webhookEventTypes.length)
  .refine((types) => new Set(types).size === types.length, { error: 'Name each event type once' });

export const webhookSubscriptionDto = z.object({
  id: z.uuid(),
  partnerId: z.uuid(),
  partnerName: z.string(),
  eventId: z.uuid(),
  url: z.string(),
  eventTypes: z.array(webhookEventTypeSchema),
  /** False once removed: kept so the delivery log still names it. */
  active: z.boolean(),
  createdAt: z.string(),
});
/** A new subscription, with its signing secret: shown this once. */
export const createdWebhookDto = webhookSubscriptionDto.extend({ secret: z.string() });

export const webhookPartnerDto = z.object({ id: z.uuid(), name: z.string() });

export const createWebhookInput = z.object({
  eventId: idSchema,
  partnerId: idSchema,
  url: webhookUrlSchema,
  eventTypes: webhookEventTypesSchema,
});
export const webhookRefInput = z.object({ eventId: idSchema, subscriptionId: idSchema });

export const webhookDeliveryDto = z.object({
  id: z.uuid(),
  subscriptionId: z.uuid(),
  partnerName: z.string(),
  url: z.string(),
  eventType: webhookEventTypeSchema,
  status: webhookDeliveryStatusSchema,
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
export const webhookDeliveriesInput = z.object({
  eventId: idSchema,
  subscriptionId: idSchema.optional(),
  status: webhookDeliveryStatusSchema.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).max(1_000_000).default(0),
});
export const webhookDeliveriesOutput = z.object({
  deliveries: z.array(webhookDeliveryDto),
  total: z.number().int(),
});
export const redeliverWebhookInput = z.object({ eventId: idSchema, deliveryId: idSchema });

// The partner's own view, through the REST API: its subscriptions for one event.

/** Partners name the event by id or slug (the partner rule resolves it). */
const partnerEventRef = z.string().trim().min(1).max(64);
export const partnerWebhookListInput = z.object({ eventId: partnerEventRef });
export const partnerCreateWebhookInput = z.object({
  eventId: partnerEventRef,
  url: webhookUrlSchema,
  eventTypes: webhookEventTypesSchema,
});
export const partnerWebhookRefInput = z.object({ eventId: partnerEventRef, subscriptionId: idSchema });

export const partnerWebhookDto = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  url: z.string(),
  eventTypes: z.array(webhookEventTypeSchema),
  createdAt: z.string(),
});
export const partnerWebhookListOutput = z.object({ webhooks: z.array(partnerWebhookDto) });
export const partnerCreatedWebhookDto = partnerWebhookDto.extend({ secret: z.string() });

type Out<T extends z.ZodType> = z.output<T>;

export interface WebhookServices {
  webhooks: {
    list(caller: EventCaller): Promise<Out<typeof webhookSubscriptionDto>[]>;
    /** Partners that hold a key for the event (or for every event): who can be subscribed. */
    partners(caller: EventCaller): Promise<Out<typeof webhookPartnerDto>[]>;
    create(
      caller: EventCaller,
      input: Out<typeof createWebhookInput>,
    ): Promise<Out<typeof createdWebhookDto>>;
    remove(caller: EventCaller, input: Out<typeof webhookRefInput>): Promise<void>;
    deliveries(
      caller: EventCaller,
      input: Out<typeof webhookDeliveriesInput>,
    ): Promise<Out<typeof webhookDeliveriesOutput>>;
    redeliver(
      caller: EventCaller,
      input: Out<typeof redeliverWebhookInput>,
    ): Promise<Out<typeof webhookDeliveryDto>>;
    partnerList(caller: PartnerCaller): Promise<Out<typeof partnerWebhookListOutput>>;
    partnerCreate(
      caller: PartnerCaller,
      input: Out<typeof partnerCreateWebhookInput>,
    ): Promise<Out<typeof partnerCreatedWebhookDto>>;
    partnerRemove(caller: PartnerCaller, input: Out<typeof partnerWebhookRefInput>): Promise<void>;
  };
}
