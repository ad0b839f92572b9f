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
    throw new DomainError('NOT_FOUND', 'No such registration in this event');
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
    const [row] = await tx
      .select()
      .from(r)
      .where(and(eq(r.id, input.registrationId), eq(r.eventId, caller.eventId)))
      .for('update');
    if (!row) throw new DomainError('NOT_FOUND', 'No such registration in this event');

    const before: Record<string, unknown> = {};
    const patch: Partial<typeof r.$inferInsert> = {};
    for (const key of editable) {
      const value = input.participant[key];
      if (value === undefined || value === row[key]) continue;
      before[key] = row[key];
      // Each key is a text column; the contract allows null only where the column does.
      Object.assign(patch, { [key]: value });
    }
    if (patch.organisation !== undefined || patch.country !== undefined) {
      const organisationId = await resolveOrganisation(
        tx,
        patch.organisation ?? row.organisation,
        patch.country ?? row.country,
        runtime.now(),
      );
      if (organisationId !== row.organisationId) patch.organisationId = organisationId;
    }
    if (input.answers) {
      const { errors, kept } = checkAnswers(await loadQuestions(tx, caller.eventId), input.answers);
      if (Object.keys(errors).length > 0) {
        throw new DomainError('INVALID_INPUT', 'Some answers do not fit the form', errors);
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
      await recordAudit(tx, caller, {
        eventId: caller.eventId,
        action: 'registration.update',
        objectType: 'registration',
        objectId: row.id,
        before,
        after: patch,
      });
    }
    return loadOwnRegistration(tx, caller.eventId, row.id, runtime.now());
  });
}
