import { and, asc, eq, inArray, notInArray, or, schema, sql, type Executor } from '@plenary/db';
import type { Caller, PersonDataExport, PersonErasure } from '@plenary/contracts';
import { DomainError } from '@plenary/contracts';
import { inTransaction, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { cancelRegistration } from '../registration/promotion';
import { findPerson, updatePersonRow, type PersonRow } from './people.repo';

/**
 * The person's rights over their data (issue 9 §1): a copy of everything the platform
 * holds about them, and erasure. Erasure keeps what an organiser must keep (that a
 * registration existed, its status and times, the audit facts) without the personal fields.
 */

const { registrations, registrationChoices, registrationOptions, registrationFiles, events, delegations, visaLetterRequests, mailOutbox, auditLog } =
  schema;

/** Audit diff keys that carry personal data; their values are replaced on erasure. */
const PERSONAL_KEYS = [
  'email',
  'givenName',
  'familyName',
  'localName',
  'name',
  'phone',
  'jobTitle',
  'country',
  'organisation',
  'dietary',
  'accessibility',
  'answers',
  'passportName',
  'passportNumber',
  'nationality',
  'dateOfBirth',
  'embassy',
  'contactName',
  'contactEmail',
];
export const ERASED = 'erased';

export function personDto(p: PersonRow) {
  return {
    id: p.id,
    email: p.email,
    emailVerified: p.emailVerifiedAt !== null,
    givenName: p.givenName,
    familyName: p.familyName,
    localName: p.localName,
    country: p.country,
    phone: p.phone,
    jobTitle: p.jobTitle,
    locale: p.locale,
    erasedAt: p.erasedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
  };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * Audit entries about the person, by ids: their registrations and themselves as objects, and
 * what they did as actors (signed in, holding a registration's link, as a delegation's
 * contact). Never by their address inside a label: a staff member "jan@x" holds "an@x".
 */
function auditAbout(personId: string, registrationIds: string[], delegationIds: string[]) {
  return or(
    registrationIds.length
      ? and(eq(auditLog.objectType, 'registration'), inArray(auditLog.objectId, registrationIds))
      : undefined,
    and(eq(auditLog.objectType, 'person'), eq(auditLog.objectId, personId)),
    eq(auditLog.actorPersonId, personId),
    registrationIds.length
      ? and(eq(auditLog.actorKind, 'participant'), inArray(auditLog.actorObjectId, registrationIds))
      : undefined,
    delegationIds.length
      ? and(eq(auditLog.actorKind, 'delegationContact'), inArray(auditLog.actorObjectId, delegationIds))
      : undefined,
  );
}

export async function exportPersonData(db: Executor, personId: string): Promise<PersonDataExport> {
  const person = await findPerson(db, personId);
  if (!person) throw new DomainError('NOT_FOUND', { key: 'personNotFound' });
  const regs = await db
    .select({ r: registrations, eventSlug: events.slug })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(eq(registrations.personId, personId))
    .orderBy(asc(registrations.createdAt), asc(registrations.id));
  const ids = regs.map((x) => x.r.id);
  const delegated = await db
    .select()
    .from(delegations)
    .where(eq(delegations.contactPersonId, personId))
    .orderBy(asc(delegations.createdAt));
  const [choices, visas, mails, audit] = await Promise.all([
    ids.length
      ? db
          .select({
            registrationId: registrationChoices.registrationId,
            optionId: registrationChoices.optionId,
            code: registrationOptions.code,
            status: registrationChoices.status,
          })
          .from(registrationChoices)
          .innerJoin(registrationOptions, eq(registrationOptions.id, registrationChoices.optionId))
          .where(inArray(registrationChoices.registrationId, ids))
          .orderBy(asc(registrationOptions.code))
      : [],
    ids.length
      ? db.select().from(visaLetterRequests).where(inArray(visaLetterRequests.registrationId, ids)).orderBy(asc(visaLetterRequests.createdAt))
      : [],
    db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, person.email)).orderBy(asc(mailOutbox.createdAt), asc(mailOutbox.id)),
    db.select().from(auditLog).where(auditAbout(personId, ids, delegated.map((d) => d.id))).orderBy(asc(auditLog.id)),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    person: personDto(person),
    registrations: regs.map(({ r, eventSlug }) => ({
      id: r.id,
      eventId: r.eventId,
      eventSlug,
      reference: r.reference,
      status: r.status,
      source: r.source,
      organisation: r.organisation,
      dietary: r.dietary,
      accessibility: r.accessibility,
      locale: r.locale,
      answers: r.answers,
      consents: r.consents,
      options: choices
        .filter((c) => c.registrationId === r.id)
        .map(({ optionId, code, status }) => ({ optionId, code, status })),
      pendingProfile: r.pendingProfile ?? null,
      paymentStatus: r.paymentStatus,
      createdAt: r.createdAt.toISOString(),
      confirmedAt: iso(r.confirmedAt),
      cancelledAt: iso(r.cancelledAt),
      checkedInAt: iso(r.checkedInAt),
    })),
    delegations: delegated.map((d) => ({ id: d.id, eventId: d.eventId, name: d.name, createdAt: d.createdAt.toISOString() })),
    visaRequests: visas.map((v) => ({
      id: v.id,
      registrationId: v.registrationId,
      passportName: v.passportName,
      passportNumber: v.passportNumber,
      nationality: v.nationality,
      dateOfBirth: v.dateOfBirth,
      embassy: v.embassy,
      status: v.status,
      createdAt: v.createdAt.toISOString(),
      purgedAt: iso(v.purgedAt),
    })),
    mails: mails.map((m) => ({
      id: m.id,
      eventId: m.eventId,
      template: m.template,
      subject: m.subject,
      textBody: m.textBody,
      status: m.status,
      createdAt: m.createdAt.toISOString(),
    })),
    auditEntries: audit.map((a) => ({
      id: a.id,
      at: a.at.toISOString(),
      eventId: a.eventId,
      actorLabel: a.actorLabel,
      action: a.action,
      objectType: a.objectType,
      objectId: a.objectId,
      diff: a.diff,
    })),
  };
}

/**
 * Erases a person in one transaction. Live registrations are cancelled first through the
 * registration transition (places and seats handed on, audited); then the personal fields
 * are blanked everywhere they live. Takes the runtime, not only a database: the
 * cancellation takes the event's locks and queues its follow-ups.
 */
export async function erasePerson(runtime: Runtime, personId: string, actor: Caller): Promise<PersonErasure> {
  return inTransaction(runtime, async (uow) => {
    const { tx } = uow;
    const person = await findPerson(tx, personId);
    if (!person) throw new DomainError('NOT_FOUND', { key: 'personNotFound' });
    const now = runtime.now();
    if (person.erasedAt) return { personId, erasedAt: person.erasedAt.toISOString(), cancelledRegistrations: 0 };

    const live = await tx
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.personId, personId), notInArray(registrations.status, ['cancelled', 'rejected'])))
      .orderBy(asc(registrations.id));
    for (const { id } of live)
      await cancelRegistration(runtime, uow, id, { caller: actor, reason: 'Personal data erased on request' });

    const all = await tx.select({ id: registrations.id }).from(registrations).where(eq(registrations.personId, personId));
    const ids = all.map((r) => r.id);
    const contactOf = await tx.select({ id: delegations.id }).from(delegations).where(eq(delegations.contactPersonId, personId));
    // Audit facts stay; their personal values and the person's address in actor labels go.
    await tx
      .update(auditLog)
      .set({
        diff: sql`coalesce((select jsonb_object_agg(k, case when k = any(${sql.raw(
          `array[${PERSONAL_KEYS.map((k) => `'${k}'`).join(',')}]`,
        )}) then '{"before":"erased","after":"erased"}'::jsonb else v end) from jsonb_each(${auditLog.diff}) as d(k, v)), '{}'::jsonb)`,
        actorLabel: sql`replace(${auditLog.actorLabel}, ${person.email}, ${ERASED})`,
      })
      .where(auditAbout(personId, ids, contactOf.map((d) => d.id)));
    // Labels written before actors were recorded by id may still name the address.
    await tx
      .update(auditLog)
      .set({ actorLabel: sql`replace(${auditLog.actorLabel}, ${person.email}, ${ERASED})` })
      .where(sql`position(${person.email} in ${auditLog.actorLabel}) > 0 and ${auditLog.actorKind} <> 'user'`);
    await tx
      .update(mailOutbox)
      .set({
        toAddress: ERASED,
        subject: ERASED,
        textBody: '',
        htmlBody: null,
        // Not sent once erased (the cancellation just queued among them).
        status: sql`case when ${mailOutbox.status} = 'queued' then 'failed' else ${mailOutbox.status} end`,
      })
      .where(eq(mailOutbox.toAddress, person.email));
    if (ids.length) {
      await tx
        .update(registrations)
        .set({ organisation: ERASED, dietary: null, accessibility: null, answers: {}, pendingProfile: null, updatedAt: now })
        .where(inArray(registrations.id, ids));
      await tx
        .update(visaLetterRequests)
        .set({ passportName: null, passportNumber: null, nationality: null, dateOfBirth: null, embassy: null, purgedAt: now })
        .where(inArray(visaLetterRequests.registrationId, ids));
      await tx.delete(registrationFiles).where(inArray(registrationFiles.registrationId, ids));
    }
    // A delegation's contact is read from the person, so blanking the person blanks it too.
    const erasedEmail = `erased-${personId}@erased.invalid`;
    await updatePersonRow(tx, personId, {
      email: erasedEmail,
      givenName: ERASED,
      familyName: ERASED,
      localName: null,
      country: null,
      phone: null,
      jobTitle: null,
      organisationId: null,
      emailVerifiedAt: null,
      erasedAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, actor, {
      eventId: null,
      action: 'person.erase',
      objectType: 'person',
      objectId: personId,
      after: { cancelledRegistrations: live.length },
    });
    return { personId, erasedAt: now.toISOString(), cancelledRegistrations: live.length };
  });
}
