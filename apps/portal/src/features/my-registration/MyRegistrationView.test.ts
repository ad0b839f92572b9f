import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '../../App.vue';
import { fakePortalApi, tci2015 } from '../../testing/fake-portal-api';
import { mountPortal } from '../../testing/mount-portal';
import { offeredRegistration } from '../../testing/registration-fixtures';

describe('MyRegistrationView', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    sessionStorage.clear();
  });

  it('moves the token from the address to sessionStorage, proves the email once, then only reads', async () => {
    const api = fakePortalApi([tci2015], { registration: { ...offeredRegistration, emailVerified: false } });
    const { wrapper, router } = await mountPortal(App, { api, locale: 'en', path: '/r/link-valid' });
    // The secret is not left in the address (nor, since it was replaced, in the history).
    expect(router.currentRoute.value.fullPath).toBe('/r');
    expect(sessionStorage.getItem('plenary.link.participant')).toBe('link-valid');
    expect(wrapper.get('h1').text()).toBe('18th TCI Global Conference');
    expect(wrapper.find('.status__unverified').exists()).toBe(false);
    wrapper.unmount();

    // A reload of /r: the token comes from sessionStorage, and the address is proved already.
    const again = await mountPortal(App, { api, locale: 'en', path: '/r' });
    expect(again.wrapper.get('.my-registration__reference').text()).toBe('Reference: TCI-4821');
    expect(api.calls.filter((c) => c.procedure.startsWith('myRegistration.'))).toEqual([
      { procedure: 'myRegistration.verifyEmail', input: undefined, link: 'link-valid' },
      { procedure: 'myRegistration.get', input: undefined, link: 'link-valid' },
    ]);
  });

  it('shows the offer with its deadline in the event’s zone; accepting it shows the QR ticket', async () => {
    sessionStorage.setItem('plenary.link.participant', 'link-valid');
    const api = fakePortalApi([tci2015], { registration: offeredRegistration });
    const { wrapper } = await mountPortal(App, { api, locale: 'ko', path: '/r' });
    expect(wrapper.get('#status-heading').text()).toBe('등록 상태: 자리 제안');
    // 09:00 UTC is 18:00 in Seoul.
    const deadline = wrapper.get('.status__deadline').text();
    expect(deadline).toMatch(/^수락 기한: 2015\. 10\. 10\. (오후|PM) 6:00 · 한국 표준시 \(UTC\+9\)$/);
    expect(wrapper.find('.ticket__qr').exists()).toBe(false);

    const accept = wrapper.findAll('.status button').find((b) => b.text() === '자리 수락');
    await accept!.trigger('click');
    await flushPromises();
    expect(wrapper.get('#status-heading').text()).toBe('등록 상태: 등록 확정');
    expect(wrapper.find('.status__deadline').exists()).toBe(false);
    await vi.waitFor(() => expect(wrapper.find('.ticket__qr img').exists()).toBe(true));
    const qr = wrapper.get('.ticket__qr img');
    expect(qr.attributes('alt')).toBe('입장권 QR 코드');
    expect(qr.attributes('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(wrapper.get('.ticket__code').text()).toBe('TCI-T-4821-QX7');
    expect(api.calls.map((c) => c.procedure)).toContain('myRegistration.acceptOffer');
  });

  it('cancels only after the confirmation, with the reason given', async () => {
    sessionStorage.setItem('plenary.link.participant', 'link-valid');
    const api = fakePortalApi([tci2015], {
      registration: { ...offeredRegistration, status: 'confirmed', offerExpiresAt: null },
    });
    const { wrapper } = await mountPortal(App, { api, locale: 'en', path: '/r' });
    await wrapper.get('.cancel button').trigger('click');
    expect(api.calls.some((c) => c.procedure === 'myRegistration.cancel')).toBe(false);
    const confirm = wrapper.get('.cancel__confirm');
    expect(confirm.get('.notice__title').text()).toBe('Do you really want to cancel your registration?');
    expect(document.activeElement).toBe(confirm.element);
    await confirm.get('textarea').setValue('  My flight was cancelled  ');
    await confirm
      .findAll('button')
      .find((b) => b.text() === 'Yes, cancel my registration')!
      .trigger('click');
    await flushPromises();
    expect(api.calls.find((c) => c.procedure === 'myRegistration.cancel')?.input).toEqual({
      reason: 'My flight was cancelled',
    });
    expect(wrapper.get('#status-heading').text()).toBe('Status: Cancelled');
    expect(wrapper.text()).toContain('Reason: My flight was cancelled');
    // Cancelled: nothing left to change or cancel.
    expect(wrapper.find('.cancel').exists()).toBe(false);
    expect(wrapper.find('.details').exists()).toBe(false);
  });

  it('changes only the editable details, and books an option', async () => {
    sessionStorage.setItem('plenary.link.participant', 'link-valid');
    const api = fakePortalApi([tci2015], { registration: { ...offeredRegistration, status: 'confirmed' } });
    const { wrapper } = await mountPortal(App, { api, locale: 'en', path: '/r' });
    await wrapper.get('.details button').trigger('click');
    expect(wrapper.findAll('.details .field__label').map((l) => l.text())).toEqual([
      'Organisation',
      'Dietary requirements',
      'Choose the tours and programmes you would like to join (optional)',
    ]);
    await wrapper.get('[data-field="participant.dietary"] textarea').setValue('Vegan');
    await wrapper.get('.details input[type="checkbox"]').setValue(true);
    await wrapper.get('.details form').trigger('submit');
    await flushPromises();
    expect(api.calls.find((c) => c.procedure === 'myRegistration.update')?.input).toEqual({
      participant: { organisation: 'Pune Cluster Alliance', dietary: 'Vegan' },
      optionIds: ['0193a5b2-7c1e-7d40-9a3e-2f1c5e8b9c01'],
    });
    expect(wrapper.get('.details [role="status"]').text()).toBe('Your changes have been saved.');
    const booked = wrapper.get('.summary__options li');
    expect(booked.get('span').text()).toBe('Cluster tour');
    expect(booked.get('.badge').text()).toBe('Waiting list · 1');
  });

  it('asks for a visa letter with the contract’s checks, then shows its status', async () => {
    sessionStorage.setItem('plenary.link.participant', 'link-valid');
    const api = fakePortalApi([tci2015], { registration: { ...offeredRegistration, status: 'confirmed' } });
    const { wrapper } = await mountPortal(App, { api, locale: 'en', path: '/r' });
    await wrapper.get('.visa button').trigger('click');
    // Filled from the registration; cleared here to see the check.
    await wrapper.get('[data-field="passportName"] input').setValue('');
    await wrapper.get('[data-field="passportNumber"] input').setValue('N1');
    await wrapper.get('.visa form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-field="passportName"] .field__error').text()).toBe('Required');
    expect(wrapper.get('[data-field="passportNumber"] .field__error').text()).toBe(
      'Enter the passport number: 5–20 letters and digits',
    );
    await wrapper.get('[data-field="passportName"] input').setValue('PRIYA SHARMA');
    await wrapper.get('[data-field="passportNumber"] input').setValue('z 123 4567');
    // The nationality comes from the registration (IN).
    await wrapper.get('[data-field="dateOfBirth"] input').setValue('1988-04-12');
    await wrapper
      .get('[data-field="embassy"] input')
      .setValue('Embassy of the Republic of Korea in New Delhi');
    await wrapper.get('.visa form').trigger('submit');
    await flushPromises();
    expect(api.calls.find((c) => c.procedure === 'visa.request')?.input).toEqual({
      passportName: 'PRIYA SHARMA',
      passportNumber: 'Z1234567',
      nationality: 'IN',
      dateOfBirth: '1988-04-12',
      embassy: 'Embassy of the Republic of Korea in New Delhi',
    });
    expect(wrapper.get('.visa__status').text()).toBe('Request status: Being reviewed');
  });

  it('fills the visa form from the registration and words a wrong date of birth once, as the picker shows it', async () => {
    sessionStorage.setItem('plenary.link.participant', 'link-valid');
    const api = fakePortalApi([tci2015], { registration: { ...offeredRegistration, status: 'confirmed' } });
    const { wrapper } = await mountPortal(App, { api, locale: 'en', path: '/r' });
    await wrapper.get('.visa button').trigger('click');
    expect((wrapper.get('[data-field="passportName"] input').element as HTMLInputElement).value).toBe('PRIYA SHARMA');
    expect((wrapper.get('[data-field="nationality"] input').element as HTMLInputElement).value).toBe('India');
    await wrapper.get('.visa form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-field="dateOfBirth"] .field__error').text()).toBe('Required');
    await wrapper.get('[data-field="dateOfBirth"] input').setValue('1899-12-31');
    await wrapper.get('.visa form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-field="dateOfBirth"] .field__error').text()).toBe(
      'Choose your date of birth from the calendar',
    );
  });

  it('does not offer a visa letter to a national of the host country', async () => {
    sessionStorage.setItem('plenary.link.participant', 'link-valid');
    const api = fakePortalApi([tci2015], {
      registration: {
        ...offeredRegistration,
        status: 'confirmed',
        participant: { ...offeredRegistration.participant, country: 'KR' },
      },
    });
    const { wrapper } = await mountPortal(App, { api, locale: 'en', path: '/r' });
    expect(wrapper.find('.visa').exists()).toBe(false);
  });

  it('says the link no longer works, and forgets it, when the server refuses it', async () => {
    const api = fakePortalApi([tci2015], { registration: offeredRegistration });
    const { wrapper } = await mountPortal(App, { api, locale: 'en', path: '/r/link-old' });
    expect(wrapper.get('h1').text()).toBe('This link cannot be used');
    expect(sessionStorage.getItem('plenary.link.participant')).toBeNull();
  });

  it('asks to open the emailed link when opened without one', async () => {
    const api = fakePortalApi([tci2015]);
    const { wrapper } = await mountPortal(App, { api, locale: 'ko', path: '/r' });
    expect(wrapper.get('.my-registration .notice').text()).toBe(
      '이 페이지는 이메일로 받은 개인 링크로 열 수 있습니다. 메일의 링크를 다시 열어 주세요.',
    );
    expect(api.calls).toEqual([]);
  });

  it('corrects the name until the cutoff, refusing Hangul as the passport name in the page language', async () => {
    sessionStorage.setItem('plenary.link.participant', 'link-valid');
    const api = fakePortalApi([tci2015], {
      registration: {
        ...offeredRegistration,
        status: 'confirmed',
        offerExpiresAt: null,
        nameCorrection: { open: true, until: '2015-10-01T09:00:00.000Z' },
      },
    });
    const { wrapper } = await mountPortal(App, { api, locale: 'en', path: '/r' });
    const panel = () => wrapper.get('.name-correction');
    expect(panel().get('.name-correction__until').text()).toMatch(/^Corrections possible until: .*2015.*$/);
    await panel().get('button').trigger('click');
    await panel().get('input[name="givenName"]').setValue('프리야');
    await panel().get('form').trigger('submit');
    await flushPromises();
    expect(panel().text()).toContain('Write the name in Roman letters, as in your passport');
    expect(api.calls.map((c) => c.procedure)).not.toContain('myRegistration.correctName');
    await panel().get('input[name="givenName"]').setValue('Priyah');
    await panel().get('input[name="localName"]').setValue('प्रिया');
    await panel().get('form').trigger('submit');
    await flushPromises();
    expect(api.calls.find((c) => c.procedure === 'myRegistration.correctName')?.input).toEqual({
      givenName: 'Priyah',
      familyName: 'Sharma',
      localName: 'प्रिया',
    });
    expect(panel().get('[role="status"]').text()).toBe('Your name has been corrected.');
  });

  it('says why the name cannot be corrected after the cutoff', async () => {
    sessionStorage.setItem('plenary.link.participant', 'link-valid');
    const api = fakePortalApi([tci2015], {
      registration: {
        ...offeredRegistration,
        status: 'confirmed',
        offerExpiresAt: null,
        nameCorrection: { open: false, until: '2015-10-01T09:00:00.000Z' },
      },
    });
    const { wrapper } = await mountPortal(App, { api, locale: 'ko', path: '/r' });
    expect(wrapper.get('.name-correction__until').text()).toMatch(/^이 페이지에서 고칠 수 있는 기간 종료: 2015\. 10\. 1\. .+$/);
    expect(wrapper.get('.name-correction .notice').text()).toContain('이름을 고치려면 주최 측에 문의하세요.');
    expect(wrapper.find('.name-correction form').exists()).toBe(false);
  });
});
