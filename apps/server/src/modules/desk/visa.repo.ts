import { and, desc, eq, schema, sql, type Executor } from '@plenary/db';
import type { VisaLetterStatus } from '@plenary/db/schema';
import { selectRows } from '../../core/sql';

const { visaLetterRequests: v, registrations: r, users: u, persons: p } = schema;

const visaColumns = {
  id: v.id,
  eventId: v.eventId,
  registrationId: v.registrationId,
  passportName: v.passportName,
  passportNumber: v.passportNumber,
  nationality: v.nationality,
  dateOfBirth: v.dateOfBirth,
  embassy: v.embassy,
  status: v.status,
  decisionReason: v.decisionReason,
  decidedAt: v.decidedAt,
  decidedBy: u.displayName,
  purgedAt: v.purgedAt,
  createdAt: v.createdAt,
  reference: r.reference,
  givenName: p.givenName,
  familyName: p.familyName,
  email: p.email,
  organisation: r.organisation,
  locale: r.locale,
  registrationStatus: r.status,
};
export type VisaRow = NonNullable<Awaited<ReturnType<typeof findVisaRequest>>>;

function selectVisa(db: Executor) {
  return db
    .select(visaColumns)
    .from(v)
    .innerJoin(r, eq(r.id, v.registrationId))
    .innerJoin(p, eq(p.id, r.personId))
    .leftJoin(u, eq(u.id, v.decidedBy));
}

export async function findVisaRequest(db: Executor, eventId: string, id: string) {
  const [row] = await selectVisa(db).where(and(eq(v.eventId, eventId), eq(v.id, id)));
  return row;
}

export async function findVisaRequestOfRegistration(db: Executor, registrationId: string) {
  const [row] = await selectVisa(db).where(eq(v.registrationId, registrationId));
  return row;
}

export async function listVisaRequests(db: Executor, eventId: string, status: VisaLetterStatus | undefined) {
  return selectVisa(db)
    .where(and(eq(v.eventId, eventId), status ? eq(v.status, status) : undefined))
    .orderBy(desc(v.createdAt), desc(v.id));
}

export interface PassportData {
  passportName: string;
  passportNumber: string;
  nationality: string;
  dateOfBirth: string;
  embassy: string;
}

export async function insertVisaRequest(
  db: Executor,
  values: PassportData & { eventId: string; registrationId: string; createdAt: Date },
) {
  const [row] = await db
    .insert(v)
    .values({ ...values, status: 'requested' })
    .returning({ id: v.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/** A new request in place of a rejected one: the decision is cleared, the request starts over. */
export async function replaceVisaRequest(
  db: Executor,
  id: string,
  values: PassportData & { createdAt: Date },
) {
  await db
    .update(v)
    .set({
      ...values,
      status: 'requested',
      decisionReason: null,
      decidedBy: null,
      decidedAt: null,
      purgedAt: null,
    })
    .where(eq(v.id, id));
}

export async function setVisaDecision(
  db: Executor,
  id: string,
  decision: { status: VisaLetterStatus; reason: string | null; by: string; at: Date },
) {
  await db
    .update(v)
    .set({
      status: decision.status,
      decisionReason: decision.reason,
      decidedBy: decision.by,
      decidedAt: decision.at,
    })
    .where(eq(v.id, id));
}

/**
 * Erases the passport fields of requests whose event ended more than its
 * visa_purge_days ago (30 when the event has no settings row). The status,
 * nationality and embassy stay, so the list still says what was decided.
 */
export async function purgePassportData(
  db: Executor,
  now: Date,
): Promise<Array<{ id: string; eventId: string }>> {
  const rows = await selectRows<{ id: string; event_id: string }>(
    db,
    sql`update visa_letter_requests
        set passport_number = null, date_of_birth = null, passport_name = null, purged_at = ${now.toISOString()}
        where purged_at is null
          and event_id in (
            select ev.id from events ev left join registration_settings s on s.event_id = ev.id
            where ev.ends_at + make_interval(days => coalesce(s.visa_purge_days, 30)) < ${now.toISOString()}
          )
        returning id, event_id`,
  );
  return rows.map((row) => ({ id: row.id, eventId: row.event_id }));
}
