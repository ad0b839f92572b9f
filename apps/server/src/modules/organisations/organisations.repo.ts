import { and, eq, inArray, isNull, schema, sql, type Executor } from '@plenary/db';
import type { OrganisationType } from '@plenary/contracts';
import { selectRows, sqlArray } from '../../core/sql';

const {
  organisations,
  organisationNames,
  registrations,
  partners,
  persons,
  agreementParties,
  declarationEndorsements,
  b2bProfiles,
  submissionAuthors,
} = schema;
export type OrganisationRow = typeof organisations.$inferSelect;

/** A name's row key: the match key and the organisation's country ('' for none). */
export interface NameKey {
  matchKey: string;
  countryKey: string;
}

/**
 * The organisation each key leads to: a name of the same country, else a name of an
 * organisation without a country (an international body matches from anywhere).
 */
export async function findByNames(db: Executor, keys: readonly NameKey[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!keys.length) return out;
  const rows = await selectRows<{ match_key: string; asked: string; organisation_id: string }>(
    db,
    sql`select k.match_key, k.country_key as asked, n.organisation_id
        from unnest(${sqlArray(
          keys.map((k) => k.matchKey),
          'text',
        )}, ${sqlArray(
          keys.map((k) => k.countryKey),
          'text',
        )}) as k(match_key, country_key)
        cross join lateral (
          select organisation_id from organisation_names n
          where n.match_key = k.match_key and n.country_key in (k.country_key, '')
          order by n.country_key desc limit 1
        ) n`,
  );
  for (const r of rows) out.set(`${r.match_key}\u0000${r.asked}`, r.organisation_id);
  return out;
}

export async function insertOrganisation(
  db: Executor,
  row: typeof organisations.$inferInsert,
): Promise<OrganisationRow> {
  const [created] = await db.insert(organisations).values(row).returning();
  if (!created) throw new Error('organisation insert returned nothing');
  return created;
}

/** Claims a name for an organisation; false when another organisation holds it already. */
export async function claimName(
  db: Executor,
  key: NameKey,
  organisationId: string,
  spelling: string,
): Promise<string> {
  const [claimed] = await db
    .insert(organisationNames)
    .values({ ...key, organisationId, spelling })
    .onConflictDoNothing()
    .returning({ organisationId: organisationNames.organisationId });
  if (claimed) return claimed.organisationId;
  const [holder] = await db
    .select({ organisationId: organisationNames.organisationId })
    .from(organisationNames)
    .where(
      and(eq(organisationNames.matchKey, key.matchKey), eq(organisationNames.countryKey, key.countryKey)),
    );
  if (!holder) throw new Error('organisation name vanished while claimed');
  return holder.organisationId;
}

export async function deleteOrganisation(db: Executor, id: string): Promise<void> {
  await db.delete(organisations).where(eq(organisations.id, id));
}

