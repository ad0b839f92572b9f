import type { Locale, LocalizedText } from '@plenary/contracts';
import { pickLocale } from '@plenary/contracts';
import { and, asc, eq, inArray, isNotNull, schema } from '@plenary/db';
import type { Runtime, UnitOfWork } from '../../core/runtime';
import { calendarAttachment } from '../mail/calendar';
import { sendTemplatedMail, sendTemplatedMails, type AnyTemplatedMail } from '../mail/mail.service';
import { mailTemplates, renderTemplate, type RenderedMail } from '../mail/templates';

export type RegistrationMailKind =
  | 'verify'
  | 'confirmed'
  | 'payment'
  | 'pending'
  | 'waitlisted'
  | 'offer'
  | 'cancelled'
  | 'rejected'
  | 'link';

export interface MailFacts {
  eventTitle: LocalizedText;
  name: string;
  reference: string;
  link: string;
  waitlistPosition?: number | null;
  /** The end of a waiting-list offer; printed in the event's zone, with the zone named. */
  offerDeadline?: Date | null;
  reason?: string | null;
  /** A fee to pay (awaiting_payment): the deadline (printed in the event's zone) and the organiser's instructions. */
  payment?: { deadline: Date; instructions: LocalizedText } | null;
}

interface EventFacts {
  id: string;
  title: LocalizedText;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venueName: LocalizedText;
}

/** The template's values for one kind; the event's days for the confirmation (and its calendar file). */
function templated(
  kind: RegistrationMailKind,
  f: MailFacts,
  event: Pick<EventFacts, 'startsAt' | 'endsAt'> | undefined,
): Pick<AnyTemplatedMail, 'kind' | 'values'> {
  const base = { eventTitle: f.eventTitle, name: f.name, reference: f.reference, link: f.link };
  switch (kind) {
    case 'confirmed':
      if (!event) throw new Error('a confirmation mail needs its event');
      return {
        kind: 'registration.confirmed',
        values: { ...base, startsAt: event.startsAt, endsAt: event.endsAt },
      };
    case 'waitlisted':
      return {
        kind: 'registration.waitlisted',
        values: { ...base, waitlistPosition: f.waitlistPosition ?? '-' },
      };
    case 'payment':
      if (!f.payment) throw new Error('a payment mail needs its deadline');
      return {
        kind: 'registration.payment',
        values: {
          ...base,
          paymentDeadline: f.payment.deadline,
          instructions: f.payment.instructions,
        },
      };
    case 'offer':
      if (!f.offerDeadline) throw new Error('an offer mail needs its deadline');
      return { kind: 'registration.offer', values: { ...base, offerDeadline: f.offerDeadline } };
    case 'cancelled':
    case 'rejected':
      return { kind: `registration.${kind}`, values: { ...base, reason: f.reason ?? null } };
    case 'verify':
    case 'pending':
    case 'link':
      return { kind: `registration.${kind}`, values: base };
  }
}

/** The participant's mail with the default wording (no event overrides): for tests and previews. */
export function renderRegistrationMail(
  kind: RegistrationMailKind,
  f: MailFacts,
  locale: Locale,
  event: { startsAt: Date; endsAt: Date; timeZone: string } = {
    startsAt: new Date(0),
    endsAt: new Date(0),
    timeZone: 'UTC',
  },
): RenderedMail {
  const t = templated(kind, f, event);
  return renderTemplate(mailTemplates[t.kind] as never, t.values as never, {
    locale,
    timeZone: event.timeZone,
  });
}

export function registrationLink(runtime: Runtime, token: string): string {
  return `${runtime.config.publicUrl}/r/${token}`;
}

export function delegationLinkUrl(runtime: Runtime, token: string): string {
  return `${runtime.config.publicUrl}/d/${token}`;
}

/** Puts a participant's mail in the outbox in the transaction of the change. */
export async function mailParticipant(
  runtime: Runtime,
  uow: UnitOfWork,
  kind: RegistrationMailKind,
  to: ParticipantAddress,
  facts: MailFacts,
): Promise<void> {
  await mailParticipants(runtime, uow, [{ kind, to, facts }]);
}

export interface ParticipantAddress {
  email: string;
  locale: string;
  eventId: string;
}

