import type { Locale } from '@plenary/contracts/localized';

const intlLocale: Record<Locale, string> = { ko: 'ko-KR', en: 'en-GB' };

/** A date range in the event's own time zone, e.g. "3–6 Nov 2015" / "2015년 11월 3일~6일". */
export function formatDateRange(startsAt: string, endsAt: string, timeZone: string, locale: Locale): string {
  const fmt = new Intl.DateTimeFormat(intlLocale[locale], { timeZone, year: 'numeric', month: 'short', day: 'numeric' });
  return fmt.formatRange(new Date(startsAt), new Date(endsAt));
}

/** A moment in the event's time zone with the zone named, e.g. "4 Nov 2015, 09:00 GMT+9". */
export function formatDateTime(at: string, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(at));
}

export function timeZoneLabel(timeZone: string, locale: Locale): string {
  const parts = new Intl.DateTimeFormat(intlLocale[locale], { timeZone, timeZoneName: 'shortOffset' }).formatToParts(new Date());
  const offset = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  return `${timeZone} (${offset})`;
}

/**
 * The zone named with its offset at a given moment, e.g. "Europe/Berlin (GMT+2)" for a
 * summer event: timeZoneLabel uses today's offset, which is wrong across a DST change.
 */
export function timeZoneLabelAt(timeZone: string, at: string, locale: Locale): string {
  const parts = new Intl.DateTimeFormat(intlLocale[locale], { timeZone, timeZoneName: 'shortOffset' }).formatToParts(new Date(at));
  const offset = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  return `${timeZone} (${offset})`;
}
