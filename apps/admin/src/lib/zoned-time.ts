import { TZDate } from '@date-fns/tz';

/**
 * Event times are entered and shown as wall-clock times in the event's own
 * time zone, whatever zone the browser is in. A date picker works with a plain
 * Date in the browser's zone, so its local fields (year ... minute) carry the
 * wall time, and these two functions convert between that and an ISO instant.
 */

/** A picker's Date, read as wall time in `timeZone`, as an ISO instant (UTC, "Z"). */
export function wallTimeToIso(wall: Date, timeZone: string): string {
  const zoned = new TZDate(
    wall.getFullYear(),
    wall.getMonth(),
    wall.getDate(),
    wall.getHours(),
    wall.getMinutes(),
    wall.getSeconds(),
    wall.getMilliseconds(),
    timeZone,
  );
  return new Date(zoned.getTime()).toISOString();
}

/** The wall time in `timeZone` of an ISO instant, as a picker's Date. */
export function isoToWallTime(iso: string, timeZone: string): Date {
  const zoned = new TZDate(Date.parse(iso), timeZone);
  return new Date(
    zoned.getFullYear(),
    zoned.getMonth(),
    zoned.getDate(),
    zoned.getHours(),
    zoned.getMinutes(),
    zoned.getSeconds(),
    zoned.getMilliseconds(),
  );
}

/** The start of a picked day in `timeZone`, as an ISO instant. */
export function startOfDayIso(day: Date, timeZone: string): string {
  return wallTimeToIso(new Date(day.getFullYear(), day.getMonth(), day.getDate()), timeZone);
}

/** The last millisecond of a picked day in `timeZone`, as an ISO instant. */
export function endOfDayIso(day: Date, timeZone: string): string {
  return wallTimeToIso(new Date(day.getFullYear(), day.getMonth(), day.getDate(), 23, 59, 59, 999), timeZone);
}

export const defaultTimeZone = 'Asia/Seoul';

/** The IANA zones this browser knows, with the default first. */
export function timeZoneOptions(): string[] {
  const zones = Intl.supportedValuesOf('timeZone').filter((z) => z.includes('/'));
  return [defaultTimeZone, ...zones.filter((z) => z !== defaultTimeZone), 'UTC'];
}

/**
 * "Europe/Amsterdam (GMT+2)": the zone with its offset at a given moment (by
 * default now), so a summer event shows its summer offset even in winter.
 */
export function zoneLabelAt(timeZone: string, locale: 'ko' | 'en', at: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', {
    timeZone,
    timeZoneName: 'shortOffset',
  }).formatToParts(at);
  const offset = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  return `${timeZone} (${offset})`;
}
