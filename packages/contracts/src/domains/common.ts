import { z, type ZodError } from 'zod';

import { locales } from '../localized';

export const localeSchema = z.enum(locales);

export const idSchema = z.uuid({ error: 'Must be a valid id' });
export const eventIdInput = z.object({ eventId: idSchema });

/** Emails are trimmed and lower-cased before anything compares or stores them. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { error: 'An email address has at most 254 characters' })
  .pipe(z.email({ error: 'Enter a valid email address' }));

export const passwordSchema = z
  .string()
  .min(10, { error: 'A password has at least 10 characters' })
  .max(200, { error: 'A password has at most 200 characters' });

/** Text in Korean and English; either may be missing, and one falls back to the other. */
export function localizedText(max: number) {
  return z.object({
    ko: z.string().trim().max(max, { error: `At most ${max} characters` }).optional(),
    en: z.string().trim().max(max, { error: `At most ${max} characters` }).optional(),
  });
}

export function requiredLocalizedText(max: number) {
  return localizedText(max).refine((v) => Boolean(v.ko?.length || v.en?.length), {
    error: 'Give the text in Korean or English',
    path: ['ko'],
  });
}

export const isoDateTime = z.iso.datetime({
  offset: true,
  error: (issue) => (issue.input === undefined || issue.input === '' ? 'Required' : 'Must be an ISO 8601 date-time with offset'),
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
  .refine(isValidTimeZone, { error: 'Must be an IANA time zone such as Asia/Seoul' });

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
