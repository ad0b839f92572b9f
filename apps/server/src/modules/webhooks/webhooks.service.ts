import { randomBytes } from 'node:crypto';
import type { Caller, EventCaller, PartnerCaller, WebhookServices } from '@plenary/contracts';
import { DomainError } from '@plenary/contracts';
import type { WebhookEventType } from '@plenary/db/schema';
import { inTransaction, notFound, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { WEBHOOK_QUEUE } from './webhook-outbox';
import {
  deactivateSubscription,
  findDelivery,
  findPartnerName,
  lockPartnerSubscriptions,
  findSubscription,
  insertSubscription,
  listDeliveries,
  listPartnersWithKeys,
  listSubscriptions,
  setDeliveryStatus,
  type DeliveryRow,
  type SubscriptionRow,
} from './webhooks.repo';

type Service = WebhookServices['webhooks'];

/** A signing secret: 32 random bytes, prefixed so it is recognised when pasted somewhere it should not be. */
function newSecret(): string {
  return 'whsec_' + randomBytes(32).toString('base64url');
}

function subscriptionDto(r: SubscriptionRow) {
  return {
    id: r.id,
    partnerId: r.partnerId,
    partnerName: r.partnerName,
    eventId: r.eventId,
    url: r.url,
    eventTypes: r.eventTypes,
    active: r.active,
    createdAt: r.createdAt.toISOString(),
  };
}

function partnerDto(r: SubscriptionRow) {
  return {
    id: r.id,
    eventId: r.eventId,
    url: r.url,
    eventTypes: r.eventTypes,
    createdAt: r.createdAt.toISOString(),
  };
}

function deliveryDto(r: DeliveryRow) {
  return {
    id: r.id,
    subscriptionId: r.subscriptionId,
    partnerName: r.partnerName,
    url: r.url,
    eventType: r.eventType,
    status: r.status,
    attempts: r.attempts,
    lastStatusCode: r.lastStatusCode,
    lastError: r.lastError,
    lastAttemptAt: r.lastAttemptAt?.toISOString() ?? null,
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

/** What the audit log keeps of a subscription: never its secret. */
const audited = (r: { partnerId: string; url: string; eventTypes: WebhookEventType[]; active: boolean }) => ({
  partnerId: r.partnerId,
  url: r.url,
  eventTypes: r.eventTypes,
  active: r.active,
});

/** A partner's change, in the audit log under the partner's name (there is no signed-in user). */
function partnerAuditCaller(caller: PartnerCaller): { caller: Caller; label: string } {
  const { apiKeyId, partnerId, partnerName } = caller.partner;
  // The audit names the key and its partner by id (the label is derived from them).
  const agent = { kind: 'apiKey' as const, apiKeyId, partnerId, partnerName };
  return { caller: { actor: null, request: caller.request, agent }, label: `partner:${partnerName}` };
}

function partnerEventId(caller: PartnerCaller): string {
  // The partner rule resolves the event the input names; every partner procedure here names one.
  if (!caller.eventId) throw new DomainError('INVALID_INPUT', { key: 'nameTheEvent' }, { eventId: ['Required'] });
  return caller.eventId;
}

/**
 * Active subscriptions per partner, over all its events: each is a fan-out of
 * deliveries per registration, and a key should not multiply the server's outgoing calls without end.
 */
export const MAX_SUBSCRIPTIONS_PER_PARTNER = 20;

export function createWebhookServices(runtime: Runtime): WebhookServices {
  async function subscribe(
    who: { caller: Caller; label?: string },
    f: { eventId: string; partnerId: string; url: string; eventTypes: WebhookEventType[] },
  ) {
    const secret = newSecret();
    const row = await inTransaction(runtime, async ({ tx }) => {
      const partnerName = await findPartnerName(tx, f.partnerId);
      if (partnerName === undefined) throw notFound('The partner');
      if ((await lockPartnerSubscriptions(tx, f.partnerId)) >= MAX_SUBSCRIPTIONS_PER_PARTNER)
        throw new DomainError(
          'CONFLICT',
          { key: 'webhookLimitReached', params: { max: MAX_SUBSCRIPTIONS_PER_PARTNER } },
        );
      const id = await insertSubscription(tx, {
        partnerId: f.partnerId,
        eventId: f.eventId,
        url: f.url,
        secret,
        eventTypes: f.eventTypes,
        active: true,
        createdAt: runtime.now(),
      });
      const created = await findSubscription(tx, f.eventId, id);
      if (!created) throw new Error('webhook subscription vanished');
      await recordAudit(tx, who.caller, {
        eventId: f.eventId,
        action: 'webhook.create',
        objectType: 'webhookSubscription',
        objectId: id,
        after: audited(created),
        ...(who.label ? { actorLabel: who.label } : {}),
      });
      return created;
    });
    return { row, secret };
  }

  async function unsubscribe(
    who: { caller: Caller; label?: string },
    eventId: string,
    subscriptionId: string,
    partnerId?: string,
  ) {
    await inTransaction(runtime, async ({ tx }) => {
      const row = await findSubscription(tx, eventId, subscriptionId);
      // Another partner's subscription is reported as missing, so ids cannot be probed.
      if (!row || !row.active || (partnerId !== undefined && row.partnerId !== partnerId))
        throw notFound('The webhook subscription');
      await deactivateSubscription(tx, row.id);
      await recordAudit(tx, who.caller, {
        eventId,
        action: 'webhook.remove',
        objectType: 'webhookSubscription',
        objectId: row.id,
        before: audited(row),
        after: audited({ ...row, active: false }),
        ...(who.label ? { actorLabel: who.label } : {}),
      });
    });
  }

  const webhooks: Service = {
    async list(caller: EventCaller) {
      return (await listSubscriptions(runtime.db, { eventId: caller.eventId })).map(subscriptionDto);
    },
    async partners(caller) {
      return listPartnersWithKeys(runtime.db, caller.eventId);
    },
    async create(caller, input) {
      const { row, secret } = await subscribe({ caller }, { ...input, eventId: caller.eventId });
      return { ...subscriptionDto(row), secret };
    },
    async remove(caller, input) {
      await unsubscribe({ caller }, caller.eventId, input.subscriptionId);
    },
    async deliveries(caller, input) {
      const { rows, total } = await listDeliveries(runtime.db, { ...input, eventId: caller.eventId });
      return { deliveries: rows.map(deliveryDto), total };
    },
    async redeliver(caller, input) {
      const row = await inTransaction(runtime, async (uow) => {
        const { tx } = uow;
        const found = await findDelivery(tx, caller.eventId, input.deliveryId);
        if (!found) throw notFound('The delivery');
        if (!found.active)
          throw new DomainError('INVALID_STATE', { key: 'webhookSubscriptionRemoved' });
        await setDeliveryStatus(tx, found.id, 'pending');
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'webhook.redeliver',
          objectType: 'webhookDelivery',
          objectId: found.id,
          before: { status: found.status },
          after: { status: 'pending' },
        });
        uow.afterCommit(() => runtime.jobs.send(WEBHOOK_QUEUE, { id: found.id }));
        return { ...found, status: 'pending' as const };
      });
      return deliveryDto(row);
    },

    async partnerList(caller) {
      const rows = await listSubscriptions(runtime.db, {
        eventId: partnerEventId(caller),
        partnerId: caller.partner.partnerId,
        activeOnly: true,
      });
      return { webhooks: rows.map(partnerDto) };
    },
    async partnerCreate(caller, input) {
      const who = partnerAuditCaller(caller);
      const { row, secret } = await subscribe(
        { caller: who.caller, label: who.label },
        {
          eventId: partnerEventId(caller),
          partnerId: caller.partner.partnerId,
          url: input.url,
          eventTypes: input.eventTypes,
        },
      );
      return { ...partnerDto(row), secret };
    },
    async partnerRemove(caller, input) {
      const who = partnerAuditCaller(caller);
      await unsubscribe(
        { caller: who.caller, label: who.label },
        partnerEventId(caller),
        input.subscriptionId,
        caller.partner.partnerId,
      );
    },
  };
  return { webhooks };
}
