import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import PrimeVue from 'primevue/config';
import ToastService from 'primevue/toastservice';
import type { EventDto, EventMailTemplateDto } from '@plenary/contracts/schemas';
import { setApi } from '../../api';
import { createAdminI18n } from '../../i18n';
import { apiError, fakeApi, type FakeHandlers } from '../../testing/fake-api';
import { useEventsStore } from '../events/use-events-store';
import MailTemplatesView from './MailTemplatesView.vue';

const eventId = '0190f5d2-7c1e-7000-8000-0000000000e1';
const rendered = (subject: string) => ({ subject, text: 'Dear Anna', html: '<p>Dear Anna</p>' });
const confirmed: EventMailTemplateDto = {
  kind: 'registration.confirmed',
  placeholders: ['eventTitle', 'name', 'startsAt'],
  defaults: {
    ko: { subject: '[{{eventTitle}}] 등록이 확정되었습니다', text: '{{name}}님', html: null },
    en: { subject: '[{{eventTitle}}] Your registration is confirmed', text: 'Dear {{name}}', html: null },
  },
  previews: {
    ko: rendered('[행사] 등록이 확정되었습니다'),
    en: rendered('[Event] Your registration is confirmed'),
  },
  overrides: { ko: null, en: null },
};

async function mountView(handlers: FakeHandlers) {
  const fake = fakeApi({ 'mail.eventTemplates': () => ({ templates: [confirmed] }), ...handlers });
  setApi(fake.client);
  const pinia = createPinia();
  setActivePinia(pinia);
  useEventsStore().current = { id: eventId, timeZone: 'Asia/Seoul' } as EventDto;
  const wrapper = mount(MailTemplatesView, {
    global: { plugins: [pinia, createAdminI18n('en'), PrimeVue, ToastService] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, fake };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the mail wording page', () => {
  it('starts from the default wording and saves the edited one for the chosen language', async () => {
    const { wrapper, fake } = await mountView({ 'mail.saveOverride': () => ({ ok: true }) });
    const subject = wrapper.get<HTMLInputElement>('#template-subject');
    expect(subject.element.value).toBe('[{{eventTitle}}] 등록이 확정되었습니다');
    await subject.setValue('See you, {{name}}');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(fake.calls.find((c) => c.path === 'mail.saveOverride')?.input).toEqual({
      eventId,
      kind: 'registration.confirmed',
      locale: 'ko',
      subject: 'See you, {{name}}',
      text: '{{name}}님',
      html: null,
    });
  });

  it('shows the server’s verdict on the field with an unknown placeholder', async () => {
    const { wrapper } = await mountView({
      'mail.saveOverride': () => {
        throw apiError('INVALID_INPUT', 'The template has errors', {
          fieldErrors: { subject: ['Unknown placeholder {{nmae}}'] },
        });
      },
    });
    await wrapper.get('#template-subject').setValue('Hi {{nmae}}');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('#template-subject-error').text()).toBe('Unknown placeholder {{nmae}}');
  });
});
