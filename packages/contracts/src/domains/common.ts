import { z, type ZodError } from 'zod';

import { locales } from '../localized';
import { message, msg } from '../messages';

export const localeSchema = z.enum(locales);

export const idSchema = z.uuid({ error: msg('id') });
export const eventIdInput = z.object({ eventId: idSchema });

/** Emails are trimmed and lower-cased before anything compares or stores them. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { error: msg('emailTooLong') })
  .pipe(z.email({ error: msg('email') }));

export const passwordSchema = z
  .string()
  .min(10, { error: msg('passwordTooShort') })
  .max(200, { error: msg('passwordTooLong') });

/** Text in Korean and English; either may be missing, and one falls back to the other. */
export function localizedText(max: number) {
  return z.object({
    ko: z
      .string()
      .trim()
      .max(max, { error: msg('tooLong', { max }) })
      .optional(),
    en: z
      .string()
      .trim()
      .max(max, { error: msg('tooLong', { max }) })
      .optional(),
  });
}

export function requiredLocalizedText(max: number) {
  return localizedText(max).refine((v) => Boolean(v.ko?.length || v.en?.length), {
    error: msg('koreanOrEnglish'),
    path: ['ko'],
  });
}

export const isoDateTime = z.iso.datetime({
  offset: true,
  error: (issue) => message(issue.input === undefined || issue.input === '' ? 'required' : 'dateTime'),
});

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.includes('/') || tz === 'UTC';
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .trim()
  .refine(isValidTimeZone, { error: msg('timeZone') });

export const pageInput = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const okOutput = z.object({ ok: z.literal(true) });

/** Dotted path -> messages, for every issue of a zod error (nested fields included). */
export function zodFieldErrors(error: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
