import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { z } from 'zod';
import type { createDelegationInput } from '@plenary/contracts/schemas';
import { api, type ApiClient, type ApiOutput } from '../../api';

export type DelegationSummary = ApiOutput<ApiClient['delegations']['list']['query']>[number];
export type Delegation = ApiOutput<ApiClient['delegations']['create']['mutate']>;

/** Groups registered in one go (a ministry's delegation). */
export const useDelegationsStore = defineStore('delegations', () => {
  const eventId = ref<string | null>(null);
  const delegations = ref<DelegationSummary[]>([]);

  async function load(id: string): Promise<void> {
    if (eventId.value !== id) delegations.value = [];
    eventId.value = id;
    delegations.value = await api().delegations.list.query({ eventId: id });
  }

  async function create(input: z.output<typeof createDelegationInput>): Promise<Delegation> {
    const delegation = await api().delegations.create.mutate(input);
    await load(input.eventId);
    return delegation;
  }

  return { eventId, delegations, load, create };
});