export async function findOrganisation(db: Executor, id: string, forUpdate = false) {
  const q = db.select().from(organisations).where(eq(organisations.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function lockOrganisations(db: Executor, ids: readonly string[]): Promise<OrganisationRow[]> {
  // Row locks in id order, like every other lock taken in one statement here.
  return db
    .select()
    .from(organisations)
    .where(inArray(organisations.id, [...ids]))
    .orderBy(organisations.id)
    .for('update');
}

export async function updateOrganisation(
  db: Executor,
  id: string,
  patch: Partial<typeof organisations.$inferInsert>,
): Promise<void> {
  await db.update(organisations).set(patch).where(eq(organisations.id, id));
}

export async function namesOf(db: Executor, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({
      organisationId: organisationNames.organisationId,
      matchKey: organisationNames.matchKey,
      spelling: organisationNames.spelling,
    })
    .from(organisationNames)
    .where(inArray(organisationNames.organisationId, [...ids]))
    .orderBy(organisationNames.spelling);
}

/** Its names follow the organisation's country (a country change re-keys them). */
export async function rekeyNames(db: Executor, organisationId: string, countryKey: string): Promise<void> {
  await db.execute(sql`
    insert into organisation_names (match_key, country_key, organisation_id, spelling)
    select match_key, ${countryKey}, organisation_id, spelling from organisation_names
    where organisation_id = ${organisationId} and country_key <> ${countryKey}
    on conflict do nothing`);
  await db.execute(
    sql`delete from organisation_names where organisation_id = ${organisationId} and country_key <> ${countryKey}`,
  );
}

/** Moves every reference and name of the duplicates to the survivor. */
/**
 * What a merge would put twice where once is the rule: an agreement with both as
 * parties, a fair where both have a profile on the same side. Staff settle those first.
 */
export async function mergeClashes(
  db: Executor,
  ids: readonly string[],
): Promise<Array<'agreement' | 'fair'>> {
  const all = sqlArray([...ids], 'uuid');
  const rows = await selectRows<{ what: 'agreement' | 'fair' }>(
    db,
    sql`select 'agreement' as what from agreement_parties where organisation_id = any(${all})
          group by agreement_id having count(*) > 1
        union
        select 'fair' from b2b_profiles where organisation_id = any(${all})
          group by fair_id, side having count(*) > 1`,
  );
  return [...new Set(rows.map((r) => r.what))];
}

export async function moveReferences(
  db: Executor,
  duplicateIds: readonly string[],
  survivorId: string,
  countryKey: string,
  at: Date,
): Promise<void> {
  const ids = [...duplicateIds];
  await db
    .update(registrations)
    .set({ organisationId: survivorId })
    .where(inArray(registrations.organisationId, ids));
  await db.update(persons).set({ organisationId: survivorId }).where(inArray(persons.organisationId, ids));
  await db.update(partners).set({ organisationId: survivorId }).where(inArray(partners.organisationId, ids));
  // The later modules' references: parties and endorsers, fair profiles, authors' affiliations.
  await db
    .update(agreementParties)
    .set({ organisationId: survivorId })
    .where(inArray(agreementParties.organisationId, ids));
  await db
    .update(declarationEndorsements)
    .set({ organisationId: survivorId })
    .where(inArray(declarationEndorsements.organisationId, ids));
  await db
    .update(b2bProfiles)
    .set({ organisationId: survivorId })
    .where(inArray(b2bProfiles.organisationId, ids));
  await db
    .update(submissionAuthors)
    .set({ organisationId: survivorId })
    .where(inArray(submissionAuthors.organisationId, ids));
  // Taken out first, then put back under the survivor: a duplicate's name holds its own key
  // until it is deleted, so copying before deleting would skip every one.
  const moved = await db
    .delete(organisationNames)
    .where(inArray(organisationNames.organisationId, ids))
    .returning({ matchKey: organisationNames.matchKey, spelling: organisationNames.spelling });
  const byKey = new Map(moved.map((n) => [n.matchKey, n.spelling]));
  if (byKey.size)
    await db
      .insert(organisationNames)
      .values(
        [...byKey].map(([matchKey, spelling]) => ({
          matchKey,
          countryKey,
          organisationId: survivorId,
          spelling,
        })),
      )
      .onConflictDoNothing();
  await db
    .update(organisations)
    .set({ mergedInto: survivorId, updatedAt: at })
    .where(inArray(organisations.id, ids));
  // Earlier merges into a duplicate now lead to the survivor in one step.
  await db
    .update(organisations)
    .set({ mergedInto: survivorId })
    .where(inArray(organisations.mergedInto, ids));
}

export interface ListFilter {
  search: string;
  type?: OrganisationType;
  country?: string;
  limit: number;
  offset: number;
}

/** Live (not merged) organisations matching the filter, by name, with a total. */
export async function listOrganisations(db: Executor, f: ListFilter) {
  const term = f.search ? `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = and(
    isNull(organisations.mergedInto),
    f.type ? eq(organisations.type, f.type) : undefined,
    f.country ? eq(organisations.country, f.country) : undefined,
    term
      ? sql`(${organisations.name}->>'ko' ilike ${term} or ${organisations.name}->>'en' ilike ${term}
             or exists (select 1 from organisation_names n where n.organisation_id = ${organisations.id}
                        and n.spelling ilike ${term}))`
      : undefined,
  );
  const rows = await db
    .select()
    .from(organisations)
    .where(where)
    .orderBy(sql`coalesce(${organisations.name}->>'en', ${organisations.name}->>'ko')`, organisations.id)
    .limit(f.limit)
    .offset(f.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(organisations)
    .where(where);
  return { rows, total: count?.n ?? 0 };
}

/** How many registrations and partners point to each organisation. */
export async function referenceCounts(db: Executor, ids: readonly string[]) {
  const out = new Map<string, { registrations: number; partners: number }>(
    ids.map((id) => [id, { registrations: 0, partners: 0 }]),
  );
  if (!ids.length) return out;
  const regs = await db
    .select({ id: registrations.organisationId, n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(inArray(registrations.organisationId, [...ids]))
    .groupBy(registrations.organisationId);
  for (const r of regs) if (r.id) out.get(r.id)!.registrations = r.n;
  const parts = await db
    .select({ id: partners.organisationId, n: sql<number>`count(*)::int` })
    .from(partners)
    .where(inArray(partners.organisationId, [...ids]))
    .groupBy(partners.organisationId);
  for (const r of parts) if (r.id) out.get(r.id)!.partners = r.n;
  return out;
}
