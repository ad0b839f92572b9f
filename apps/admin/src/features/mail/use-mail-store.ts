import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { z } from 'zod';
import type { MailMessageDto, mailStatusSchema } from '@plenary/contracts/schemas';
import { api } from '../../api';

export type MailStatus = z.infer<typeof mailStatusSchema>;
export const mailStatuses: readonly MailStatus[] = ['queued', 'sent', 'failed', 'captured', 'held'];

/** The platform's mail outbox, newest first, a page at a time. */
export const useMailStore = defineStore('mail', () => {
  const messages = ref<MailMessageDto[]>([]);
  const total = ref(0);
  const status = ref<MailStatus | null>(null);
  const to = ref('');
  /** One event's mail; null: every message of the platform. */
  const eventId = ref<string | null>(null);
  const offset = ref(0);
  const limit = ref(25);

  async function load(): Promise<void> {
    const page = await api().mail.list.query({
      limit: limit.value,
      offset: offset.value,
      ...(status.value ? { status: status.value } : {}),
      ...(to.value.trim() ? { to: to.value.trim() } : {}),
      ...(eventId.value ? { eventId: eventId.value } : {}),
    });
    messages.value = page.messages;
    total.value = page.total;
  }

  async function get(id: string): Promise<MailMessageDto> {
    return api().mail.get.query({ id });
  }

  return { messages, total, status, to, eventId, offset, limit, load, get };
});
