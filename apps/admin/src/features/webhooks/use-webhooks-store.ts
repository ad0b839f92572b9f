import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { z } from 'zod';
import type {
  createdWebhookDto,
  createWebhookInput,
  webhookDeliveryDto,
  webhookDeliveryStatusSchema,
  webhookPartnerDto,
  webhookSubscriptionDto,
} from '@plenary/contracts/schemas';
import { api } from '../../api';

export type WebhookSubscription = z.infer<typeof webhookSubscriptionDto>;
export type CreatedWebhook = z.infer<typeof createdWebhookDto>;
export type WebhookPartner = z.infer<typeof webhookPartnerDto>;
export type WebhookDelivery = z.infer<typeof webhookDeliveryDto>;
export type WebhookDeliveryStatus = z.infer<typeof webhookDeliveryStatusSchema>;
export type CreateWebhookInput = z.output<typeof createWebhookInput>;

/** One event's webhook subscriptions and their delivery log (a page at a time, newest first). */
export const useWebhooksStore = defineStore('webhooks', () => {
  const eventId = ref<string | null>(null);
  const subscriptions = ref<WebhookSubscription[]>([]);
  const partners = ref<WebhookPartner[]>([]);
  const deliveries = ref<WebhookDelivery[]>([]);
  const total = ref(0);
  const status = ref<WebhookDeliveryStatus | null>(null);
  const offset = ref(0);
  const limit = ref(25);

  function requireEvent(): string {
    if (!eventId.value) throw new Error('webhooks store used before load()');
    return eventId.value;
  }

  /** Opens an event: its subscriptions and the first page of its log. */
  async function load(id: string): Promise<void> {
    if (eventId.value !== id) {
      subscriptions.value = [];
      partners.value = [];
      deliveries.value = [];
      total.value = 0;
      status.value = null;
      offset.value = 0;
    }
    eventId.value = id;
    await Promise.all([loadSubscriptions(), loadDeliveries()]);
  }

  async function loadSubscriptions(): Promise<void> {
    subscriptions.value = await api().webhooks.list.query({ eventId: requireEvent() });
  }

  async function loadPartners(): Promise<void> {
    partners.value = await api().webhooks.partners.query({ eventId: requireEvent() });
  }

  async function loadDeliveries(): Promise<void> {
    const page = await api().webhooks.deliveries.query({
      eventId: requireEvent(),
      limit: limit.value,
      offset: offset.value,
      ...(status.value ? { status: status.value } : {}),
    });
    deliveries.value = page.deliveries;
    total.value = page.total;
  }

  /** Subscribes a partner; the answer carries the signing secret, which is never shown again. */
  async function create(input: Omit<CreateWebhookInput, 'eventId'>): Promise<CreatedWebhook> {
    const created = await api().webhooks.create.mutate({ ...input, eventId: requireEvent() });
    const { secret: _secret, ...subscription } = created;
    subscriptions.value = [...subscriptions.value, subscription];
    return created;
  }

  async function remove(subscriptionId: string): Promise<void> {
    await api().webhooks.remove.mutate({ eventId: requireEvent(), subscriptionId });
    subscriptions.value = subscriptions.value.map((s) =>
      s.id === subscriptionId ? { ...s, active: false } : s,
    );
  }

  async function redeliver(deliveryId: string): Promise<void> {
    const updated = await api().webhooks.redeliver.mutate({ eventId: requireEvent(), deliveryId });
    deliveries.value = deliveries.value.map((d) => (d.id === deliveryId ? updated : d));
  }

  return {
    eventId,
    subscriptions,
    partners,
    deliveries,
    total,
    status,
    offset,
    limit,
    load,
    loadSubscriptions,
    loadPartners,
    loadDeliveries,
    create,
    remove,
    redeliver,
  };
});
