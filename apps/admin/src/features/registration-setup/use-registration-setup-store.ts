import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { z } from 'zod';
import type {
  CategoryDto,
  ConsentVersionDto,
  createCategoryInput,
  createInvitationCodeInput,
  createOptionInput,
  InvitationCodeDto,
  OptionDto,
  publishConsentInput,
  RegistrationSettingsDto,
  updateCategoryInput,
  updateOptionInput,
  updateRegistrationFormInput,
  updateRegistrationSettingsInput,
} from '@plenary/contracts/schemas';
import { api } from '../../api';

type Out<T extends z.ZodType> = z.output<T>;

/** What staff set up before registration opens: rules, form, categories, options, codes, consent texts. */
export const useRegistrationSetupStore = defineStore('registrationSetup', () => {
  const eventId = ref<string | null>(null);
  const settings = ref<RegistrationSettingsDto | null>(null);
  const categories = ref<CategoryDto[]>([]);
  const options = ref<OptionDto[]>([]);
  const codes = ref<InvitationCodeDto[]>([]);
  const consents = ref<ConsentVersionDto[]>([]);

  function requireEvent(): string {
    if (!eventId.value) throw new Error('registration setup store used before load()');
    return eventId.value;
  }

  /** Loads everything the setup pages show; codes only for those who may manage them. */
  async function load(id: string, withCodes: boolean): Promise<void> {
    if (eventId.value !== id) {
      settings.value = null;
      categories.value = [];
      options.value = [];
      codes.value = [];
      consents.value = [];
    }
    eventId.value = id;
    const client = api().registrationSetup;
    const [s, c, o, k, v] = await Promise.all([
      client.settings.query({ eventId: id }),
      client.categories.query({ eventId: id }),
      client.options.query({ eventId: id }),
      withCodes ? client.codes.query({ eventId: id }) : Promise.resolve([]),
      client.consents.query({ eventId: id }),
    ]);
    settings.value = s;
    categories.value = c;
    options.value = o;
    codes.value = k;
    consents.value = v;
  }

  async function saveSettings(input: Out<typeof updateRegistrationSettingsInput>) {
    settings.value = await api().registrationSetup.updateSettings.mutate(input);
  }

  async function saveForm(input: Out<typeof updateRegistrationFormInput>) {
    settings.value = await api().registrationSetup.updateForm.mutate(input);
  }

  async function refreshCategories() {
    categories.value = await api().registrationSetup.categories.query({ eventId: requireEvent() });
  }

  async function createCategory(input: Out<typeof createCategoryInput>) {
    const created = await api().registrationSetup.createCategory.mutate(input);
    await refreshCategories();
    return created;
  }

  async function updateCategory(input: Out<typeof updateCategoryInput>) {
    const updated = await api().registrationSetup.updateCategory.mutate(input);
    await refreshCategories();
    return updated;
  }

  async function deleteCategory(categoryId: string) {
    await api().registrationSetup.deleteCategory.mutate({ eventId: requireEvent(), categoryId });
    categories.value = categories.value.filter((c) => c.id !== categoryId);
  }

  async function refreshOptions() {
    options.value = await api().registrationSetup.options.query({ eventId: requireEvent() });
  }

  async function createOption(input: Out<typeof createOptionInput>) {
    const created = await api().registrationSetup.createOption.mutate(input);
    await refreshOptions();
    return created;
  }

  async function updateOption(input: Out<typeof updateOptionInput>) {
    const updated = await api().registrationSetup.updateOption.mutate(input);
    await refreshOptions();
    return updated;
  }

  async function deleteOption(optionId: string) {
    await api().registrationSetup.deleteOption.mutate({ eventId: requireEvent(), optionId });
    options.value = options.value.filter((o) => o.id !== optionId);
  }

  /** A code that reserves places changes what its category has left: both are read again. */
  async function createCode(input: Out<typeof createInvitationCodeInput>) {
    const created = await api().registrationSetup.createCode.mutate(input);
    codes.value = [created, ...codes.value];
    await refreshCategories();
    return created;
  }

  async function revokeCode(codeId: string) {
    const id = requireEvent();
    await api().registrationSetup.revokeCode.mutate({ eventId: id, codeId });
    codes.value = await api().registrationSetup.codes.query({ eventId: id });
    await refreshCategories();
  }

  async function publishConsent(input: Out<typeof publishConsentInput>) {
    const published = await api().registrationSetup.publishConsent.mutate(input);
    consents.value = await api().registrationSetup.consents.query({ eventId: requireEvent() });
    return published;
  }

  return {
    eventId,
    settings,
    categories,
    options,
    codes,
    consents,
    load,
    saveSettings,
    saveForm,
    createCategory,
    updateCategory,
    deleteCategory,
    createOption,
    updateOption,
    deleteOption,
    createCode,
    revokeCode,
    publishConsent,
  };
});
