import { describe, expect, it } from 'vitest';
import { endOfDayIso, isoToWallTime, startOfDayIso, wallTimeToIso, zoneLabelAt } from './zoned-time';

// vitest.config.ts runs these in America/Los_Angeles: the browser's zone must not leak in.
const wall = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);
const fields = (date: Date) => [
  date.getFullYear(),
  date.getMonth() + 1,
  date.getDate(),
  date.getHours(),
  date.getMinutes(),
];

describe('the test zone', () => {
  it('is not UTC, so a conversion that leaned on the machine zone would fail here', () => {
    expect(new Date(2015, 10, 3).getTimezoneOffset()).toBe(480);
  });
});

describe('wallTimeToIso', () => {
  it('reads the picker time as Seoul time (UTC+9, no DST)', () => {
    expect(wallTimeToIso(wall(2015, 11, 3, 9, 0), 'Asia/Seoul')).toBe('2015-11-03T00:00:00.000Z');
    expect(wallTimeToIso(wall(2015, 11, 3, 0, 0), 'Asia/Seoul')).toBe('2015-11-02T15:00:00.000Z');
  });

  it('follows daylight saving time in the event zone', () => {
    expect(wallTimeToIso(wall(2026, 1, 15, 9, 0), 'America/New_York')).toBe('2026-01-15T14:00:00.000Z');
    expect(wallTimeToIso(wall(2026, 7, 1, 9, 0), 'America/New_York')).toBe('2026-07-01T13:00:00.000Z');
  });

  it('moves a wall time that does not exist (spring forward) to the hour after', () => {
    // 02:30 on 8 March 2026 never happens in New York; TZDate gives 03:30 EDT.
    expect(wallTimeToIso(wall(2026, 3, 8, 2, 30), 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
  });

  it('takes the later of two wall times when the clock falls back', () => {
    // 01:30 on 1 November 2026 happens twice in New York; TZDate gives the second (EST).
    expect(wallTimeToIso(wall(2026, 11, 1, 1, 30), 'America/New_York')).toBe('2026-11-01T06:30:00.000Z');
  });

  it('keeps seconds and milliseconds', () => {
    expect(wallTimeToIso(new Date(2015, 10, 6, 23, 59, 59, 999), 'Asia/Seoul')).toBe(
      '2015-11-06T14:59:59.999Z',
    );
  });
});

describe('isoToWallTime', () => {
  it('shows an instant as the wall time in the event zone', () => {
    expect(fields(isoToWallTime('2015-11-02T15:00:00.000Z', 'Asia/Seoul'))).toEqual([2015, 11, 3, 0, 0]);
    expect(fields(isoToWallTime('2015-11-03T00:00:00+09:00', 'Asia/Seoul'))).toEqual([2015, 11, 3, 0, 0]);
    expect(fields(isoToWallTime('2026-07-01T13:00:00Z', 'America/New_York'))).toEqual([2026, 7, 1, 9, 0]);
  });

  it('round-trips through wallTimeToIso', () => {
    const iso = '2015-11-04T00:30:00.000Z';
    expect(wallTimeToIso(isoToWallTime(iso, 'Asia/Seoul'), 'Asia/Seoul')).toBe(iso);
    expect(wallTimeToIso(isoToWallTime(iso, 'Europe/Berlin'), 'Europe/Berlin')).toBe(iso);
  });
});

describe('whole days in the event zone', () => {
  it('spans a picked day from its first to its last millisecond in Seoul', () => {
    expect(startOfDayIso(wall(2015, 11, 3, 17, 45), 'Asia/Seoul')).toBe('2015-11-02T15:00:00.000Z');
    expect(endOfDayIso(wall(2015, 11, 3), 'Asia/Seoul')).toBe('2015-11-03T14:59:59.999Z');
  });
});

describe('zoneLabelAt', () => {
  it('names the offset in force at the given moment', () => {
    expect(zoneLabelAt('Europe/Amsterdam', 'en', new Date('2016-10-25T07:00:00Z'))).toBe(
      'Europe/Amsterdam (GMT+2)',
    );
    expect(zoneLabelAt('Europe/Amsterdam', 'en', new Date('2016-11-25T07:00:00Z'))).toBe(
      'Europe/Amsterdam (GMT+1)',
    );
    expect(zoneLabelAt('Asia/Seoul', 'en', new Date('2015-11-03T00:00:00Z'))).toBe('Asia/Seoul (GMT+9)');
  });
});