async function loadEvents(uow: UnitOfWork, ids: string[]): Promise<Map<string, EventFacts>> {
  if (!ids.length) return new Map();
  const e = schema.events;
  const rows = await uow.tx
    .select({
      id: e.id,
      title: e.title,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      timeZone: e.timeZone,
      venueName: e.venueName,
    })
    .from(e)
    .where(ids.length === 1 ? eq(e.id, ids[0] as string) : inArray(e.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

interface TimedOption {
  eventId: string;
  reference: string;
  optionId: string;
  label: LocalizedText;
  startsAt: Date;
  endsAt: Date | null;
}

/** The booked options that have a time (a tour, the dinner) of the given registrations. */
async function loadTimedOptions(
  uow: UnitOfWork,
  eventIds: string[],
  references: string[],
): Promise<TimedOption[]> {
  if (!references.length) return [];
  const { registrations: r, registrationChoices: c, registrationOptions: o } = schema;
  const rows = await uow.tx
    .select({
      eventId: r.eventId,
      reference: r.reference,
      optionId: o.id,
      label: o.label,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
    })
    .from(r)
    .innerJoin(c, and(eq(c.registrationId, r.id), eq(c.status, 'booked')))
    .innerJoin(o, eq(o.id, c.optionId))
    .where(and(inArray(r.eventId, eventIds), inArray(r.reference, references), isNotNull(o.startsAt)))
    .orderBy(asc(o.startsAt));
  return rows.flatMap((row) => (row.startsAt ? [{ ...row, startsAt: row.startsAt }] : []));
}

/** The event's days and the booked options with a time, as one calendar file attached to the confirmation. */
function confirmationCalendar(
  runtime: Runtime,
  event: EventFacts,
  options: TimedOption[],
  locale: Locale,
  link: string,
) {
  const stamp = runtime.now();
  return calendarAttachment(
    {
      uid: `event-${event.id}@plenary`,
      summary: pickLocale(event.title, locale),
      start: event.startsAt,
      end: event.endsAt,
      location: pickLocale(event.venueName, locale) || null,
      url: link,
      stamp,
    },
    ...options.map((o) => ({
      uid: `option-${o.optionId}@plenary`,
      summary: `${pickLocale(o.label, locale)} (${pickLocale(event.title, locale)})`,
      start: o.startsAt,
      // An option without an end is shown as an hour long.
      end: o.endsAt ?? new Date(o.startsAt.getTime() + 3_600_000),
      location: null,
      url: link,
      stamp,
    })),
  );
}

/** Several participants' mails in one statement (a batch of registrations). */
export async function mailParticipants(
  runtime: Runtime,
  uow: UnitOfWork,
  mails: Array<{ kind: RegistrationMailKind; to: ParticipantAddress; facts: MailFacts }>,
): Promise<void> {
  if (!mails.length) return;
  const confirmations = mails.filter((m) => m.kind === 'confirmed');
  const needEvent = [...new Set(confirmations.map((m) => m.to.eventId))];
  const events = await loadEvents(uow, needEvent);
  const options = await loadTimedOptions(
    uow,
    needEvent,
    confirmations.map((m) => m.facts.reference),
  );
  await sendTemplatedMails(
    runtime,
    uow,
    mails.map(({ kind, to, facts }) => {
      const event = events.get(to.eventId);
      const locale: Locale = to.locale === 'ko' ? 'ko' : 'en';
      return {
        ...templated(kind, facts, event),
        to: to.email,
        locale,
        eventId: to.eventId,
        attachments:
          kind === 'confirmed' && event
            ? [
                confirmationCalendar(
                  runtime,
                  event,
                  options.filter((o) => o.eventId === to.eventId && o.reference === facts.reference),
                  locale,
                  facts.link,
                ),
              ]
            : [],
      } as AnyTemplatedMail;
    }),
  );
}

/** The group contact's mail with the link to manage the delegation. */
export async function mailDelegationContact(
  runtime: Runtime,
  uow: UnitOfWork,
  to: { email: string; locale: string; eventId: string },
  facts: { eventTitle: LocalizedText; name: string; delegation: string; members: number; link: string },
): Promise<void> {
  await sendTemplatedMail(runtime, uow, {
    kind: 'registration.delegation',
    to: to.email,
    locale: to.locale,
    eventId: to.eventId,
    values: facts,
  });
}
