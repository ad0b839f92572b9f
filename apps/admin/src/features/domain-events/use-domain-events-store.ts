import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { DomainEventDto } from '@plenary/contracts/schemas';
import { api } from '../../api';

export type DomainEventSubscriberStatus = DomainEventDto['subscribers'][number]['status'];

/** The platform's domain events, newest first, a page at a time (read-only). */
export const useDomainEventsStore = defineStore('domainEvents', () => {
  const events = ref<DomainEventDto[]>([]);
  const total = ref(0);
  const status = ref<DomainEventSubscriberStatus | null>(null);
  const offset = ref(0);
  const limit = ref(50);

  async function load(): Promise<void> {
    const page = await api().domainEvents.list.query({
      limit: limit.value,
      offset: offset.value,
      ...(status.value ? { status: status.value } : {}),
    });
    events.value = page.events;
    total.value = page.total;
  }

  return { events, total, status, offset, limit, load };
});
