import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import PrimeVue from 'primevue/config';
import type { CheckInResultDto } from '@plenary/contracts/schemas';
import { createAdminI18n } from '../../../i18n';
import CheckInResultCard from './CheckInResultCard.vue';

function result(status: NonNullable<CheckInResultDto['person']>['status']): CheckInResultDto {
  return {
    person: {
      registrationId: '0190f5d2-7c1e-7000-8000-0000000000c1',
      reference: 'R7K2-QF9M',
      status,
      givenName: 'Gil-dong',
      familyName: 'Hong',
      localName: '홍길동',
      email: 'gildong.hong@example.org',
      organisation: 'KICOX',
      country: 'KR',
      category: { id: '0190f5d2-7c1e-7000-8000-0000000000d1', label: { en: 'Government' }, colour: '#b91c1c' },
      paymentStatus: 'not_required',
      checkedInAt: null,
    },
    warnings: [],
    checkedInNow: false,
  };
}

const printButtons = (status: Parameters<typeof result>[0]) =>
  mount(CheckInResultCard, {
    props: { result: result(status), timeZone: 'Asia/Seoul', busy: false },
    global: { plugins: [PrimeVue, createAdminI18n('en')] },
  })
    .findAll('button')
    .filter((b) => b.text().includes('Print badge')).length;

describe('the desk’s result card', () => {
  it('offers "Print badge" for a confirmed registration only', () => {
    expect(printButtons('confirmed')).toBe(1);
    for (const status of ['cancelled', 'pending', 'waitlisted', 'offered', 'rejected'] as const) {
      expect([status, printButtons(status)]).toEqual([status, 0]);
    }
  });
});
