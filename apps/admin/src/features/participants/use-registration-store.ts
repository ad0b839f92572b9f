import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { z } from 'zod';
import type {
  FormQuestion,
  setPaymentInput,
  staffRegisterInput,
  updateParticipantInput,
} from '@plenary/contracts/schemas';
import { api, type ApiClient, type ApiOutput } from '../../api';

export type RegistrationDetail = ApiOutput<ApiClient['registrations']['get']['query']>;
export type PaymentInput = Omit<z.input<typeof setPaymentInput>, 'eventId' | 'registrationId'>;
export type ParticipantPatch = Omit<z.input<typeof updateParticipantInput>, 'eventId' | 'registrationId'>;

/** One registration as staff handle it: details, history, decisions, payment. */
export const useRegistrationStore = defineStore('registration', () => {
  const registration = ref<RegistrationDetail | null>(null);
  /** The form's custom questions, to show answers under their labels. */
  const questions = ref<FormQuestion[]>([]);
  let questionsOf: string | null = null;
  let target: { eventId: string; registrationId: string } | null = null;

  function current() {
    if (!target) throw new Error('registration store used before load()');
    return target;
  }

  async function load(eventId: string, registrationId: string): Promise<void> {
    if (target?.registrationId !== registrationId) registration.value = null;
    target = { eventId, registrationId };
    registration.value = await api().registrations.get.query(target);
    if (questionsOf !== eventId) {
      questions.value = (await api().registrationSetup.settings.query({ eventId })).questions;
      questionsOf = eventId;
    }
  }

  async function approve(): Promise<void> {
    const { eventId, registrationId } = current();
    await api().registrations.approve.mutate({ eventId, registrationIds: [registrationId], reason: null });
    await load(eventId, registrationId);
  }

  async function reject(reason: string | null): Promise<void> {
    const { eventId, registrationId } = current();
    await api().registrations.reject.mutate({ eventId, registrationIds: [registrationId], reason });
    await load(eventId, registrationId);
  }

  async function cancel(reason: string | null): Promise<void> {
    await api().registrations.cancel.mutate({ ...current(), reason });
    await load(current().eventId, current().registrationId);
  }

  async function setPayment(input: PaymentInput): Promise<void> {
    await api().registrations.setPayment.mutate({ ...current(), ...input });
    await load(current().eventId, current().registrationId);
  }

  async function update(patch: ParticipantPatch): Promise<void> {
    await api().registrations.update.mutate({ ...current(), ...patch });
    await load(current().eventId, current().registrationId);
  }

  /** Staff register someone by hand; the new registration becomes the current one. */
  async function create(input: z.output<typeof staffRegisterInput>): Promise<RegistrationDetail> {
    const created = await api().registrations.create.mutate(input);
    await load(input.eventId, created.id);
    return registration.value ?? { ...created, history: [] };
  }

  return { registration, questions, load, create, approve, reject, cancel, setPayment, update };
});
