import { z } from 'zod';
import type { PersonCaller } from '../context';
import { idSchema } from './common';
import { b2bSides } from './b2b';

/**
 * The B2B fair on the portal (issue 14): a company's contact, signed in as a
 * person, sees the meetings of the company (or companies) whose B2B profile
 * names them as contact. A company sees a meeting once it is published; a
 * meeting still being planned, or cancelled, is not theirs to see.
 */

/** What a company is shown: published, then held or missed on the day. */
export const visibleMeetingStatuses = ['published', 'held', 'no_show'] as const;

export const myB2bMeetingsInput = z.object({ eventId: idSchema });
export const myB2bMeetingInput = z.object({ meetingId: idSchema });

const localizedName = z.object({ ko: z.string().optional(), en: z.string().optional() });

export const myB2bMeetingDto = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  /** The side of the caller's company in this meeting. */
  side: z.enum(b2bSides),
  /** ISO instants, and the same wall-clock times in the event's zone. */
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  /** YYYY-MM-DD and HH:mm in the event's zone (the fair's own clock). */
  localDate: z.string(),
  localStart: z.string(),
  localEnd: z.string(),
  tableName: z.string(),
  counterpart: z.object({ name: localizedName, country: z.string() }),
  /** The interpreter's language pair for this meeting, or null when the two share a language. */
  interpreterLanguages: z.tuple([z.string(), z.string()]).nullable(),
  status: z.enum(visibleMeetingStatuses),
});
export type MyB2bMeetingDto = z.infer<typeof myB2bMeetingDto>;

/** My conference: the person's companies' meetings at the event, in time order. */
export const b2bSectionDto = z.object({
  kind: z.literal('b2b'),
  meetings: z.array(
    z.object({
      id: z.uuid(),
      localStart: z.string(),
      tableName: z.string(),
      counterpart: localizedName,
      status: z.enum(visibleMeetingStatuses),
    }),
  ),
});
export type MyB2bSection = z.infer<typeof b2bSectionDto>;

export interface MyB2bServices {
  myB2b: {
    meetings(caller: PersonCaller, input: z.infer<typeof myB2bMeetingsInput>): Promise<MyB2bMeetingDto[]>;
    meeting(caller: PersonCaller, input: z.infer<typeof myB2bMeetingInput>): Promise<MyB2bMeetingDto>;
  };
}
