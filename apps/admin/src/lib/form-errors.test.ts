import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent } from 'vue';
import { mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { createEventInput, setValidationLocale } from '@plenary/contracts/schemas';
import type { Locale } from '@plenary/ui';
import { createAdminI18n } from '../i18n';
import { apiError } from '../testing/fake-api';
import { useFormErrors } from './form-errors';

/** useFormErrors inside a component, with the plugins it reaches for (i18n, router, pinia). */
function formErrorsIn(locale: Locale) {
  let errors: ReturnType<typeof useFormErrors> | undefined;
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/', component: { template: '<p />' } }],
  });
  const Host = defineComponent({
    setup() {
      errors = useFormErrors();
      return () => null;
    },
  });
  const wrapper = mount(Host, { global: { plugins: [createPinia(), createAdminI18n(locale), router] } });
  if (!errors) throw new Error('useFormErrors did not run');
  return { errors, wrapper };
}

const event = {
  slug: 'Bad Slug!',
  title: { ko: '녹색기후기금 총회', en: '' },
  subtitle: { ko: '', en: '' },
  description: { ko: '', en: '' },
  venueName: { ko: '', en: '' },
  venueAddress: { ko: '', en: '' },
  startsAt: '2015-11-03T00:00:00+09:00',
  endsAt: '2015-11-06T18:00:00+09:00',
  timeZone: 'Asia/Seoul',
};

describe('useFormErrors().validate', () => {
  afterEach(() => setValidationLocale('en'));

  it('marks the fields in Korean when the console is in Korean, and says to check them', () => {
    const { errors, wrapper } = formErrorsIn('ko');
    expect(errors.validate(createEventInput, event)).toBeNull();
    expect(errors.field('slug')).toBe('영문 소문자, 숫자, 하이픈(-)만 쓸 수 있습니다');
    expect(errors.field('title.ko')).toBeUndefined();
    expect(errors.message.value).toBe('표시된 항목을 확인하세요.');
    wrapper.unmount();
  });

  it('marks the same fields in English when the console is in English', () => {
    const { errors, wrapper } = formErrorsIn('en');
    expect(errors.validate(createEventInput, { ...event, startsAt: '', timeZone: 'Seoul' })).toBeNull();
    expect(errors.field('slug')).toBe('Use lower-case letters, digits and single hyphens');
    expect(errors.field('startsAt')).toBe('Required');
    expect(errors.field('timeZone')).toBe('Must be an IANA time zone such as Asia/Seoul');
    expect(errors.message.value).toBe('Please check the marked fields.');
    wrapper.unmount();
  });

  it('returns the parsed input and marks nothing when the input is valid', () => {
    const { errors, wrapper } = formErrorsIn('ko');
    expect(errors.validate(createEventInput, { ...event, slug: ' GCF-2015 ' })).toEqual({
      ...event,
      slug: 'gcf-2015',
      country: 'KR',
    });
    expect(errors.message.value).toBeNull();
    expect(errors.field('slug')).toBeUndefined();
    wrapper.unmount();
  });

  it("keeps a passwords-differ message beside the schema's own", () => {
    const { errors, wrapper } = formErrorsIn('ko');
    errors.validate(createEventInput, event);
    errors.setField('confirm', '두 비밀번호가 다릅니다.');
    expect(errors.field('slug')).toBe('영문 소문자, 숫자, 하이픈(-)만 쓸 수 있습니다');
    expect(errors.field('confirm')).toBe('두 비밀번호가 다릅니다.');
    wrapper.unmount();
  });

  it("prefers the browser's wording of the server's INVALID_INPUT for the same input, field by field", () => {
    const { errors, wrapper } = formErrorsIn('ko');
    errors.validate(createEventInput, event);
    errors.capture(
      apiError('INVALID_INPUT', 'Some fields are not valid: slug, venueName.ko', {
        fieldErrors: {
          slug: ['Use lower-case letters, digits and single hyphens'],
          'venueName.ko': ['Unknown venue'],
        },
      }),
    );
    expect(errors.field('slug')).toBe('영문 소문자, 숫자, 하이픈(-)만 쓸 수 있습니다');
    // No local message for this field: the server's stays.
    expect(errors.field('venueName.ko')).toBe('Unknown venue');
    expect(errors.message.value).toBe('표시된 항목을 확인하세요.');

    // After clear() nothing was checked locally, so the server's words stand.
    errors.clear();
    errors.capture(
      apiError('INVALID_INPUT', 'Some fields are not valid: slug', {
        fieldErrors: { slug: ['Use lower-case letters, digits and single hyphens'] },
      }),
    );
    expect(errors.field('slug')).toBe('Use lower-case letters, digits and single hyphens');
    wrapper.unmount();
  });
});

describe('useFormErrors().capture, a server error sent by key', () => {
  // What the server's formatter sends for partners.service's refusal of a taken name
  // (a DomainError by key): the English sentence, its key, and the field in English.
  const sent = () =>
    apiError('CONFLICT', 'Another partner already has this name', {
      fieldErrors: { name: ['Another partner already has this name'] },
      messageKey: 'partnerNameTaken',
      messageParams: {},
    });

  afterEach(() => setValidationLocale('en'));

  it('words the sentence and the field in Korean on a Korean page', () => {
    const { errors, wrapper } = formErrorsIn('ko');
    errors.capture(sent());
    expect(errors.message.value).toBe('이미 있는 값과 겹칩니다. (이 이름을 쓰는 다른 파트너가 있습니다)');
    expect(errors.field('name')).toBe('이 이름을 쓰는 다른 파트너가 있습니다');
    wrapper.unmount();
  });

  it('keeps the server’s English on an English page', () => {
    const { errors, wrapper } = formErrorsIn('en');
    errors.capture(sent());
    expect(errors.field('name')).toBe('Another partner already has this name');
    wrapper.unmount();
  });
});
