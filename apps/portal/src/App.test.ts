import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fakePortalApi, tci2015 } from './testing/fake-portal-api';
import { mountPortal } from './testing/mount-portal';
import App from './App.vue';

describe('App', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    localStorage.clear();
  });

  it('has a skip link to the main landmark first', async () => {
    const { wrapper } = await mountPortal(App, { api: fakePortalApi([tci2015]), locale: 'ko' });
    const first = wrapper.find('a');
    expect(first.text()).toBe('본문으로 건너뛰기');
    expect(first.attributes('href')).toBe('#main');
    await first.trigger('click');
    expect(document.activeElement?.id).toBe('main');
  });

  it('switches language, remembers it and sets <html lang>', async () => {
    const { wrapper } = await mountPortal(App, { api: fakePortalApi([tci2015]), locale: 'ko' });
    expect(document.documentElement.lang).toBe('ko');
    const english = wrapper.get('button[lang="en"]');
    expect(english.attributes('aria-pressed')).toBe('false');
    await english.trigger('click');
    expect(english.attributes('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('plenary.locale')).toBe('en');
    expect(wrapper.get('h1').text()).toBe('Conferences and events');
    expect(wrapper.get('article h2').text()).toBe('18th TCI Global Conference');
    expect(document.title).toBe('Events · Plenary');
  });

  it('shows a not-found page for an unknown address', async () => {
    const { wrapper, router } = await mountPortal(App, { api: fakePortalApi([]), locale: 'en' });
    await router.push('/no/such/page');
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('Page not found');
    expect(document.title).toBe('Page not found · Plenary');
  });
});
