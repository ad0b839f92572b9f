import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import App from '../../App.vue';
import { fakePortalApi, tci2015 } from '../../testing/fake-portal-api';
import { mountPortal } from '../../testing/mount-portal';
import { lan } from '../../testing/account-fixtures';
import { offeredRegistration } from '../../testing/registration-fixtures';
import { setPersonCsrfToken } from '../../lib/person-session';

describe('MyConferenceView', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    sessionStorage.clear();
    setPersonCsrfToken(null);
  });

  it('shows one card per section, each from its module: the registration with its QR ticket, the delegation', async () => {
    const api = fakePortalApi([tci2015], { person: lan, signedIn: true });
    const { wrapper } = await mountPortal(App, { api, locale: 'en', path: `/me/${tci2015.id}` });
    await vi.waitFor(() => expect(wrapper.find('.registration-card').exists()).toBe(true));
    expect(wrapper.get('h1').text()).toBe('18th TCI Global Conference');
    expect(wrapper.get('.registration-card__status').text()).toBe('Confirmed');
    expect(wrapper.get('.registration-card__reference').text()).toBe('TCI-4821');
    await vi.waitFor(() => expect(wrapper.find('.registration-card__ticket img').exists()).toBe(true));
    expect(wrapper.get('.registration-card__ticket img').attributes('alt')).toBe('QR code of your ticket');
    await vi.waitFor(() => expect(wrapper.find('.delegation-card').exists()).toBe(true));
    expect(wrapper.get('.delegation-card li strong').text()).toBe('Ministry of Planning');
    expect(wrapper.get('.delegation-card__counts').text()).toBe('Members 3 · Confirmed 2');
  });

  it('opens the registration’s own page with a fresh link, without asking to prove the address again', async () => {
    const api = fakePortalApi([tci2015], {
      person: lan,
      signedIn: true,
      registration: { ...offeredRegistration, status: 'confirmed', offerExpiresAt: null },
    });
    const { wrapper, router } = await mountPortal(App, { api, locale: 'en', path: `/me/${tci2015.id}` });
    await vi.waitFor(() => expect(wrapper.find('.registration-card button').exists()).toBe(true));
    await wrapper.get('.registration-card button').trigger('click');
    await flushPromises();
    // The registration page loads lazily: the first import in a test run is slow.
    await vi.waitFor(() => expect(wrapper.find('.my-registration__reference').exists()).toBe(true), {
      timeout: 10_000,
    });
    expect(router.currentRoute.value.fullPath).toBe('/r');
    expect(api.calls.map((c) => c.procedure)).toEqual([
      'me.conference',
      'me.openRegistration',
      'myRegistration.get',
      'portalRegistration.form',
    ]);
  });

  it('an event where the person has nothing says so', async () => {
    const api = fakePortalApi([tci2015], { person: lan, signedIn: true });
    const { wrapper } = await mountPortal(App, {
      api,
      locale: 'ko',
      path: '/me/0193a5b2-7c1e-7d40-9a3e-2f1c5e8b9a99',
    });
    expect(wrapper.get('.notice').text()).toBe('이 행사에서 내 등록을 찾지 못했습니다.');
  });
});

describe('the personal page in a new tab', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    sessionStorage.clear();
    setPersonCsrfToken(null);
  });

  it('opening the emailed link signs the person in, so /r in a new tab leads to their account', async () => {
    const api = fakePortalApi([tci2015], {
      person: lan,
      registration: { ...offeredRegistration, emailVerified: false },
    });
    const first = await mountPortal(App, { api, locale: 'en', path: '/r/link-valid' });
    expect(api.calls.map((c) => c.procedure)).toEqual([
      'myRegistration.verifyEmail',
      'accounts.fromRegistrationLink',
      'portalRegistration.form',
    ]);
    first.wrapper.unmount();
    // A new tab: sessionStorage is empty, the cookie is not.
    sessionStorage.clear();
    const again = await mountPortal(App, { api, locale: 'en', path: '/r' });
    await vi.waitFor(() => expect(again.router.currentRoute.value.fullPath).toBe('/account'));
    again.wrapper.unmount();
  });

  it('without a session, /r offers to sign in', async () => {
    const api = fakePortalApi([tci2015], { person: lan });
    const { wrapper } = await mountPortal(App, { api, locale: 'ko', path: '/r' });
    await flushPromises();
    expect(wrapper.get('.my-registration__sign-in a').attributes('href')).toBe('/signin?next=/account');
  });
});
