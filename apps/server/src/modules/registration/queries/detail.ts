import { z } from 'zod';
import { and, asc, eq, schema, type Executor } from '@plenary/db';
import {
  checkAnswers,
  DomainError,
  formQuestion,
  type EventCaller,
  type RegistrationDto,
  type updateParticipantInput,
} from '@plenary/contracts';
import { inTransaction, type Runtime } from '../../../core/runtime';
import { recordAudit } from '../../audit/audit.service';
import { resolveOrganisation } from '../../organisations/organisations.service';
import { loadRegistrationDto } from '../registration.dto';
import { lockRegistration } from '../registration.repo';
import { personFieldNames } from '../../people/people.repo';
import { findOrCreatePerson, personFieldsOf, proposePersonChange, type PersonInput } from '../../people/people.service';

const { registrations: r, registrationSettings, auditLog } = schema;

type UpdateInput = z.output<typeof updateParticipantInput>;

export interface HistoryEntry {
  at: string;
  actorLabel: string;
  action: string;
  diff: Record<string, { before: unknown; after: unknown }>;
}

/** What happened to a registration, oldest first, from the audit log. */
export async function registrationHistory(
  db: Executor,
  eventId: string,
  id: string,
): Promise<HistoryEntry[]> {
  const rows = await db
    .select({
      at: auditLog.at,
      actorLabel: auditLog.actorLabel,
      action: auditLog.action,
      diff: auditLog.diff,
    })
    .from(auditLog)
    .where(
      and(eq(auditLog.objectType, 'registration'), eq(auditLog.objectId, id), eq(auditLog.eventId, eventId)),
    )
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
}

/** The registration of this event, or NOT_FOUND (an id of another event is not found either). */
export async function loadOwnRegistration(
  db: Executor,
  eventId: string,
  id: string,
  now: Date,
): Promise<RegistrationDto> {
  const dto = await loadRegistrationDto(db, id, now);
  if (!dto || dto.eventId !== eventId)
    throw new DomainError('NOT_FOUND', { key: 'registrationNotInEvent' });
  return dto;
}

const questionList = z.array(formQuestion);

/** The event's custom questions as the form shows them now. */
async function loadQuestions(db: Executor, eventId: string) {
  const [row] = await db
    .select({ questions: registrationSettings.questions })
    .from(registrationSettings)
    .where(eq(registrationSettings.eventId, eventId));
  return questionList.parse(row?.questions ?? []);
}

const editable = [
  'givenName',
  'familyName',
  'localName',
  'email',
  'organisation',
  'jobTitle',
  'country',
  'phone',
  'dietary',
  'accessibility',
] as const;

/**
 * Staff correct a participant's fields and answers. Answers are checked against
 * the form as it is now (a hidden question's answer is dropped); a changed email
 * that another live registration uses is a 409 (the unique index says so).
 */
export async function updateParticipant(
  runtime: Runtime,
  caller: EventCaller,
  input: UpdateInput,
): Promise<RegistrationDto> {
  return inTransaction(runtime, async ({ tx }) => {
    const row = await lockRegistration(tx, input.registrationId);
    if (!row || row.eventId !== caller.eventId) throw new DomainError('NOT_FOUND', { key: 'registrationNotInEvent' });

    const before: Record<string, unknown> = {};
    const changed: Record<string, unknown> = {};
    for (const key of editable) {
      const value = input.participant[key];
      if (value === undefined || value === row[key]) continue;
      before[key] = row[key];
      changed[key] = value;
    }
    // The registration's own columns; names, email and the rest belong to the person.
    const patch: Partial<typeof r.$inferInsert> = {};
    for (const key of ['organisation', 'dietary', 'accessibility'] as const)
      if (key in changed) Object.assign(patch, { [key]: changed[key] });
    let personId = row.personId;
    if (typeof changed.email === 'string') {
      // Another address is another person: the registration moves to them (a live
      // registration of theirs at this event is a 409 from the unique index). An existing
      // person keeps their fields but for those staff changed here.
      const moved = await findOrCreatePerson(
        tx,
        { ...personFieldsOf(row), ...(changed as Partial<PersonInput>), email: changed.email },
        { vouched: false, locale: row.locale, now: runtime.now() },
      );
      personId = patch.personId = moved.personId;
    }
    const personPatch = Object.fromEntries(personFieldNames.filter((k) => k in changed).map((k) => [k, changed[k]]));
    if (Object.keys(personPatch).length > 0) {
      // A verified person's fields are theirs: what staff typed waits on this registration
      // (a moved registration's old pending profile was about another person).
      const { pendingProfile } = await proposePersonChange(
        tx,
        personId,
        personPatch,
        patch.personId ? null : row.pendingProfile,
        runtime.now(),
      );
      if (JSON.stringify(pendingProfile) !== JSON.stringify(row.pendingProfile)) patch.pendingProfile = pendingProfile;
    }
    if ('organisation' in changed || 'country' in changed) {
      const organisationId = await resolveOrganisation(
        tx,
        (changed.organisation as string | undefined) ?? row.organisation,
        (changed.country as string | undefined) ?? row.country,
        runtime.now(),
      );
      if (organisationId !== row.organisationId) patch.organisationId = organisationId;
    }
    if (input.answers) {
      const { errors, kept } = checkAnswers(await loadQuestions(tx, caller.eventId), input.answers);
      if (Object.keys(errors).length > 0) {
        throw new DomainError('INVALID_INPUT', { key: 'answersDoNotFitForm' }, errors);
      }
      if (JSON.stringify(kept) !== JSON.stringify(row.answers)) {
        before.answers = row.answers;
        patch.answers = kept;
      }
    }
    if (Object.keys(patch).length > 0) {
      await tx
        .update(r)
        .set({ ...patch, updatedAt: runtime.now() })
        .where(eq(r.id, row.id));
    }
    if (Object.keys(changed).length > 0 || patch.answers) {
      await recordAudit(tx, caller, {
        eventId: caller.eventId,
        action: 'registration.update',
        objectType: 'registration',
        objectId: row.id,
        before,
        after: { ...changed, ...(patch.answers ? { answers: patch.answers } : {}) },
      });
    }
    return loadOwnRegistration(tx, caller.eventId, row.id, runtime.now());
  });
}
