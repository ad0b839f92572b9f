import { z } from 'zod';
import { idSchema, isoDateTime } from '../common';
import { optionalText, romanName } from './registrations';

/**
 * The names a participant may correct on their own page until the organiser's
 * cutoff: the Roman name as in the passport and the name in their own script.
 */
export const passportNameFields = z.object({
  givenName: romanName(100),
  familyName: romanName(100),
  localName: optionalText(100),
});

export const correctMyNameInput = passportNameFields;
export type CorrectMyNameInput = z.infer<typeof correctMyNameInput>;

/**
 * Staff set the last moment a participant may correct their name (null: never by
 * themselves). It is a registration setting: registrationSetup.updateSettings takes it.
 */
export const nameCorrectionSettingInput = z.object({
  eventId: idSchema,
  nameCorrectionUntil: isoDateTime.nullable(),
});
