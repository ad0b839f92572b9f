import { describe, expect, it } from 'vitest';
import { tci2015 } from '../../testing/fake-portal-api';
import { describeEvent, paragraphs } from './event-display';

describe('paragraphs', () => {
  it('splits on blank lines (any line ending), keeps single breaks, drops empty ones', () => {
    expect(paragraphs('First line\nsame paragraph\r\n\r\nSecond\n \n\n\nThird\n')).toEqual([
      'First line\nsame paragraph',
      'Second',
      'Third',
    ]);
    expect(paragraphs('   ')).toEqual([]);
  });
});

describe('describeEvent', () => {
  it('gives Korean texts and the Seoul dates for the reference event', () => {
    const shown = describeEvent(tci2015, 'ko');
    expect(shown.title).toEqual({ text: '제18차 TCI 글로벌 컨퍼런스', lang: 'ko' });
    expect(shown.dates).toBe('2015년 11월 3일~6일');
    expect(shown.timeZone).toBe('한국 표준시 (UTC+9)');
  });

  it('uses the offset at the event, not today, for a zone with summer time', () => {
    const summer = {
      ...tci2015,
      timeZone: 'Europe/Berlin',
      startsAt: '2016-06-20T07:00:00.000Z',
      endsAt: '2016-06-21T16:00:00.000Z',
    };
    const shown = describeEvent(summer, 'en');
    expect(shown.dates).toBe('20 – 21 Jun 2016');
    expect(shown.timeZone).toBe('Central European Summer Time (UTC+2)');
  });
});
