import { eq, schema, type Executor } from '@plenary/db';
import type { Services } from '@plenary/contracts';
import type { Runtime } from '../../core/runtime';
import { newToken, sha256 } from '../identity/crypto';

/**
 * Emailed links carry a random secret; only its hash is stored, so a database
 * leak does not open anyone's registration.
 */
export function createLinkAccess(
  runtime: Runtime,
): Pick<Services['access'], 'registrationLink' | 'delegationLink'> {
  return {
    async registrationLink(token) {
      if (token.length < 20 || token.length > 100) return null;
      const [row] = await runtime.db
        .select({ registrationId: schema.registrations.id, eventId: schema.registrations.eventId })
        .from(schema.registrations)
        .where(eq(schema.registrations.manageTokenHash, sha256(token)));
      if (row) return row;
      const [extra] = await runtime.db
        .select({ registrationId: schema.registrations.id, eventId: schema.registrations.eventId })
        .from(schema.registrationLinkTokens)
        .innerJoin(
          schema.registrations,
          eq(schema.registrations.id, schema.registrationLinkTokens.registrationId),
        )
        .where(eq(schema.registrationLinkTokens.tokenHash, sha256(token)));
      return extra ?? null;
    },
    async delegationLink(token) {
      if (token.length < 20 || token.length > 100) return null;
      const [row] = await runtime.db
        .select({ delegationId: schema.delegations.id, eventId: schema.delegations.eventId })
        .from(schema.delegations)
        .where(eq(schema.delegations.manageTokenHash, sha256(token)));
      return row ?? null;
    },
  };
}

/**
 * Another working link for a registration (a resend): kept beside the one in
 * the registration row, which is the link that offers and changes replace.
 */
export async function addRegistrationLink(db: Executor, registrationId: string): Promise<string> {
  const token = newToken();
  await db.insert(schema.registrationLinkTokens).values({ tokenHash: sha256(token), registrationId });
  return token;
}
