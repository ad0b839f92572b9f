import {
  formatDateRange,
  pickLocaleWithLang,
  timeZoneLabelAt,
  type Locale,
  type LocalizedPick,
} from '@plenary/ui';
import type { PublicEventDto } from '@plenary/contracts/schemas';

/** What the portal shows of an event in one language: texts with their real language, dates in the event's zone. */
export interface EventDisplay {
  title: LocalizedPick;
  subtitle: LocalizedPick;
  venueName: LocalizedPick;
  venueAddress: LocalizedPick;
  description: LocalizedPick;
  /** The description as the server rendered it (a safe Markdown subset), in the same language. */
  descriptionHtml: LocalizedPick;
  /** "3–6 Nov 2015" / "2015년 11월 3일~6일", in the event's own time zone. */
  dates: string;
  /** "한국 표준시 (UTC+9)": the zone in words with its offset when the event starts. */
  timeZone: string;
}

/**
 * Node's and the browser's ICU put different spaces around a range's dash (thin, narrow
 * no-break or plain); one kind everywhere keeps the server-rendered page equal to the
 * browser's, so hydration finds no mismatch.
 */
function plainSpaces(text: string): string {
  return text.replace(/[\u2009\u202f\u00a0]/g, ' ');
}

export function describeEvent(event: PublicEventDto, locale: Locale): EventDisplay {
  return {
    title: pickLocaleWithLang(event.title, locale),
    subtitle: pickLocaleWithLang(event.subtitle, locale),
    venueName: pickLocaleWithLang(event.venueName, locale),
    venueAddress: pickLocaleWithLang(event.venueAddress, locale),
    description: pickLocaleWithLang(event.description, locale),
    descriptionHtml: pickLocaleWithLang(event.descriptionHtml, locale),
    dates: plainSpaces(formatDateRange(event.startsAt, event.endsAt, event.timeZone, locale)),
    timeZone: timeZoneLabelAt(event.timeZone, event.startsAt, locale),
  };
}

/** Plain text to paragraphs: a blank line separates paragraphs; single line breaks stay (CSS pre-line). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
