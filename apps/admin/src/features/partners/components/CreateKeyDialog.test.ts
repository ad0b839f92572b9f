import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import PrimeVue from 'primevue/config';
import ToastService from 'primevue/toastservice';
import { setApi } from '../../../api';
import { createAdminI18n } from '../../../i18n';
import { fakeApi } from '../../../testing/fake-api';
import { usePartnersStore } from '../use-partners-store';
import CreateKeyDialog from './CreateKeyDialog.vue';

const eventId = '0190f5d2-7c1e-7000-8000-0000000000e1';
const kotra = { id: '0190f5d2-7c1e-7000-8000-0000000000a1', name: 'KOTRA' };
const secret = `plk_7Hq2Xc9LmA_${'k'.repeat(43)}`;

async function mountDialog() {
  const pinia = createPinia();
  setActivePinia(pinia);
  const fake = fakeApi({
    'partners.keys': () => ({ keys: [], partners: [kotra] }),
    'partners.createKey': (input) => ({
      apiKey: {
        id: '0190f5d2-7c1e-7000-8000-0000000000b1',
        partnerId: kotra.id,
        partnerName: 'KOTRA',
        eventId,
        name: input.name,
        prefix: 'plk_7Hq2Xc9LmA',
        scopes: input.scopes,
        requestsPerMinute: input.requestsPerMinute ?? null,
        createdAt: '2015-10-01T00:00:00.000Z',
        lastUsedAt: null,
        revokedAt: null,
      },
      key: secret,
    }),
  });
  setApi(fake.client);
  await usePartnersStore().load(eventId);
  const wrapper = mount(CreateKeyDialog, {
    props: { visible: false },
    global: { plugins: [pinia, createAdminI18n('en'), PrimeVue, ToastService] },
    attachTo: document.body,
  });
  await wrapper.setProps({ visible: true });
  await flushPromises();
  return { wrapper, fake };
}

const input = (selector: string) => document.body.querySelector<HTMLInputElement>(selector);

describe('CreateKeyDialog', () => {
  afterEach(() => {
    setApi(null);
    document.body.innerHTML = '';
  });

  it('asks for a name, then shows the new key once with a copy button', async () => {
    const { fake } = await mountDialog();
    const form = document.body.querySelector('form#api-key-form')!;
    form.dispatchEvent(new Event('submit'));
    await flushPromises();
    expect(document.body.textContent).toContain('Enter a name for the key.');
    expect(fake.calls.map((c) => c.path)).toEqual(['partners.keys']);

    const name = input('#api-key-name')!;
    name.value = 'Delegation sync';
    name.dispatchEvent(new Event('input'));
    const limit = input('#api-key-rate-limit')!;
    limit.value = '600';
    limit.dispatchEvent(new Event('input'));
    limit.dispatchEvent(new Event('blur'));
    form.dispatchEvent(new Event('submit'));
    await flushPromises();
    expect(fake.calls.at(-1)).toEqual({
      path: 'partners.createKey',
      input: {
        eventId,
        partnerId: kotra.id,
        name: 'Delegation sync',
        scopes: ['events:read', 'registrations:read', 'registrations:write'],
        requestsPerMinute: 600,
      },
    });
    expect(input('#api-key-secret')?.value).toBe(secret);
    expect(document.body.textContent).toContain('This key is shown now and never again.');

    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const copy = [...document.body.querySelectorAll('button')].find((b) => b.textContent?.includes('Copy'));
    copy!.click();
    await flushPromises();
    expect(writeText).toHaveBeenCalledWith(secret);
  });
});
