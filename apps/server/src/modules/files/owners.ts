import type { Runtime } from '../../core/runtime';
import {
  registrationAnswerUpload,
  registrationFileAccess,
  REGISTRATION_FILE_OWNER,
} from '../registration/uploads';
import type { FileOwnerCheck } from './file-access';
import type { FileUpload } from './files.http';

/**
 * The one registry of the modules that keep files: who may open a file, by the
 * kind of object that owns it, and the uses that take files over HTTP. A module
 * that keeps files adds its kind and its uses here.
 */
export const fileOwnerChecks: Readonly<Record<string, FileOwnerCheck>> = {
  [REGISTRATION_FILE_OWNER]: registrationFileAccess,
};

export function fileRegistry(runtime: Runtime): {
  owners: Readonly<Record<string, FileOwnerCheck>>;
  uploads: readonly FileUpload[];
} {
  return { owners: fileOwnerChecks, uploads: [registrationAnswerUpload(runtime)] };
}
