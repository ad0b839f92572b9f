import ical, { ICalCalendarMethod } from 'ical-generator';
import type { MailAttachment } from '@plenary/db/schema';

export interface CalendarEntry {
  /** Stable across resends so a calendar updates the entry instead of adding a second one. */
  uid: string;
  summary: string;
  start: Date;
  end: Date;
  location?: string | null;
  url?: string | null;
  /** When the entry was made; fixed in tests so the file is the same every run. */
  stamp: Date;
}

/**
 * An .ics file for a mail that announces a time (the event's days, a tour), one
 * entry or several. Times are written in UTC: every calendar shows them in its own
 * zone, and the mail's text already names the event's zone.
 */
export function calendarAttachment(...entries: [CalendarEntry, ...CalendarEntry[]]): MailAttachment {
  const cal = ical({
    prodId: { company: 'Plenary', product: 'Plenary', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const entry of entries)
    cal.createEvent({
      id: entry.uid,
      start: entry.start,
      end: entry.end,
      stamp: entry.stamp,
      summary: entry.summary,
      location: entry.location ?? null,
      url: entry.url ?? null,
    });
  return {
    filename: 'event.ics',
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    content: cal.toString(),
  };
}
