import { describe, expect, it } from 'vitest';
import { setValidationLocale } from '../../messages';
import { checkOptionChoice, type OptionSlot } from './options';

// The 2015 tours, in Asia/Seoul (+09:00): Ulsan 07:30-17:00 and Technopolis 09:00-13:00 the same morning.
const ulsan: OptionSlot = {
  id: 'ulsan',
  startsAt: '2015-11-05T07:30:00+09:00',
  endsAt: '2015-11-05T17:00:00+09:00',
  exclusiveGroup: null,
};
const technopolis: OptionSlot = {
  id: 'technopolis',
  startsAt: '2015-11-05T09:00:00+09:00',
  endsAt: '2015-11-05T13:00:00+09:00',
  exclusiveGroup: null,
};
const gumi: OptionSlot = {
  id: 'gumi',
  startsAt: '2015-11-06T08:30:00+09:00',
  endsAt: '2015-11-06T12:00:00+09:00',
  exclusiveGroup: 'tours',
};
const pohang: OptionSlot = {
  id: 'pohang',
  startsAt: '2015-11-06T14:00:00+09:00',
  endsAt: '2015-11-06T18:00:00+09:00',
  exclusiveGroup: 'tours',
};
const dinner: OptionSlot = {
  id: 'dinner',
  startsAt: '2015-11-05T17:00:00+09:00',
  endsAt: '2015-11-05T21:00:00+09:00',
  exclusiveGroup: null,
};
const untimed: OptionSlot = { id: 'bag', startsAt: null, endsAt: null, exclusiveGroup: null };
const all = [ulsan, technopolis, gumi, pohang, dinner, untimed];

describe('options that cannot be held together', () => {
  it('refuses two options whose times overlap, naming both', () => {
    expect(checkOptionChoice(all, ['ulsan', 'technopolis'])).toEqual({
      optionIds: ['ulsan and technopolis take place at the same time: choose one'],
    });
  });

  it('refuses two options of one "at most one of" group, even at different times', () => {
    expect(checkOptionChoice(all, ['gumi', 'pohang'])).toEqual({
      optionIds: ['Choose at most one of gumi and pohang'],
    });
  });

  it('takes options that touch end to start, untimed ones, and options on other days', () => {
    expect(checkOptionChoice(all, ['ulsan', 'dinner', 'gumi', 'bag'])).toEqual({});
    expect(checkOptionChoice(all, [])).toEqual({});
  });

  it('names options by their labels in the person’s language when given', () => {
    setValidationLocale('ko');
    try {
      const labels = { ulsan: '울산 투어', technopolis: '테크노폴리스 투어' };
      expect(
        checkOptionChoice(all, ['technopolis', 'ulsan'], (id) => labels[id as keyof typeof labels]),
      ).toEqual({
        optionIds: ['울산 투어와(과) 테크노폴리스 투어는 시간이 겹칩니다. 하나만 고르세요'],
      });
    } finally {
      setValidationLocale('en');
    }
  });
});
