import type { z } from 'zod';
import type { createEventInput, EventDto, updateEventInput } from '@plenary/contracts/schemas';
import { defaultTimeZone, isoToWallTime, wallTimeToIso } from '../../lib/zoned-time';

export type CreateEventInput = z.input<typeof createEventInput>;
export type UpdateEventInput = z.input<typeof updateEventInput>;

export interface TextPair {
  ko: string;
  en: string;
}

export const localizedFields = ['title', 'subtitle', 'description', 'venueName', 'venueAddress'] as const;
export type LocalizedField = (typeof localizedFields)[number];

/**
 * What the event form edits. Start and end are picker Dates whose local fields
 * are the wall time in `timeZone` (see lib/zoned-time.ts).
 */
export interface EventFormModel extends Record<LocalizedField, TextPair> {
  slug: string;
  startsAt: Date | null;
  endsAt: Date | null;
  timeZone: string;
  /** The venue's country (ISO 3166-1 alpha-2): the host country of visa letters. */
  country: string;
  requireTwoFactor: boolean;
}

const pair = (text?: { ko?: string | undefined; en?: string | undefined }): TextPair => ({
  ko: text?.ko ?? '',
  en: text?.en ?? '',
});

export function emptyEventForm(): EventFormModel {
  return {
    slug: '',
    title: pair(),
    subtitle: pair(),
    description: pair(),
    venueName: pair(),
    venueAddress: pair(),
    startsAt: null,
    endsAt: null,
    timeZone: defaultTimeZone,
    country: 'KR',
    requireTwoFactor: false,
  };
}

export function eventFormFrom(event: EventDto): EventFormModel {
  return {
    slug: event.slug,
    title: pair(event.title),
    subtitle: pair(event.subtitle),
    description: pair(event.description),
    venueName: pair(event.venueName),
    venueAddress: pair(event.venueAddress),
    startsAt: isoToWallTime(event.startsAt, event.timeZone),
    endsAt: isoToWallTime(event.endsAt, event.timeZone),
    timeZone: event.timeZone,
    country: event.country,
    requireTwoFactor: event.requireTwoFactor,
  };
}

/** An empty picker becomes '' so the contract schema reports the field as missing, by its name. */
function instant(wall: Date | null, timeZone: string): string {
  return wall ? wallTimeToIso(wall, timeZone) : '';
}

export function createInputFrom(model: EventFormModel): CreateEventInput {
  return {
    slug: model.slug.trim(),
    title: { ...model.title },
    subtitle: { ...model.subtitle },
    description: { ...model.description },
    venueName: { ...model.venueName },
    venueAddress: { ...model.venueAddress },
    startsAt: instant(model.startsAt, model.timeZone),
    endsAt: instant(model.endsAt, model.timeZone),
    timeZone: model.timeZone,
    country: model.country,
  };
}

/** Everything the form shows; requireTwoFactor only when the caller may change it (the owner). */
export function updateInputFrom(
  eventId: string,
  model: EventFormModel,
  includeTwoFactor: boolean,
): UpdateEventInput {
  const { slug: _slug, ...rest } = createInputFrom(model);
  return {
    eventId,
    ...rest,
    slug: model.slug.trim(),
    ...(includeTwoFactor ? { requireTwoFactor: model.requireTwoFactor } : {}),
  };
}
