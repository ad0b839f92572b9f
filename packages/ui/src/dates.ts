import type { Locale } from '@plenary/contracts/localized';

const intlLocale: Record<Locale, string> = { ko: 'ko-KR', en: 'en-GB' };

/** A date range in the event's own time zone, e.g. "3–6 Nov 2015" / "2015년 11월 3일~6일". */
export function formatDateRange(startsAt: string, endsAt: string, timeZone: string, locale: Locale): string {
  const fmt = new Intl.DateTimeFormat(intlLocale[locale], {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
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

function zoneParts(timeZone: string, at: Date, locale: Locale): { name: string; offset: string } {
  const part = (style: 'long' | 'shortOffset') =>
    new Intl.DateTimeFormat(intlLocale[locale], { timeZone, timeZoneName: style })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  // Intl says "GMT+9"; people reading a programme expect "UTC+9", and plain "UTC" for zero.
  const offset = part('shortOffset')
    .replace(/^GMT/, 'UTC')
    .replace(/^UTC[+-]0$/, 'UTC');
  return { name: part('long') || timeZone, offset };
}

/** The zone in words with its offset today, e.g. "한국 표준시 (UTC+9)" / "Korean Standard Time (UTC+9)". */
export function timeZoneLabel(timeZone: string, locale: Locale): string {
  const { name, offset } = zoneParts(timeZone, new Date(), locale);
  return `${name} (${offset})`;
}

/**
 * The zone in words with its offset at a given moment, e.g. "Central European Summer
 * Time (UTC+2)" for a summer event: timeZoneLabel uses today's offset, which is wrong
 * across a DST change. Intl's names, not the IANA id (Asia/Seoul) nobody reads.
 */
export function timeZoneLabelAt(timeZone: string, at: string, locale: Locale): string {
  const { name, offset } = zoneParts(timeZone, new Date(at), locale);
  return `${name} (${offset})`;
}
