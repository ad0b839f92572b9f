import type { Tx } from '@plenary/db';
import { setPersonOfRegistrations } from './accounts.repo';

/**
 * Registrations made earlier with the same, now verified, address become the
 * person's: only those that belong to nobody (a registration already linked to
 * a person stays theirs). Called at every sign-in, in its transaction. Answers
 * how many it attached.
 */
export function attachRegistrations(tx: Tx, personId: string, email: string): Promise<number> {
  return setPersonOfRegistrations(tx, personId, email.trim().toLowerCase());
}
