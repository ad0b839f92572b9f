import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { pickLocale, type submissionFieldsInput } from '@plenary/contracts';
import { and, eq, schema, type Executor } from '@plenary/db';
import type { Runtime, UnitOfWork } from '../../core/runtime';
import { sendTemplatedMail } from '../mail/mail.service';
import { resolveOrganisations } from '../organisations/organisations.service';
import { findOrCreatePersons } from '../people/people.service';
import { tokenHash } from './cfp.service';

const { submissionAuthors, submissionReviewerConflicts } = schema;

type Fields = z.output<typeof submissionFieldsInput>;

/**
 * Writes a submission's authors in order: each a person found or made by email
 * (the people service; typing an address vouches for nothing), each affiliation
 * an organisation (the organisations service). A co-author who was not on the
 * list before gets a mail with a link to confirm; one already confirmed stays so.
 */
export async function writeAuthors(
  runtime: Runtime,
  uow: UnitOfWork,
  submission: { id: string; eventId: string; submitterPersonId: string; title: { ko?: string; en?: string } },
  authors: Fields['authors'],
  locale: string,
): Promise<void> {
  const { tx } = uow;
  const now = runtime.now();
  const persons = await findOrCreatePersons(
    tx,
    authors.map((a) => ({
      email: a.email,
      givenName: a.givenName,
      familyName: a.familyName,
      localName: null,
      country: a.country,
      phone: null,
      jobTitle: null,
    })),
    { vouched: false, locale, now },
  );
  const orgs = await resolveOrganisations(
    tx,
    authors.map((a) => ({ name: a.affiliation, country: a.country })),
    now,
  );
  const before = await tx
    .select({
      personId: submissionAuthors.personId,
      confirmedAt: submissionAuthors.confirmedAt,
      hash: submissionAuthors.confirmTokenHash,
    })
    .from(submissionAuthors)
    .where(eq(submissionAuthors.submissionId, submission.id));
  const known = new Map(before.map((b) => [b.personId, b]));
  await tx.delete(submissionAuthors).where(eq(submissionAuthors.submissionId, submission.id));
  const submitter = authors.find((_, i) => persons[i]!.personId === submission.submitterPersonId);
  const submitterName = submitter ? `${submitter.givenName} ${submitter.familyName}` : authors[0]!.givenName;
  for (const [i, a] of authors.entries()) {
    const person = persons[i]!;
    const previous = known.get(person.personId);
    const isSubmitter = person.personId === submission.submitterPersonId;
    let hash = previous?.hash ?? null;
    let confirmedAt = previous?.confirmedAt ?? (isSubmitter ? now : null);
    if (!previous && !isSubmitter) {
      const token = randomBytes(24).toString('base64url');
      hash = tokenHash(token);
      confirmedAt = null;
      const mailLocale = person.person.locale;
      await sendTemplatedMail(runtime, uow, {
        kind: 'papers.confirmAuthorship',
        to: a.email,
        locale: mailLocale,
        eventId: submission.eventId,
        values: {
          title: pickLocale(submission.title, mailLocale === 'ko' ? 'ko' : 'en'),
          submitter: submitterName,
          link: `${runtime.config.publicUrl}/authorship/${token}`,
        },
      });
    }
    await tx.insert(submissionAuthors).values({
      submissionId: submission.id,
      position: i + 1,
      personId: person.personId,
      organisationId: orgs[i] ?? null,
      givenName: a.givenName,
      familyName: a.familyName,
      affiliation: a.affiliation,
      country: a.country,
      orcid: a.orcid ?? null,
      presenting: a.presenting,
      confirmTokenHash: confirmedAt ? null : hash,
      confirmedAt,
    });
  }
}

/** The reviewers the authors declare a conflict with (replaced as a whole). */
export async function writeReviewerConflicts(
  tx: Executor,
  submissionId: string,
  conflicts: Fields['reviewerConflicts'],
): Promise<void> {
  await tx
    .delete(submissionReviewerConflicts)
    .where(eq(submissionReviewerConflicts.submissionId, submissionId));
  if (conflicts.length)
    await tx
      .insert(submissionReviewerConflicts)
      .values(conflicts.map((c) => ({ submissionId, userId: c.userId, type: c.type })));
}

/** The event's reviewers (staff with the reviewer role), by id and name. */
export async function eventReviewers(db: Executor, eventId: string) {
  return db
    .select({ userId: schema.users.id, displayName: schema.users.displayName })
    .from(schema.eventMembers)
    .innerJoin(schema.users, eq(schema.users.id, schema.eventMembers.userId))
    .where(and(eq(schema.eventMembers.eventId, eventId), eq(schema.eventMembers.role, 'reviewer')))
    .orderBy(schema.users.displayName);
}
