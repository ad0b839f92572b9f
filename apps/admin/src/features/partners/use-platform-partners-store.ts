import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { PartnerDto } from '@plenary/contracts/schemas';
import { api } from '../../api';

export interface PartnerFields {
  name: string;
  contactEmail: string | null;
}

/** Every partner organisation of the platform and the events each is linked to (platform admins). */
export const usePlatformPartnersStore = defineStore('platform-partners', () => {
  const partners = ref<PartnerDto[]>([]);

  async function load(): Promise<void> {
    partners.value = await api().partners.list.query();
  }

  function put(partner: PartnerDto) {
    const rest = partners.value.filter((p) => p.id !== partner.id);
    partners.value = [...rest, partner].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Creates or changes a partner, then links it to exactly these events. */
  async function save(id: string | null, fields: PartnerFields, eventIds: string[]): Promise<PartnerDto> {
    let partner = id
      ? await api().partners.update.mutate({ partnerId: id, ...fields })
      : await api().partners.create.mutate(fields);
    const same =
      partner.eventIds.length === eventIds.length && partner.eventIds.every((e) => eventIds.includes(e));
    if (!same) partner = await api().partners.setEvents.mutate({ partnerId: partner.id, eventIds });
    put(partner);
    return partner;
  }

  return { partners, load, save };
});
