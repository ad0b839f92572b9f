import { asc, eq, inArray, schema, sql, type Executor } from '@plenary/db';
import type { PendingProfile } from '@plenary/db/schema';

const { persons } = schema;

export type PersonRow = typeof persons.$inferSelect;

/** The fields a person keeps once for every event (names as in the passport, contact). */
export type PersonFields = Required<PendingProfile>;
export const personFieldNames = ['givenName', 'familyName', 'localName', 'country', 'phone', 'jobTitle'] as const;

/**
 * A registration's personal columns as they read before they moved onto the person: join
 * `persons` on `registrations.person_id` and spread these into the select. `country` was
 * required on registrations; an erased person has none, so it reads as ''.
 */
export const registrantColumns = {
  email: persons.email,
  givenName: persons.givenName,
  familyName: persons.familyName,
  localName: persons.localName,
  jobTitle: persons.jobTitle,
  country: sql<string>`coalesce(${persons.country}, '')`.as('person_country'),
  phone: persons.phone,
};
export type Registrant = {
  email: string;
  givenName: string;
  familyName: string;
  localName: string | null;
  jobTitle: string | null;
  country: string;
  phone: string | null;
};

export async function findPerson(db: Executor, id: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(persons).where(eq(persons.id, id));
  return row;
}

export async function findPersonsByEmail(db: Executor, emails: string[]): Promise<PersonRow[]> {
  if (!emails.length) return [];
  return db.select().from(persons).where(inArray(persons.email, emails)).orderBy(asc(persons.email));
}

/** Inserts the persons whose email is new; an email inserted meanwhile by another transaction is left as is. */
export async function insertPersonsIfNew(
  db: Executor,
  rows: Array<PersonFields & { email: string; locale: string; emailVerifiedAt: Date | null }>,
): Promise<void> {
  if (!rows.length) return;
  await db.insert(persons).values(rows).onConflictDoNothing({ target: persons.email });
}

export async function updatePersonRow(
  db: Executor,
  id: string,
  patch: Partial<Omit<PersonRow, 'id' | 'createdAt'>>,
): Promise<PersonRow | undefined> {
  const [row] = await db.update(persons).set(patch).where(eq(persons.id, id)).returning();
  return row;
}

export async function searchPersonRows(db: Executor, query: string, limit: number) {
  const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select()
    .from(persons)
    .where(
      sql`${persons.email} ilike ${like} or (${persons.givenName} || ' ' || ${persons.familyName}) ilike ${like} or ${persons.localName} ilike ${like}`,
    )
    .orderBy(asc(persons.email))
    .limit(limit);
}

/**
 * A person straight into the table, for test fixtures that set up rows without the
 * services (the email is made unique when not given).
 */
export async function insertPersonForTest(
  db: Executor,
  fields: Partial<Omit<typeof persons.$inferInsert, 'id'>> = {},
): Promise<string> {
  const [row] = await db
    .insert(persons)
    .values({
      email: `person-${crypto.randomUUID()}@example.org`,
      givenName: 'Minjun',
      familyName: 'Kim',
      country: 'KR',
      ...fields,
    })
    .returning({ id: persons.id });
  return row!.id;
}

/** Splits a fixture's registration values into the person's and the registration's own. */
export function splitPersonFields<T extends Record<string, unknown>>(values: T) {
  const { email, givenName, familyName, localName, jobTitle, country, phone, ...own } = values;
  const person = Object.fromEntries(
    Object.entries({ email, givenName, familyName, localName, jobTitle, country, phone }).filter(([, v]) => v !== undefined),
  ) as Partial<Omit<typeof persons.$inferInsert, 'id'>>;
  return { person, own };
}
