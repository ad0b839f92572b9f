import { z } from 'zod';
import type { EventCaller } from '../context';
import { localeSchema } from './common';
import type { fileDto } from './files';
import { registrationListInput } from './registration/registrations';

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** The standard columns of the participant export, in their default order. */
export const registrationExportColumns = [
  'reference',
  'status',
  'category',
  'givenName',
  'familyName',
  'localName',
  'email',
  'organisation',
  'jobTitle',
  'countryCode',
  'country',
  'phone',
  'dietary',
  'accessibility',
  'options',
  'payment',
  'paymentReference',
  'visaLetter',
  'checkedIn',
  'created',
] as const;

/**
 * A column: a standard one by name, a custom question's answer as `answer:<questionId>`,
 * or a consent as `consent:<kind>` (two columns: the version accepted and when).
 */
export const exportColumnKey = z
  .string()
  .trim()
  .regex(/^(?:answer:[a-z][a-z0-9_]{0,39}|consent:[a-z]{1,40}|[a-zA-Z]{1,40})$/);

/**
 * The participant list as a file: the list's filters and sort without paging.
 * `locale` is the staff member's language: column heads, statuses, country names,
 * category, option and answer labels are written in it. `columns` chooses the
 * columns and their order (default: every standard column, then every question
 * and every consent of the event).
 */
export const registrationExportInput = registrationListInput.omit({ offset: true, limit: true }).extend({
  format: z.enum(exportFormats),
  locale: localeSchema.default('en'),
  columns: z.array(exportColumnKey).min(1).max(200).optional(),
});
export type RegistrationExportInput = z.infer<typeof registrationExportInput>;

/** Participant list exports (CSV, XLSX). */
export interface ExportServices {
  exports: {
    registrations(
      caller: EventCaller,
      input: z.output<typeof registrationExportInput>,
    ): Promise<z.output<typeof fileDto>>;
  };
}
