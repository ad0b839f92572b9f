import type { Actor, Services } from '@plenary/contracts';
import type { Runtime } from '../../core/runtime';
import type { FileRecord } from './files.service';

/** Who asks for a file: a staff session, a participant's link, both or neither. */
export interface FileViewer {
  actor: Actor | null;
  linkToken: string | null;
}

/**
 * Whether this viewer may open a file its owner object holds. The module that
 * owns the object's kind writes the rule; the object rules of the access helper
 * can call the same function.
 */
export type FileOwnerCheck = (
  deps: { runtime: Runtime; services: Services },
  file: FileRecord & { ownerKind: string; ownerId: string },
  viewer: FileViewer,
) => Promise<boolean>;

/** Decides with the owner kind's check; a file without an owner, or of a kind nobody registered, opens for no one. */
export async function mayOpenFile(
  checks: Readonly<Record<string, FileOwnerCheck>>,
  deps: { runtime: Runtime; services: Services },
  file: FileRecord,
  viewer: FileViewer,
): Promise<boolean> {
  if (!file.ownerKind || !file.ownerId) return false;
  const check = checks[file.ownerKind];
  if (!check) return false;
  return check(deps, { ...file, ownerKind: file.ownerKind, ownerId: file.ownerId }, viewer);
}
