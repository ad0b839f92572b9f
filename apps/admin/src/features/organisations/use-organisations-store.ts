import { ref } from 'vue';
import { defineStore } from 'pinia';
import type {
  CreateOrganisationInput,
  ListOrganisationsInput,
  OrganisationDto,
} from '@plenary/contracts/schemas';
import { api } from '../../api';

/** The platform's shared organisations, a page at a time, with edits and merges (platform admins). */
export const useOrganisationsStore = defineStore('organisations', () => {
  const items = ref<OrganisationDto[]>([]);
  const total = ref(0);
  const filter = ref<ListOrganisationsInput>({ search: '', limit: 50, offset: 0 });

  async function load(next: Partial<ListOrganisationsInput> = {}): Promise<void> {
    const wanted = { ...filter.value, ...next };
    const page = await api().organisations.list.query(wanted);
    filter.value = wanted;
    items.value = page.items;
    total.value = page.total;
  }

  function put(organisation: OrganisationDto) {
    items.value = items.value.some((o) => o.id === organisation.id)
      ? items.value.map((o) => (o.id === organisation.id ? organisation : o))
      : [organisation, ...items.value];
  }

  async function save(id: string | null, fields: CreateOrganisationInput): Promise<OrganisationDto> {
    const saved = id
      ? await api().organisations.update.mutate({ organisationId: id, ...fields })
      : await api().organisations.create.mutate(fields);
    put(saved);
    if (!id) total.value += 1;
    return saved;
  }

  /** Folds the duplicates into the survivor; they leave the list. */
  async function merge(survivorId: string, duplicateIds: string[]): Promise<OrganisationDto> {
    const survivor = await api().organisations.merge.mutate({ survivorId, duplicateIds });
    items.value = items.value.filter((o) => !duplicateIds.includes(o.id));
    total.value -= duplicateIds.length;
    put(survivor);
    return survivor;
  }

  return { items, total, filter, load, save, merge };
});
