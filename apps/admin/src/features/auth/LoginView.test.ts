import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import PrimeVue from 'primevue/config';
import { createMemoryHistory, createRouter } from 'vue-router';
import { setValidationLocale, type Me } from '@plenary/contracts/schemas';
import type { Locale } from '@plenary/ui';
import { setApi } from '../../api';
import { createAdminI18n } from '../../i18n';
import { apiError, fakeApi } from '../../testing/fake-api';
import LoginView from './LoginView.vue';
import { authFeature } from './routes';

const anonymous: Me = { user: null, secondFactorPending: false, csrfToken: null, memberships: [] };
const pending: Me = {
  user: {
    id: '0190f5d2-7c1e-7000-8000-000000000001',
    email: 'chair@example.org',
    displayName: 'Kim',
    isPlatformAdmin: false,
    locale: 'en',
    totpEnabled: true,
  },
  secondFactorPending: true,
  csrfToken: 'csrf-pending',
  memberships: [],
};

async function mountLogin(
  handlers: Parameters<typeof fakeApi>[0],
  path = '/login',
  locale: Locale = 'en',
  withPrimeVue = true,
) {
  const fake = fakeApi(handlers);
  setApi(fake.client);
  const router = createRouter({
    history: createMemoryHistory('/admin/'),
    routes: [
      ...(authFeature.public ?? []),
      { path: '/', name: 'home', component: { template: '<p>home</p>' } },
    ],
  });
  await router.push(path);
  const wrapper = mount(LoginView, {
    global: { plugins: [createPinia(), createAdminI18n(locale), ...(withPrimeVue ? [PrimeVue] : []), router] },
    attachTo: document.body,
  });
  return { wrapper, router, fake };
}

async function signIn(wrapper: Awaited<ReturnType<typeof mountLogin>>['wrapper']) {
  await wrapper.get('#login-email').setValue('chair@example.org');
  await wrapper.get('#login-password').setValue('correct horse battery');
  await wrapper.get('form').trigger('submit');
  await flushPromises();
}

describe('LoginView', () => {
  afterEach(() => {
    setApi(null);
    setValidationLocale('en');
    document.body.innerHTML = '';
  });

  it('labels its inputs and goes on to the second-factor step, keeping the redirect', async () => {
    const answers = [pending];
    const { wrapper, router, fake } = await mountLogin(
      { 'auth.login': () => ({ secondFactorRequired: true }), 'auth.me': () => answers.shift() ?? anonymous },
      '/login?redirect=/events/e1/team',
    );
    expect(wrapper.get('h1').text()).toBe('Sign in');
    expect(wrapper.get('label[for="login-email"]').text()).toBe('Email');
    expect(wrapper.get('label[for="login-password"]').text()).toBe('Password');

    await signIn(wrapper);

    expect(fake.calls.slice(0, 2)).toEqual([
      { path: 'auth.login', input: { email: 'chair@example.org', password: 'correct horse battery' } },
      { path: 'auth.me', input: undefined },
    ]);
    // The second-factor view is a lazy route: wait for its chunk.
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('second-factor'));
    expect(router.currentRoute.value.query).toEqual({ redirect: '/events/e1/team' });
    wrapper.unmount();
  });

  it('shows how long to wait when sign-in is throttled, and disables the button', async () => {
    const { wrapper } = await mountLogin({
      'auth.login': () => {
        throw apiError('TOO_MANY_ATTEMPTS', 'Too many attempts', { retryAfterSeconds: 30 });
      },
    });
    await signIn(wrapper);
    expect(wrapper.get('[data-test="form-error"]').text()).toBe(
      'Too many attempts. Try again in 30 seconds.',
    );
    expect(wrapper.get('button[type="submit"]').attributes('disabled')).toBeDefined();
    wrapper.unmount();
  });

  it('puts field errors under their field and links them to the input', async () => {
    const { wrapper } = await mountLogin({
      'auth.login': () => {
        throw apiError('INVALID_INPUT', 'Some fields are not valid: email', {
          fieldErrors: { email: ['Enter a valid email address'] },
        });
      },
    });
    await signIn(wrapper);
    expect(wrapper.get('[data-test="form-error"]').text()).toBe('Please check the marked fields.');
    expect(wrapper.get('#login-email-error').text()).toBe('Enter a valid email address');
    expect(wrapper.get('#login-email').attributes('aria-describedby')).toBe('login-email-error');
    expect(wrapper.get('#login-email').attributes('aria-invalid')).toBe('true');
    wrapper.unmount();
  });

  it('checks the email in the browser, in Korean, and sends nothing', async () => {
    const { wrapper, fake } = await mountLogin({}, '/login', 'ko');
    await wrapper.get('#login-email').setValue('chair@');
    await wrapper.get('#login-password').setValue('correct horse battery');
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    expect(fake.calls).toEqual([]);
    expect(wrapper.get('[data-test="form-error"]').text()).toBe('표시된 항목을 확인하세요.');
    expect(wrapper.get('#login-email-error').text()).toBe('올바른 이메일 주소를 입력하세요');
    expect(wrapper.get('#login-email').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('#login-password-error').exists()).toBe(false);
    wrapper.unmount();
  });

  it('works without PrimeVue, which the sign-in page loads without (issue 10: its first load)', async () => {
    const warnings: unknown[][] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args));
    const { wrapper, router, fake } = await mountLogin(
      { 'auth.login': () => ({ secondFactorRequired: false }), 'auth.me': () => anonymous },
      '/login',
      'en',
      false,
    );
    await signIn(wrapper);
    warn.mockRestore();
    expect(warnings).toEqual([]);
    expect(fake.calls[0]).toEqual({
      path: 'auth.login',
      input: { email: 'chair@example.org', password: 'correct horse battery' },
    });
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('home'));
    wrapper.unmount();
  });
});
