import { z } from 'zod';
import type { EventCaller } from '../context';
import { localeSchema } from './common';
import type { fileDto } from './files';
import { registrationListInput } from './registration/registrations';

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/**
 * The participant list as a file: the list's filters and sort without paging.
 * `locale` picks the language of category and option labels; the column heads
 * and the country name are in English (what partners and ministries expect).
 */
export const registrationExportInput = registrationListInput.omit({ offset: true, limit: true }).extend({
  format: z.enum(exportFormats),
  locale: localeSchema.default('en'),
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
