import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { ApiKeyDto, ApiScope, PartnerDto } from '@plenary/contracts/schemas';
import { api } from '../../api';

export type PartnerChoice = Pick<PartnerDto, 'id' | 'name'>;

/** An event's partner API keys, the partners linked to it (a key may be for these only), and new ones for it. */
export const usePartnersStore = defineStore('partners', () => {
  const eventId = ref<string | null>(null);
  const keys = ref<ApiKeyDto[]>([]);
  const partners = ref<PartnerChoice[]>([]);

  async function load(id: string): Promise<void> {
    if (eventId.value !== id) keys.value = [];
    eventId.value = id;
    const out = await api().partners.keys.query({ eventId: id });
    keys.value = out.keys;
    partners.value = out.partners;
  }

  function requireEvent(): string {
    if (!eventId.value) throw new Error('partners store used before load()');
    return eventId.value;
  }

  /** Issues a key; the returned secret is shown once and kept nowhere in the store. */
  async function createKey(input: {
    partnerId: string;
    name: string;
    scopes: ApiScope[];
    requestsPerMinute?: number | null;
  }): Promise<string> {
    const created = await api().partners.createKey.mutate({ eventId: requireEvent(), ...input });
    keys.value = [created.apiKey, ...keys.value];
    return created.key;
  }

  async function revokeKey(apiKeyId: string): Promise<void> {
    const revoked = await api().partners.revokeKey.mutate({ eventId: requireEvent(), apiKeyId });
    keys.value = keys.value.map((k) => (k.id === revoked.id ? revoked : k));
  }

  /** A partner for this event only (linked to it; a platform admin may link it elsewhere). */
  async function createPartner(input: { name: string; contactEmail: string | null }): Promise<PartnerDto> {
    const partner = await api().partners.createForEvent.mutate({ eventId: requireEvent(), ...input });
    partners.value = [...partners.value, { id: partner.id, name: partner.name }].sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    return partner;
  }

  return { eventId, keys, partners, load, createKey, revokeKey, createPartner };
});
