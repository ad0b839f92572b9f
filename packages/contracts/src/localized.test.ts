import { describe, expect, it } from 'vitest';
import { pickLocaleWithLang } from './localized';

describe('pickLocaleWithLang', () => {
  it('gives the wanted language when present', () => {
    expect(pickLocaleWithLang({ ko: '제18차 대회', en: '18th Conference' }, 'ko')).toEqual({
      text: '제18차 대회',
      lang: 'ko',
    });
  });
  it('falls back to the other language and names it', () => {
    expect(pickLocaleWithLang({ en: '18th Conference' }, 'ko')).toEqual({
      text: '18th Conference',
      lang: 'en',
    });
    expect(pickLocaleWithLang({ ko: '제18차 대회', en: '' }, 'en')).toEqual({
      text: '제18차 대회',
      lang: 'ko',
    });
  });
  it('gives empty text in the wanted language when both are missing', () => {
    expect(pickLocaleWithLang({}, 'en')).toEqual({ text: '', lang: 'en' });
    expect(pickLocaleWithLang(null, 'ko')).toEqual({ text: '', lang: 'ko' });
  });
});
