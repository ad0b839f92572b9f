import { insertPersonForTest, splitPersonFields, type Registrant } from '../../people/people.repo';
import { randomUUID } from 'node:crypto';
import { schema, type Executor } from '@plenary/db';

/**
 * Test data written straight to the tables, so these tests depend on the schema
 * only, not on how registrations are created.
 */
export async function insertCategory(
  db: Executor,
  eventId: string,
  code: string,
  extra: Partial<typeof schema.registrationCategories.$inferInsert> = {},
): Promise<string> {
  const [row] = await db
    .insert(schema.registrationCategories)
    .values({ eventId, code, label: { ko: `${code} 분류`, en: `${code} category` }, ...extra })
    .returning({ id: schema.registrationCategories.id });
  if (!row) throw new Error('category insert returned nothing');
  return row.id;
}

export async function insertOption(
  db: Executor,
  eventId: string,
  code: string,
  extra: Partial<typeof schema.registrationOptions.$inferInsert> = {},
): Promise<string> {
  const [row] = await db
    .insert(schema.registrationOptions)
    .values({ eventId, code, label: { ko: `${code} 옵션`, en: `${code} option` }, ...extra })
    .returning({ id: schema.registrationOptions.id });
  if (!row) throw new Error('option insert returned nothing');
  return row.id;
}

let serial = 0;

/** A registration with plausible defaults; pass what the test is about. */
export async function insertRegistration(
  db: Executor,
  eventId: string,
  categoryId: string,
  extra: Partial<typeof schema.registrations.$inferInsert> & Partial<Registrant> = {},
): Promise<string> {
  serial += 1;
  const { person, own } = splitPersonFields(extra);
  const [row] = await db
    .insert(schema.registrations)
    .values({
      eventId,
      categoryId,
      reference: `T${String(serial).padStart(3, '0')}-TEST`,
      status: 'confirmed',
      source: 'staff',
      personId:
        own.personId ??
        (await insertPersonForTest(db, {
          email: `person${serial}-${randomUUID()}@example.org`,
          givenName: 'Minjun',
          familyName: 'Kim',
          country: 'KR',
          ...person,
        })),
      organisation: 'KICOX',
      manageTokenHash: randomUUID(),
      ticketCode: randomUUID(),
      ...own,
    })
    .returning({ id: schema.registrations.id });
  if (!row) throw new Error('registration insert returned nothing');
  return row.id;
}

export async function insertChoice(
  db: Executor,
  registrationId: string,
  optionId: string,
  status: 'booked' | 'waitlisted' = 'booked',
): Promise<void> {
  await db.insert(schema.registrationChoices).values({ registrationId, optionId, status });
}
