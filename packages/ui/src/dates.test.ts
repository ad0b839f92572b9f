import { describe, expect, it } from 'vitest';
import { formatDateRange, timeZoneLabelAt } from './dates';

describe('formatDateRange', () => {
  // 3 Nov 2015 00:00 in Seoul is 2 Nov 15:00 UTC: the range must be shown in the event's zone.
  const start = '2015-11-02T15:00:00.000Z';
  const end = '2015-11-06T09:00:00.000Z';
  it('shows the days in the event zone, not UTC', () => {
    expect(formatDateRange(start, end, 'Asia/Seoul', 'en')).toBe('3\u2009–\u20096 Nov 2015');
  });
  it('speaks Korean', () => {
    expect(formatDateRange(start, end, 'Asia/Seoul', 'ko')).toBe('2015년 11월 3일~6일');
  });
});

describe('timeZoneLabelAt', () => {
  it('names the zone with its offset at the given moment, across DST', () => {
    expect(timeZoneLabelAt('Europe/Berlin', '2015-07-01T10:00:00.000Z', 'en')).toBe(
      'Central European Summer Time (UTC+2)',
    );
    expect(timeZoneLabelAt('Europe/Berlin', '2015-01-15T10:00:00.000Z', 'en')).toBe(
      'Central European Standard Time (UTC+1)',
    );
  });
  it('says the zone in words people read, not as an IANA id (Asia/Seoul)', () => {
    expect(timeZoneLabelAt('Asia/Seoul', '2015-11-02T15:00:00.000Z', 'ko')).toBe('한국 표준시 (UTC+9)');
    expect(timeZoneLabelAt('Asia/Seoul', '2015-11-02T15:00:00.000Z', 'en')).toBe(
      'Korean Standard Time (UTC+9)',
    );
    expect(timeZoneLabelAt('Asia/Kolkata', '2015-11-02T15:00:00.000Z', 'en')).toBe(
      'India Standard Time (UTC+5:30)',
    );
    expect(timeZoneLabelAt('UTC', '2015-11-02T15:00:00.000Z', 'en')).toBe('Coordinated Universal Time (UTC)');
  });
});
