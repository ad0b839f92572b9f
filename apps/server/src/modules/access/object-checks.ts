import { eq, schema, type Executor } from '@plenary/db';
import type { ObjectKind, ObjectOwner, Services } from '@plenary/contracts';
import type { Runtime } from '../../core/runtime';
import { submissionAllowed } from '../review/visibility';
import { isContactsMeeting } from '../b2b/portal/my-b2b.repo';

/**
 * The server's half of the contracts' object rules: one check per kind of
 * object, answering whether the id names an object the resolved caller may
 * touch. "Missing" and "not yours" are both false, so the guard answers both
 * with the same 404. Each check is one narrow query on the object's owner
 * columns; services keep their own scoping (they are also called directly).
 */
type ObjectCheck = (db: Executor, owner: ObjectOwner, id: string) => Promise<boolean>;

/** A check for an object that belongs to an event and nothing finer: only event callers pass. */
function ofEvent(find: (db: Executor, id: string) => Promise<{ eventId: string } | undefined>): ObjectCheck {
  return async (db, owner, id) => {
    if (owner.kind !== 'event') return false;
    const row = await find(db, id);
    return row !== undefined && row.eventId === owner.caller.eventId;
  };
}

const { registrations, delegations, registrationCategories, registrationOptions, invitationCodes } = schema;
const { webhookSubscriptions, webhookDeliveries } = schema;

export const objectChecks: Record<ObjectKind, ObjectCheck> = {
  async registration(db, owner, id) {
    const [row] = await db
      .select({
        eventId: registrations.eventId,
        partnerId: registrations.partnerId,
        delegationId: registrations.delegationId,
      })
      .from(registrations)
      .where(eq(registrations.id, id));
    if (!row) return false;
    switch (owner.kind) {
      case 'event':
        return row.eventId === owner.caller.eventId;
      case 'partner': {
        // A key for every event may name a registration without naming its event.
        const eventId = owner.caller.eventId ?? owner.caller.partner.eventId;
        return (
          row.partnerId === owner.caller.partner.partnerId && (eventId === null || row.eventId === eventId)
        );
      }
      case 'participant':
        return id === owner.caller.registrationId;
      case 'delegationContact':
        return row.delegationId === owner.caller.delegationId && row.eventId === owner.caller.eventId;
      case 'person':
        return false;
    }
  },
  delegation: ofEvent(async (db, id) => {
    const [row] = await db
      .select({ eventId: delegations.eventId })
      .from(delegations)
      .where(eq(delegations.id, id));
    return row;
  }),
  category: ofEvent(async (db, id) => {
    const [row] = await db
      .select({ eventId: registrationCategories.eventId })
      .from(registrationCategories)
      .where(eq(registrationCategories.id, id));
    return row;
  }),
  option: ofEvent(async (db, id) => {
    const [row] = await db
      .select({ eventId: registrationOptions.eventId })
      .from(registrationOptions)
      .where(eq(registrationOptions.id, id));
    return row;
  }),
  invitationCode: ofEvent(async (db, id) => {
    const [row] = await db
      .select({ eventId: invitationCodes.eventId })
      .from(invitationCodes)
      .where(eq(invitationCodes.id, id));
    return row;
  }),
  webhook: ofEvent(async (db, id) => {
    const [row] = await db
      .select({ eventId: webhookSubscriptions.eventId })
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.id, id));
    return row;
  }),
  webhookDelivery: ofEvent(async (db, id) => {
    const [row] = await db
      .select({ eventId: webhookSubscriptions.eventId })
      .from(webhookDeliveries)
      .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
      .where(eq(webhookDeliveries.id, id));
    return row;
  }),
  // review (issue 11 §3): the reviewer rule lives in review/visibility.ts.
  submission: async (db, owner, id) =>
    owner.kind === 'event' && (await submissionAllowed(db, owner.caller, id)),
  // B2B fair (issue 14): a person sees a meeting of a company whose profile names them as contact.
  b2bMeeting: async (db, owner, id) =>
    owner.kind === 'person' && (await isContactsMeeting(db, owner.caller.person.personId, id)),
};

export function createObjectAccess(runtime: Runtime): Pick<Services['access'], 'objectAllowed'> {
  return {
    objectAllowed: (owner, kind, id) => objectChecks[kind](runtime.db, owner, id),
  };
}
