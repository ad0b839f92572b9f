import { describe, expect, it } from 'vitest';
import {
  createEventInput,
  emailSchema,
  pickLocale,
  slugSchema,
  timeZoneSchema,
  zodFieldErrors,
} from './schemas';

describe('shared schemas (the same rules run in the browser and on the server)', () => {
  it('normalises emails', () => {
    expect(emailSchema.parse('  Ketels@HBS.Example ')).toBe('ketels@hbs.example');
    expect(emailSchema.safeParse('not an email').success).toBe(false);
  });

  it('accepts IANA zones and refuses others', () => {
    expect(timeZoneSchema.parse('Asia/Seoul')).toBe('Asia/Seoul');
    expect(timeZoneSchema.safeParse('Mars/Olympus').success).toBe(false);
    expect(timeZoneSchema.safeParse('KST').success).toBe(false);
  });

  it('lower-cases slugs and refuses spaces', () => {
    expect(slugSchema.parse('TCI-2015')).toBe('tci-2015');
    expect(slugSchema.safeParse('tci 2015').success).toBe(false);
  });

  it('falls back to the other language', () => {
    expect(pickLocale({ en: 'EXCO' }, 'ko')).toBe('EXCO');
    expect(pickLocale({ ko: '엑스코', en: 'EXCO' }, 'ko')).toBe('엑스코');
    expect(pickLocale({}, 'en')).toBe('');
  });

  it('reports every field at fault with its dotted path', () => {
    const result = createEventInput.safeParse({
      slug: 'x',
      title: {},
      startsAt: '2015-11-06T09:00:00+09:00',
      endsAt: '2015-11-03T09:00:00+09:00',
      timeZone: 'Asia/Seoul',
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(zodFieldErrors(result.error)).toEqual({
      slug: ['A slug has at least 3 characters'],
      'title.ko': ['Give the text in Korean or English'],
      endsAt: ['The end must not be before the start'],
    });
  });

  it('checks the end against the start', () => {
    const result = createEventInput.safeParse({
      slug: 'tci-2015',
      title: { ko: '세계 클러스터 경쟁력 총회' },
      startsAt: '2015-11-06T09:00:00+09:00',
      endsAt: '2015-11-03T09:00:00+09:00',
      timeZone: 'Asia/Seoul',
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(zodFieldErrors(result.error)).toEqual({ endsAt: ['The end must not be before the start'] });
  });
});

describe('validation messages in the person’s language', () => {
  it('words the same rule in Korean once the browser asks for it, and in English by default', async () => {
    const { setValidationLocale } = await import('./messages');
    const input = {
      slug: 'No Spaces',
      title: { ko: '총회' },
      startsAt: 5,
      endsAt: '2015-11-06T09:00:00+09:00',
      timeZone: 'Asia/Seoul',
    };
    const english = createEventInput.safeParse(input);
    setValidationLocale('ko');
    try {
      const korean = createEventInput.safeParse(input);
      expect(korean.success || zodFieldErrors(korean.error)).toEqual({
        slug: ['영문 소문자, 숫자, 하이픈(-)만 쓸 수 있습니다'],
        startsAt: ['날짜와 시간이 올바르지 않습니다'],
      });
    } finally {
      setValidationLocale('en');
    }
    expect(english.success || zodFieldErrors(english.error)).toEqual({
      slug: ['Use lower-case letters, digits and single hyphens'],
      startsAt: ['Must be an ISO 8601 date-time with offset'],
    });
  });
});
