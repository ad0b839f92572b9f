import { z } from 'zod';
import { idSchema, isoDateTime, localizedText, requiredLocalizedText, timeZoneSchema } from './common';
import { msg } from '../messages';
import { countrySchema } from './registration/registrations';

export const eventStatuses = ['draft', 'published', 'closed', 'archived'] as const;
export const eventStatusSchema = z.enum(eventStatuses);
export type EventStatus = z.infer<typeof eventStatusSchema>;

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, { error: msg('slugTooShort') })
  .max(64, { error: msg('slugTooLong') })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: msg('slugFormat') });

const eventFields = {
  slug: slugSchema,
  title: requiredLocalizedText(200),
  subtitle: localizedText(300).default({}),
  description: localizedText(20_000).default({}),
  venueName: localizedText(200).default({}),
  venueAddress: localizedText(500).default({}),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  timeZone: timeZoneSchema,
  /** The venue's country (ISO 3166-1 alpha-2): the host country of visa letters. */
  country: countrySchema.default('KR'),
};

function endsAfterStart(v: { startsAt?: string | undefined; endsAt?: string | undefined }) {
  return !v.startsAt || !v.endsAt || Date.parse(v.endsAt) >= Date.parse(v.startsAt);
}
const endsAfterStartRule = { error: msg('endBeforeStart'), path: ['endsAt'] };

export const createEventInput = z.object(eventFields).refine(endsAfterStart, endsAfterStartRule);
export type CreateEventInput = z.infer<typeof createEventInput>;

export const updateEventInput = z
  .object({
    eventId: idSchema,
    slug: eventFields.slug.optional(),
    title: eventFields.title.optional(),
    subtitle: localizedText(300).optional(),
    description: localizedText(20_000).optional(),
    venueName: localizedText(200).optional(),
    venueAddress: localizedText(500).optional(),
    startsAt: isoDateTime.optional(),
    endsAt: isoDateTime.optional(),
    timeZone: timeZoneSchema.optional(),
    country: countrySchema.optional(),
    requireTwoFactor: z.boolean().optional(),
  })
  .refine(endsAfterStart, endsAfterStartRule);
export type UpdateEventInput = z.infer<typeof updateEventInput>;

export const eventTransitions = ['publish', 'close', 'archive', 'reopen'] as const;
export type EventTransition = (typeof eventTransitions)[number];

/**
 * The life of an event: each transition, where it may start and where it leads.
 * Only published events are on the portal; closing takes an event off it.
 * The server enforces this table; the console shows the moves it allows.
 */
export const eventTransitionRules: Record<
  EventTransition,
  { from: readonly EventStatus[]; to: EventStatus }
> = {
  publish: { from: ['draft', 'closed'], to: 'published' },
  close: { from: ['published'], to: 'closed' },
  archive: { from: ['draft', 'closed'], to: 'archived' },
  reopen: { from: ['archived'], to: 'draft' },
};

/** The transitions open to an event in this status. */
export function transitionsFrom(status: EventStatus): EventTransition[] {
  return eventTransitions.filter((t) => eventTransitionRules[t].from.includes(status));
}
export const transitionEventInput = z.object({ eventId: idSchema, to: z.enum(eventTransitions) });

const text = z.object({ ko: z.string().optional(), en: z.string().optional() });

export const eventDto = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: text,
  subtitle: text,
  description: text,
  venueName: text,
  venueAddress: text,
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  country: z.string(),
  status: eventStatusSchema,
  requireTwoFactor: z.boolean(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EventDto = z.infer<typeof eventDto>;

/** What the public portal sees of an event: nothing about the team or its settings. */
export const publicEventDto = eventDto.pick({
  id: true,
  slug: true,
  title: true,
  subtitle: true,
  description: true,
  venueName: true,
  venueAddress: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  country: true,
  status: true,
}).extend({
  /** The description per language as safe HTML (a Markdown subset rendered by the server). */
  descriptionHtml: text,
});
export type PublicEventDto = z.infer<typeof publicEventDto>;

export const publicEventBySlugInput = z.object({ slug: z.string().trim().toLowerCase().min(1).max(64) });

export const listEventsInput = z
  .object({ status: eventStatusSchema.optional(), includeArchived: z.boolean().default(false) })
  .default({ includeArchived: false });
