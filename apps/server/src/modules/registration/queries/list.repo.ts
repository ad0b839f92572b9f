import {
  and,
  asc,
  desc,
  eq,
  ilike,
  inArray,
  isNotNull,
  isNull,
  or,
  schema,
  sql,
  type Executor,
} from '@plenary/db';
import type { RegistrationListInput, RegistrationRowDto } from '@plenary/contracts';
import type { SQL } from 'drizzle-orm';

const {
  registrations: r,
  registrationCategories: c,
  visaLetterRequests: v,
  registrationChoices: ch,
  persons: pe,
} = schema;

/** The list's filters: everything of the list input but paging. */
export type RegistrationFilter = Omit<RegistrationListInput, 'offset' | 'limit'>;

/** `%` and `_` typed in the search box are literal characters, not wildcards. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * The WHERE of the participant list and its exports (the query joins `persons` on the
 * registration's person: names, email and country are the person's). The visa filter reads the
 * left-joined visa_letter_requests row (one per registration at most).
 */
export function registrationWhere(eventId: string, f: Partial<RegistrationFilter>): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(r.eventId, eventId)];
  const search = f.search?.trim();
  if (search) {
    const p = likePattern(search);
    conditions.push(
      or(
        ilike(pe.givenName, p),
        ilike(pe.familyName, p),
        ilike(pe.localName, p),
        ilike(pe.email, p),
        ilike(r.organisation, p),
        ilike(r.reference, p),
      ),
    );
  }
  if (f.statuses?.length) conditions.push(inArray(r.status, f.statuses));
  if (f.categoryIds?.length) conditions.push(inArray(r.categoryId, f.categoryIds));
  if (f.countries?.length) conditions.push(inArray(pe.country, f.countries));
  if (f.optionId) {
    conditions.push(
      sql`exists (select 1 from ${ch} where ${ch.registrationId} = ${r.id} and ${ch.optionId} = ${f.optionId})`,
    );
  }
  if (f.checkedIn !== undefined)
    conditions.push(f.checkedIn ? isNotNull(r.checkedInAt) : isNull(r.checkedInAt));
  if (f.visaLetter === 'none') conditions.push(isNull(v.id));
  else if (f.visaLetter) conditions.push(eq(v.status, f.visaLetter));
  return and(...conditions);
}

const sortColumns = {
  createdAt: [r.createdAt],
  familyName: [pe.familyName, pe.givenName],
  organisation: [r.organisation],
  country: [pe.country],
  status: [r.status],
  reference: [r.reference],
} as const satisfies Record<RegistrationFilter['sort'], unknown[]>;

/** ORDER BY a whitelisted column, with the id as tie-breaker so pages never overlap. */
export function registrationOrder(f: Pick<RegistrationFilter, 'sort' | 'direction'>): SQL[] {
  const dir = f.direction === 'asc' ? asc : desc;
  return [...sortColumns[f.sort].map((col) => dir(col)), dir(r.id)];
}

/** One page of the participant list and the number of matches. */
export async function listRegistrationRows(
  db: Executor,
  eventId: string,
  input: RegistrationListInput,
): Promise<{ rows: RegistrationRowDto[]; total: number }> {
  const where = registrationWhere(eventId, input);
  const [rows, counted] = await Promise.all([
    db
      .select({
        id: r.id,
        reference: r.reference,
        status: r.status,
        categoryId: r.categoryId,
        categoryLabel: c.label,
        categoryColour: c.colour,
        givenName: pe.givenName,
        familyName: pe.familyName,
        localName: pe.localName,
        email: pe.email,
        organisation: r.organisation,
        country: sql<string>`coalesce(${pe.country}, '')`,
        paymentStatus: r.paymentStatus,
        checkedInAt: r.checkedInAt,
        visaLetterStatus: v.status,
        createdAt: r.createdAt,
      })
      .from(r)
      .innerJoin(c, eq(c.id, r.categoryId))
      .innerJoin(pe, eq(pe.id, r.personId))
      .leftJoin(v, eq(v.registrationId, r.id))
      .where(where)
      .orderBy(...registrationOrder(input))
      .offset(input.offset)
      .limit(input.limit),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(r)
      .innerJoin(pe, eq(pe.id, r.personId))
      .leftJoin(v, eq(v.registrationId, r.id))
      .where(where),
  ]);
  return {
    rows: rows.map((row) => ({
      ...row,
      checkedInAt: row.checkedInAt?.toISOString() ?? null,
      visaLetterStatus: row.visaLetterStatus ?? null,
      createdAt: row.createdAt.toISOString(),
    })),
    total: Number(counted[0]?.n ?? 0),
  };
}
