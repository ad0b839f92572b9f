import { eq, schema, type Executor } from '@plenary/db';

/**
 * A minimal stand-in so the accounts branch works on its own: the people module
 * writes the full versions of these two (same names and parameters) and replaces
 * this file at merge.
 */

/** Who erased a person: the person themselves, or a staff member. */
export type ErasureActor = { kind: 'person'; personId: string } | { kind: 'staff'; userId: string };

/** Everything held about the person, as plain JSON. */
export async function exportPersonData(db: Executor, personId: string): Promise<Record<string, unknown>> {
  const [person] = await db.select().from(schema.persons).where(eq(schema.persons.id, personId));
  const registrations = await db
    .select({
      id: schema.registrations.id,
      eventId: schema.registrations.eventId,
      reference: schema.registrations.reference,
      status: schema.registrations.status,
      email: schema.registrations.email,
      givenName: schema.registrations.givenName,
      familyName: schema.registrations.familyName,
      localName: schema.registrations.localName,
      organisation: schema.registrations.organisation,
      jobTitle: schema.registrations.jobTitle,
      country: schema.registrations.country,
      phone: schema.registrations.phone,
      dietary: schema.registrations.dietary,
      accessibility: schema.registrations.accessibility,
      answers: schema.registrations.answers,
      consents: schema.registrations.consents,
      createdAt: schema.registrations.createdAt,
    })
    .from(schema.registrations)
    .where(eq(schema.registrations.personId, personId));
  return {
    person: person
      ? {
          id: person.id,
          email: person.email,
          givenName: person.givenName,
          familyName: person.familyName,
          localName: person.localName,
          country: person.country,
          phone: person.phone,
          jobTitle: person.jobTitle,
          locale: person.locale,
          emailVerifiedAt: person.emailVerifiedAt,
          createdAt: person.createdAt,
        }
      : null,
    registrations,
  };
}

/**
 * Blanks the person's personal fields; the row stays, so the facts that point
 * to it (audit, registrations the organiser must keep) keep their shape.
 */
export async function erasePerson(db: Executor, personId: string, actor: ErasureActor): Promise<void> {
  void actor; // the people module records it in the audit log
  await db
    .update(schema.persons)
    .set({
      email: `erased-${personId}@invalid`,
      givenName: '',
      familyName: '',
      localName: null,
      country: null,
      phone: null,
      jobTitle: null,
      emailVerifiedAt: null,
      erasedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(eq(schema.persons.id, personId));
}
