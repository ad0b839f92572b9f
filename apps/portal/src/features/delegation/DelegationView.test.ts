import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../App.vue';
import { fakePortalApi, tci2015 } from '../../testing/fake-portal-api';
import { mountPortal } from '../../testing/mount-portal';
import { ids, indiaDelegation } from '../../testing/registration-fixtures';

describe('DelegationView', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    sessionStorage.clear();
  });

  it('lists the members with their status, from the contact’s emailed link', async () => {
    const api = fakePortalApi([tci2015], { delegation: indiaDelegation });
    const { wrapper, router } = await mountPortal(App, { api, locale: 'ko', path: '/d/link-valid' });
    expect(router.currentRoute.value.fullPath).toBe('/d');
    expect(sessionStorage.getItem('plenary.link.delegation')).toBe('link-valid');
    expect(wrapper.get('h1').text()).toBe('Invest India delegation');
    const members = wrapper.findAll('.member');
    expect(members.map((m) => m.get('.member__name').text())).toEqual(['Mehta Arjun', 'Rao Kavya']);
    expect(members.map((m) => m.findAll('.member__status > span').map((s) => s.text()))).toEqual([
      ['등록 확정', 'TCI-5001'],
      ['대기자 명단', '대기 순번: 3', 'TCI-5002'],
    ]);
    expect(api.calls).toEqual([{ procedure: 'delegations.mine', input: undefined, link: 'link-valid' }]);
  });

  it('cancels one member only after the confirmation', async () => {
    sessionStorage.setItem('plenary.link.delegation', 'link-valid');
    const api = fakePortalApi([tci2015], { delegation: indiaDelegation });
    const { wrapper } = await mountPortal(App, { api, locale: 'en', path: '/d' });
    const second = () => wrapper.findAll('.member')[1]!;
    await second().get('button').trigger('click');
    expect(second().get('.member__confirm .notice__title').text()).toBe('Cancel this member’s registration?');
    // The other member keeps its plain button.
    expect(wrapper.findAll('.member')[0]!.find('.member__confirm').exists()).toBe(false);
    await second()
      .findAll('button')
      .find((b) => b.text() === 'Yes, cancel')!
      .trigger('click');
    await flushPromises();
    expect(api.calls.at(-1)).toEqual({
      procedure: 'delegations.cancelMember',
      input: { registrationId: ids.member2, reason: null },
      link: 'link-valid',
    });
    expect(
      second()
        .findAll('.member__status > span')
        .map((s) => s.text()),
    ).toEqual(['Cancelled', 'TCI-5002']);
    expect(second().find('button').exists()).toBe(false);
  });
});
