import { pickLocale, type Locale } from '@plenary/contracts';
import { and, eq, inArray, isNotNull, schema, type Executor } from '@plenary/db';
import type { Runtime } from '../../core/runtime';
import type { AnyTemplatedMail } from '../mail/mail.service';
import { findEventZones, findOverrides } from '../mail/mail.repo';
import { renderTemplate, templateOf } from '../mail/templates';
import type { DecisionKind } from './decisions.repo';

const { submissionAuthors, submissions, persons, events } = schema;

/** The author's page of a submission on the portal: the decision and the camera-ready upload. */
export const submissionLink = (runtime: Runtime, submissionId: string) =>
  `${runtime.config.publicUrl}/submissions/${submissionId}`;

/**
 * The notices of some decisions: one per author who confirmed their authorship
 * (an unconfirmed name on a byline may not be an author at all), in the author's
 * language, accepted or not by the decision's kind.
 */
export async function decisionMails(
  runtime: Runtime,
  db: Executor,
  eventId: string,
  decisions: ReadonlyArray<{ submissionId: string; kind: string }>,
  kinds: readonly DecisionKind[],
): Promise<AnyTemplatedMail[]> {
  if (!decisions.length) return [];
  const [event] = await db.select({ title: events.title }).from(events).where(eq(events.id, eventId));
  const ids = decisions.map((d) => d.submissionId);
  const recipients = await db
    .select({
      submissionId: submissionAuthors.submissionId,
      title: submissions.title,
      email: persons.email,
      locale: persons.locale,
    })
    .from(submissionAuthors)
    .innerJoin(submissions, eq(submissions.id, submissionAuthors.submissionId))
    .innerJoin(persons, eq(persons.id, submissionAuthors.personId))
    .where(and(inArray(submissionAuthors.submissionId, ids), isNotNull(submissionAuthors.confirmedAt)))
    .orderBy(submissionAuthors.submissionId, submissionAuthors.position);
  const kindOf = new Map(decisions.map((d) => [d.submissionId, kinds.find((k) => k.code === d.kind)]));
  return recipients.map((r): AnyTemplatedMail => {
    const locale: Locale = r.locale === 'ko' ? 'ko' : 'en';
    const kind = kindOf.get(r.submissionId);
    return {
      kind: kind?.accepted ? 'papers.decisionAccepted' : 'papers.decisionRejected',
      to: r.email,
      locale,
      eventId,
      values: {
        title: pickLocale(r.title, locale),
        decision: pickLocale(kind?.name ?? {}, locale),
        eventName: pickLocale(event?.title ?? {}, locale),
        link: submissionLink(runtime, r.submissionId),
      },
    };
  });
}

/** Renders the notices as release would send them (the event's wording where staff overrode it). */
export async function renderDecisionMails(db: Executor, eventId: string, mails: readonly AnyTemplatedMail[]) {
  const kinds = [...new Set(mails.map((m) => m.kind))];
  const zone = (await findEventZones(db, [eventId])).get(eventId) ?? 'UTC';
  const overrides = new Map(
    (kinds.length ? await findOverrides(db, eventId, kinds) : []).map((o) => [
      `${o.kind}|${o.locale}`,
      { subject: o.subject, text: o.textBody, html: o.htmlBody },
    ]),
  );
  return mails.map((m) => {
    const locale: Locale = m.locale === 'ko' ? 'ko' : 'en';
    const rendered = renderTemplate(
      templateOf(m.kind),
      m.values,
      { locale, timeZone: zone },
      overrides.get(`${m.kind}|${locale}`) ?? null,
    );
    return { to: m.to, locale, template: m.kind, ...rendered };
  });
}
