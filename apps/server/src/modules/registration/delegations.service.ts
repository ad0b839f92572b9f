import { and, asc, desc, eq, schema, sql } from '@plenary/db';
import { DomainError, type DelegationDto, type Services } from '@plenary/contracts';
import { inTransaction, type Runtime } from '../../core/runtime';
import { placeDelegation } from './placement';
import { cancelRegistration } from './promotion';
import { loadRegistrationDtos } from './registration.dto';

const { delegations, registrations, persons } = schema;

/** The contact as their person stands (the delegation keeps only the person's id). */
const contactColumns = {
  contactName: sql<string>`btrim(${persons.givenName} || ' ' || ${persons.familyName})`,
  contactEmail: persons.email,
};

async function loadDelegation(
  runtime: Runtime,
  eventId: string,
  delegationId: string,
): Promise<DelegationDto> {
  const [row] = await runtime.db
    .select({ d: delegations, contact: contactColumns })
    .from(delegations)
    .innerJoin(persons, eq(persons.id, delegations.contactPersonId))
    .where(and(eq(delegations.id, delegationId), eq(delegations.eventId, eventId)));
  if (!row) throw new DomainError('NOT_FOUND', { key: 'delegationNotFound' });
  const { d, contact } = row;
  const ids = await runtime.db
    .select({ id: registrations.id })
    .from(registrations)
    .where(eq(registrations.delegationId, d.id))
    .orderBy(asc(registrations.createdAt), asc(registrations.id));
  const members = await loadRegistrationDtos(
    runtime.db,
    ids.map((r) => r.id),
    runtime.now(),
  );
  return {
    id: d.id,
    eventId: d.eventId,
    name: d.name,
    contactName: contact.contactName,
    contactEmail: contact.contactEmail,
    partnerId: d.partnerId,
    createdAt: d.createdAt.toISOString(),
    members: members.map((m) => ({
      registrationId: m.id,
      reference: m.reference,
      status: m.status,
      givenName: m.givenName,
      familyName: m.familyName,
      email: m.email,
      waitlistPosition: m.waitlistPosition,
    })),
  };
}
export { loadDelegation };

export function createDelegationService(runtime: Runtime): Services['delegations'] {
  return {
    async list(caller) {
      const rows = await runtime.db
        .select({
          d: delegations,
          contact: contactColumns,
          memberCount: sql<number>`(select count(*)::int from registrations r where r.delegation_id = "delegations"."id")`,
          confirmed: sql<number>`(select count(*)::int from registrations r where r.delegation_id = "delegations"."id" and r.status = 'confirmed')`,
        })
        .from(delegations)
        .innerJoin(persons, eq(persons.id, delegations.contactPersonId))
        .where(eq(delegations.eventId, caller.eventId))
        .orderBy(desc(delegations.createdAt));
      return rows.map(({ d, contact, memberCount, confirmed }) => ({
        id: d.id,
        eventId: d.eventId,
        name: d.name,
        contactName: contact.contactName,
        contactEmail: contact.contactEmail,
        partnerId: d.partnerId,
        createdAt: d.createdAt.toISOString(),
        memberCount: Number(memberCount),
        confirmed: Number(confirmed),
      }));
    },
    get: (caller, input) => loadDelegation(runtime, caller.eventId, input.delegationId),
    async create(caller, input) {
      const { eventId, ...request } = input;
      const placed = await inTransaction(runtime, (uow) =>
        placeDelegation(runtime, uow, eventId, request, {
          source: 'staff',
          partnerId: null,
          caller,
          emailVerified: true,
          approve: false,
          consents: [],
          // What each delegate told staff they accept (members[].consents): the portal's rule.
          consentsGiven: [],
          ignoreOpeningDates: true,
        }),
      );
      return loadDelegation(runtime, eventId, placed.delegationId);
    },
    mine: (caller) => loadDelegation(runtime, caller.eventId, caller.delegationId),
    async cancelMember(caller, input) {
      const [member] = await runtime.db
        .select({ id: registrations.id })
        .from(registrations)
        .where(
          and(
            eq(registrations.id, input.registrationId),
            eq(registrations.delegationId, caller.delegationId),
          ),
        );
      if (!member) throw new DomainError('NOT_FOUND', { key: 'delegationMemberNotFound' });
      await inTransaction(runtime, (uow) =>
        cancelRegistration(runtime, uow, member.id, {
          caller: {
            actor: null,
            request: caller.request,
            agent: { kind: 'delegationContact', delegationId: caller.delegationId },
          },
          reason: input.reason,
        }),
      );
      return loadDelegation(runtime, caller.eventId, caller.delegationId);
    },
  };
}
