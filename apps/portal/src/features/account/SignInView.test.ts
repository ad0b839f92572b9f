import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '../../App.vue';
import { fakePortalApi, tci2015 } from '../../testing/fake-portal-api';
import { mountPortal } from '../../testing/mount-portal';
import { lan } from '../../testing/account-fixtures';
import { personHeaders, setPersonCsrfToken } from '../../lib/person-session';

describe('SignInView', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    sessionStorage.clear();
    setPersonCsrfToken(null);
  });

  it('asks for the address, then the code; a wrong code says so in Korean; the right one opens the account', async () => {
    const api = fakePortalApi([tci2015], { person: lan });
    const { wrapper, router } = await mountPortal(App, { api, locale: 'ko', path: '/signin' });
    expect(wrapper.get('h1').text()).toBe('이메일로 로그인');
    // Checked in the page before anything is sent, in the page's language.
    await wrapper.get('input[name="email"]').setValue('lan@');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.get('.field__error').text()).toBe('올바른 이메일 주소를 입력하세요');
    expect(api.calls).toEqual([]);

    await wrapper.get('input[name="email"]').setValue(' Lan@Example.org ');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(api.calls[0]).toEqual({
      procedure: 'accounts.requestCode',
      input: { email: 'lan@example.org', locale: 'ko' },
      link: null,
    });
    expect(wrapper.get('.sign-in__email').text()).toBe('lan@example.org');
    expect(wrapper.get('input[name="code"]').attributes('autocomplete')).toBe('one-time-code');

    await wrapper.get('input[name="code"]').setValue('12345');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.get('.field__error').text()).toBe('메일로 받은 6자리 코드를 입력하세요');

    await wrapper.get('input[name="code"]').setValue('111 111');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('.field__error').text()).toBe(
      '코드가 맞지 않습니다. 가장 최근 메일의 코드를 확인해 주세요.',
    );

    await wrapper.get('input[name="code"]').setValue('482 913');
    await wrapper.get('form').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('.account__event-title').exists()).toBe(true), {
      timeout: 10_000,
    });
    expect(router.currentRoute.value.fullPath).toBe('/account');
    expect(personHeaders()).toEqual({ 'x-plenary-person-csrf': 'person-csrf' });
    expect(wrapper.get('.account__who').text()).toBe('로그인한 주소: lan@example.org');
    expect(wrapper.get('.account__event-title').text()).toBe('제18차 TCI 글로벌 컨퍼런스');
  });

  it('the account page sends a stranger to sign in, and back after', async () => {
    const api = fakePortalApi([tci2015], { person: lan });
    const { router } = await mountPortal(App, { api, locale: 'en', path: '/account' });
    expect(router.currentRoute.value.fullPath).toBe('/signin?next=/account');
  });

  it('the link in the sign-in mail signs in; a dead one says to ask for a new code', async () => {
    const api = fakePortalApi([tci2015], { person: lan });
    const ok = await mountPortal(App, { api, locale: 'en', path: '/signin/signin-link-valid' });
    expect(ok.router.currentRoute.value.fullPath).toBe('/account');
    ok.wrapper.unmount();
    const dead = await mountPortal(App, { api, locale: 'en', path: '/signin/old-link' });
    expect(dead.wrapper.get('.notice--error').text()).toBe(
      'This sign-in link has expired or was replaced by a newer email. Ask for a new code.',
    );
  });

  it('signs out, or out everywhere', async () => {
    const api = fakePortalApi([tci2015], { person: lan, signedIn: true });
    const { wrapper, router } = await mountPortal(App, { api, locale: 'en', path: '/account' });
    const button = wrapper.findAll('button').find((b) => b.text() === 'Sign out on every device');
    await button!.trigger('click');
    await flushPromises();
    expect(api.calls.map((c) => c.procedure)).toContain('accounts.signOutEverywhere');
    expect(router.currentRoute.value.fullPath).toBe('/signin');
    expect(personHeaders()).toEqual({});
  });

  it('erases the account only after the confirmation', async () => {
    const api = fakePortalApi([tci2015], { person: lan, signedIn: true });
    const { wrapper } = await mountPortal(App, { api, locale: 'ko', path: '/account' });
    await wrapper
      .findAll('button')
      .find((b) => b.text() === '계정 삭제')!
      .trigger('click');
    expect(api.calls.some((c) => c.procedure === 'me.requestErasure')).toBe(false);
    expect(wrapper.get('#erase-confirm').text()).toBe('정말 계정을 삭제할까요?');
    await wrapper
      .findAll('button')
      .find((b) => b.text() === '예, 삭제합니다')!
      .trigger('click');
    await flushPromises();
    expect(api.calls.map((c) => c.procedure)).toContain('me.requestErasure');
    expect(wrapper.get('.notice--ok').text()).toBe('계정을 삭제했습니다.');
  });
});
