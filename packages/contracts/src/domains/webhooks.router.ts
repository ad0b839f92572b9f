import { rateLimits } from '../rate-limits';
import { roles } from '../access';
import { eventCaller, partnerCaller, procedure, router } from '../trpc';
import { eventIdInput, okOutput } from './common';
import * as s from './webhooks';

const ok = { ok: true as const };
const manage = { kind: 'event', roles: roles.manage } as const;
const partnerManage = { kind: 'partner', scope: 'webhooks:manage' } as const;

/** What a receiver needs to know, in the API reference next to the operation that subscribes. */
const receiving = [
  'Plenary POSTs JSON to the URL when a registration your organisation made changes:',
  '`{ "id", "type", "createdAt", "data": { "registration": { "id", "eventId", "reference", "status",',
  '"categoryId", "email", "givenName", "familyName", "delegationId" } } }`.',
  'Headers: `Plenary-Webhook-Id` (the same on every retry: deduplicate by it), `Plenary-Webhook-Timestamp`',
  '(unix seconds) and `Plenary-Webhook-Signature: v1=<hex>`, the HMAC-SHA256 of `<timestamp>.<raw body>`',
  'keyed with the secret in this answer (shown only here). Answer 2xx within 10 seconds; anything else is',
  'retried with growing delays for about six days. The URL must be https.',
].join(' ');

// Webhook subscriptions of partners and the delivery log.
export const webhooksRouter = router({
  list: procedure
    .meta({ access: manage, summary: 'The event’s webhook subscriptions, with their partner' })
    .input(eventIdInput)
    .output(s.webhookSubscriptionDto.array())
    .query(({ ctx }) => ctx.services.webhooks.list(eventCaller(ctx))),
  partners: procedure
    .meta({ access: manage, summary: 'Partners with a key for the event, who can be subscribed' })
    .input(eventIdInput)
    .output(s.webhookPartnerDto.array())
    .query(({ ctx }) => ctx.services.webhooks.partners(eventCaller(ctx))),
  create: procedure
    .meta({ access: manage, summary: 'Subscribe a partner’s URL; the signing secret is shown once' })
    .input(s.createWebhookInput)
    .output(s.createdWebhookDto)
    .mutation(({ ctx, input }) => ctx.services.webhooks.create(eventCaller(ctx), input)),
  remove: procedure
    .meta({
      access: manage,
      object: { kind: 'webhook', from: 'subscriptionId' },
      summary: 'Stop a subscription (its delivery log is kept)',
    })
    .input(s.webhookRefInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.webhooks.remove(eventCaller(ctx), input);
      return ok;
    }),
  deliveries: procedure
    .meta({
      access: manage,
      object: { kind: 'webhook', from: 'subscriptionId' },
      summary: 'The delivery log, newest first',
    })
    .input(s.webhookDeliveriesInput)
    .output(s.webhookDeliveriesOutput)
    .query(({ ctx, input }) => ctx.services.webhooks.deliveries(eventCaller(ctx), input)),
  redeliver: procedure
    .meta({
      access: manage,
      object: { kind: 'webhookDelivery', from: 'deliveryId' },
      summary: 'Send a delivery again',
    })
    .input(s.redeliverWebhookInput)
    .output(s.webhookDeliveryDto)
    .mutation(({ ctx, input }) => ctx.services.webhooks.redeliver(eventCaller(ctx), input)),

  // The partner's own subscriptions, in the REST API (/api/v1).
  partnerList: procedure
    .meta({
      access: partnerManage,
      limits: rateLimits.partner,
      summary: 'Your webhook subscriptions for the event',
      openapi: {
        method: 'GET',
        path: '/events/{eventId}/webhooks',
        protect: true,
        tags: ['Webhooks'],
        summary: 'Your webhook subscriptions for the event',
      },
    })
    .input(s.partnerWebhookListInput)
    .output(s.partnerWebhookListOutput)
    .query(({ ctx }) => ctx.services.webhooks.partnerList(partnerCaller(ctx))),
  partnerCreate: procedure
    .meta({
      access: partnerManage,
      limits: rateLimits.partner,
      summary: 'Subscribe a URL to registration events; the signing secret is in this answer only',
      openapi: {
        method: 'POST',
        path: '/events/{eventId}/webhooks',
        protect: true,
        tags: ['Webhooks'],
        summary: 'Subscribe a URL to registration events; the signing secret is in this answer only',
        description: receiving,
      },
    })
    .input(s.partnerCreateWebhookInput)
    .output(s.partnerCreatedWebhookDto)
    .mutation(({ ctx, input }) => ctx.services.webhooks.partnerCreate(partnerCaller(ctx), input)),
  partnerRemove: procedure
    .meta({
      access: partnerManage,
      limits: rateLimits.partner,
      summary: 'Remove one of your webhook subscriptions',
      openapi: {
        method: 'DELETE',
        path: '/events/{eventId}/webhooks/{subscriptionId}',
        protect: true,
        tags: ['Webhooks'],
        summary: 'Remove one of your webhook subscriptions',
      },
    })
    .input(s.partnerWebhookRefInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.webhooks.partnerRemove(partnerCaller(ctx), input);
      return ok;
    }),
});
