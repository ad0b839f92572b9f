import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { z } from 'zod';
import type {
  EventMailTemplateDto,
  MailTemplateDto,
  RenderedMailDto,
  mailSuppressionDto,
  templateOverrideInput,
} from '@plenary/contracts/schemas';
import { api } from '../../api';

export type OverrideInput = z.input<typeof templateOverrideInput>;
export type MailSuppression = z.infer<typeof mailSuppressionDto>;

/** Mail wording: the defaults of every kind (platform) and one event's overrides. */
export const useMailTemplatesStore = defineStore('mail-templates', () => {
  const defaults = ref<MailTemplateDto[]>([]);
  const eventTemplates = ref<EventMailTemplateDto[]>([]);
  const suppressions = ref<MailSuppression[]>([]);

  async function loadDefaults(): Promise<void> {
    defaults.value = (await api().mail.templates.query()).templates;
  }
  async function loadEvent(eventId: string): Promise<void> {
    eventTemplates.value = (await api().mail.eventTemplates.query({ eventId })).templates;
  }
  async function preview(input: OverrideInput): Promise<RenderedMailDto> {
    return api().mail.previewOverride.mutate(input);
  }
  async function save(input: OverrideInput): Promise<void> {
    await api().mail.saveOverride.mutate(input);
    await loadEvent(input.eventId);
  }
  async function reset(input: Pick<OverrideInput, 'eventId' | 'kind' | 'locale'>): Promise<void> {
    await api().mail.deleteOverride.mutate(input);
    await loadEvent(input.eventId);
  }
  async function sendTest(input: OverrideInput): Promise<string> {
    return (await api().mail.sendTestOverride.mutate(input)).to;
  }
  async function loadSuppressions(): Promise<void> {
    suppressions.value = (await api().mail.suppressions.query()).suppressions;
  }
  async function unsuppress(address: string): Promise<void> {
    await api().mail.unsuppress.mutate({ address });
    suppressions.value = suppressions.value.filter((s) => s.address !== address);
  }

  return {
    defaults,
    eventTemplates,
    suppressions,
    loadDefaults,
    loadEvent,
    preview,
    save,
    reset,
    sendTest,
    loadSuppressions,
    unsuppress,
  };
});

/** "registration.offer" -> the i18n key of its name (vue-i18n reads dots as nesting). */
export const kindKey = (kind: string) => `mailTemplates.kinds.${kind.replace(/\./g, '_')}`;
