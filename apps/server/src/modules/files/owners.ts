import { registrationFileAccess, REGISTRATION_FILE_OWNER } from '../registration/uploads';
import type { FileOwnerCheck } from './file-access';

/**
 * The one registry of who may open a file, by the kind of object that owns it.
 * A module that keeps files adds its kind here with its own check.
 */
export const fileOwnerChecks: Readonly<Record<string, FileOwnerCheck>> = {
  [REGISTRATION_FILE_OWNER]: registrationFileAccess,
};
