import type { PendingProfile } from '@plenary/db/schema';
import {
  findPerson,
  findPersonsByEmail,
  insertPersonsIfNew,
  personFieldNames,
  updatePersonRow,
  type PersonFields,
  type PersonRow,
} from './people.repo';
import type { Executor } from '@plenary/db';

/**
 * The rules of writing a person. A person is shared by every organiser's event, so what
 * one form typed must not rewrite what another organiser sees. Once the email's owner has
 * proved they read it (a registration's link, a sign-in code), only they change their
 * fields; before that, staff and partners, who vouch for the address, may. What anyone
 * else types differently stays on the registration as its pending profile, shown to staff.
 * Nothing else writes persons.
 */

export interface PersonInput extends PersonFields {
  email: string;
  /** The language a new person starts with (their first form's). */
  locale?: string;
}

export interface PersonFor {
  personId: string;
  /** What was typed differently, kept on the registration until the email's owner verifies. */
  pendingProfile: PendingProfile | null;
  /** The person's fields as they stand after this write (what readers of the registration see). */
  person: PersonRow;
}

/** The fields typed that differ from the person's (an empty object when none differ). */
export function profileDifference(person: PersonRow, typed: PersonFields): PendingProfile {
  const diff: PendingProfile = {};
  for (const name of personFieldNames) {
    const value = typed[name] ?? null;
    if ((person[name] ?? null) !== value) Object.assign(diff, { [name]: value });
  }
  return diff;
}

/** A person's own fields out of anything carrying them (a registration row, an input). */
export function personFieldsOf(r: Omit<PersonInput, 'email'>): PersonFields {
  return {
    givenName: r.givenName,
    familyName: r.familyName,
    localName: r.localName ?? null,
    country: r.country ?? null,
    phone: r.phone ?? null,
    jobTitle: r.jobTitle ?? null,
  };
}

/**
 * The person of each registrant, by email, in the caller's transaction. A new email makes a
 * new person with what was typed (not verified: typing an address proves nothing about
 * owning it). An existing person is rewritten only when `vouched` (staff, partners) and the
 * person has not verified their address; otherwise the differences become the
 * registration's pending profile. Emails are taken in sorted order so two batches
 * never wait on each other's new persons in opposite orders.
 */
export async function findOrCreatePersons(
  db: Executor,
  registrants: PersonInput[],
  options: { vouched: boolean; locale: string; now: Date },
): Promise<PersonFor[]> {
  const emails = [...new Set(registrants.map((r) => r.email))].sort();
  const firstTyped = new Map<string, PersonInput>();
  for (const r of registrants) if (!firstTyped.has(r.email)) firstTyped.set(r.email, r);
  await insertPersonsIfNew(
    db,
    emails.map((email) => ({
      email,
      ...personFieldsOf(firstTyped.get(email)!),
      locale: firstTyped.get(email)!.locale ?? options.locale,
      emailVerifiedAt: null,
    })),
  );
  const byEmail = new Map((await findPersonsByEmail(db, emails)).map((p) => [p.email, p]));
  const out: PersonFor[] = [];
  for (const r of registrants) {
    const person = byEmail.get(r.email);
    if (!person) throw new Error(`person for ${r.email} neither inserted nor found`);
    const diff = profileDifference(person, personFieldsOf(r));
    if (!Object.keys(diff).length) {
      out.push({ personId: person.id, pendingProfile: null, person });
    } else if (options.vouched && person.emailVerifiedAt === null) {
      const updated = await updatePersonRow(db, person.id, { ...diff, updatedAt: options.now });
      if (updated) byEmail.set(r.email, updated);
      out.push({ personId: person.id, pendingProfile: null, person: updated ?? person });
    } else {
      out.push({ personId: person.id, pendingProfile: diff, person });
    }
  }
  return out;
}

export async function findOrCreatePerson(
  db: Executor,
  registrant: PersonInput,
  options: { vouched: boolean; locale: string; now: Date },
): Promise<PersonFor> {
  const [one] = await findOrCreatePersons(db, [registrant], options);
  return one!;
}

/**
 * Staff (or the person) change a person's fields. Returns the fields before and after that
 * changed, for the caller's audit entry (audited under the event the change came from).
 */
export async function updatePerson(
  db: Executor,
  personId: string,
  patch: Partial<PersonFields>,
  now: Date,
): Promise<{ before: PendingProfile; after: PendingProfile } | undefined> {
  const person = await findPerson(db, personId);
  if (!person) return undefined;
  const typed = { ...personFieldsOf({ ...person, ...patch }) };
  const after = profileDifference(person, typed);
  if (!Object.keys(after).length) return { before: {}, after: {} };
  const before: PendingProfile = {};
  for (const k of Object.keys(after) as Array<keyof PendingProfile>) Object.assign(before, { [k]: person[k] });
  await updatePersonRow(db, personId, { ...after, updatedAt: now });
  return { before, after };
}

/**
 * Staff change a registrant's fields. A person nobody has verified is written (as
 * `updatePerson`); a verified person's fields are theirs, so what staff typed differently
 * joins the registration's pending profile instead (a value equal to the person's leaves it).
 */
export async function proposePersonChange(
  db: Executor,
  personId: string,
  patch: Partial<PersonFields>,
  pending: PendingProfile | null,
  now: Date,
): Promise<{ pendingProfile: PendingProfile | null }> {
  const person = await findPerson(db, personId);
  if (!person) return { pendingProfile: pending };
  if (person.emailVerifiedAt === null) {
    await updatePerson(db, personId, patch, now);
    const rest = Object.fromEntries(Object.entries(pending ?? {}).filter(([k]) => !(k in patch)));
    return { pendingProfile: Object.keys(rest).length ? rest : null };
  }
  const next: Record<string, unknown> = { ...(pending ?? {}) };
  for (const name of personFieldNames) {
    if (!(name in patch)) continue;
    const value = patch[name] ?? null;
    if ((person[name] ?? null) === value) delete next[name];
    else next[name] = value;
  }
  return { pendingProfile: Object.keys(next).length ? next : null };
}

/**
 * The email's owner proved they read it: the person is verified, and what they typed on
 * this registration (its pending profile) becomes the person's.
 */
export async function verifyPersonEmail(
  db: Executor,
  personId: string,
  pending: PendingProfile | null,
  now: Date,
): Promise<void> {
  const person = await findPerson(db, personId);
  if (!person) return;
  await updatePersonRow(db, personId, {
    ...(pending ?? {}),
    emailVerifiedAt: person.emailVerifiedAt ?? now,
    updatedAt: now,
  });
}
