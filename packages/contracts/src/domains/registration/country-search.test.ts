import { describe, expect, it } from 'vitest';
import { findCountry, searchCountries } from './country-search';

describe('finding a country by what people call it', () => {
  it.each([
    ['한국', 'KR'],
    ['대한민국', 'KR'],
    ['Korea', 'KR'],
    ['south korea', 'KR'],
    ['kr', 'KR'],
    ['미국', 'US'],
    ['USA', 'US'],
    ['U.S.A.', 'US'],
    ['United States', 'US'],
    ['영국', 'GB'],
    ['UK', 'GB'],
    ['Great Britain', 'GB'],
    ['중국', 'CN'],
    ['China', 'CN'],
    ['Netherlands', 'NL'],
    ['the Netherlands', 'NL'],
    ['Holland', 'NL'],
    ['네덜란드', 'NL'],
    ['베트남', 'VN'],
    ['Vietnam', 'VN'],
    ['Türkiye', 'TR'],
    ['터키', 'TR'],
  ])('reads "%s" as %s', (text, code) => {
    expect(findCountry(text)).toBe(code);
  });

  it('reads nothing into what is not a country', () => {
    expect([findCountry('Atlantis'), findCountry(''), findCountry('Kore')]).toEqual([null, null, null]);
  });

  it('puts the country first when the search is its common name, in either language', () => {
    expect(searchCountries('한국', 'ko')[0]?.code).toBe('KR');
    expect(searchCountries('미국', 'ko')[0]?.code).toBe('US');
    expect(searchCountries('영국', 'en')[0]?.code).toBe('GB');
    expect(searchCountries('UK', 'ko')[0]?.code).toBe('GB');
    expect(searchCountries('usa', 'en')[0]?.code).toBe('US');
    expect(
      searchCountries('Korea', 'ko')
        .map((c) => c.code)
        .slice(0, 2)
        .sort(),
    ).toEqual(['KP', 'KR']);
    expect(searchCountries('zzzz', 'ko')).toEqual([]);
  });
});
