import { z } from 'zod';
import type { SignedInCaller } from '../context';

/**
 * Domain events (issue 9 §6): what happened, recorded in the transaction of the
 * change and handed to subscribers (webhooks, mails, other modules) after commit.
 * Each type is declared here once, with the schema of its data: a module adds
 * its types (submission.submitted, agreement.signed, ...) to `domainEventSchemas`.
 * Recording parses the data with the type's schema, so keys not declared here
 * (a passport number on a whole row) are dropped before they are stored.
 */

/** What a registration event says about the registration (also what a partner's webhook receives). */
export const registrationEventRegistration = z.object({
  id: z.string(),
  eventId: z.string(),
  reference: z.string(),
  status: z.string(),
  categoryId: z.string(),
  email: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  delegationId: z.string().nullable(),
});
export type RegistrationEventRegistration = z.infer<typeof registrationEventRegistration>;

/**
 * `partnerId` is the partner organisation that created the subject through the
 * API (null: nobody's); only that partner's webhooks hear of it. The rest of the
 * data is the partner-facing payload.
 */
const registrationEventData = z.object({
  partnerId: z.string().nullable(),
  registration: registrationEventRegistration,
});

/** What a meeting event says about the meeting (B2B export fair, issue 14). */
export const meetingEventData = z.object({
  /** The partners whose profiles are in the meeting (webhooks go to each of them, none when empty). */
  partnerIds: z.array(z.string()),
  meeting: z.object({
    id: z.string(),
    eventId: z.string(),
    buyerOrganisationId: z.string(),
    sellerOrganisationId: z.string(),
    slotIndex: z.number(),
    startsAt: z.string(),
    table: z.string(),
    interpreterId: z.string().nullable(),
    status: z.string(),
  }),
});

/** A submission's change of state (papers); review and the programme listen later. */
const submissionEventData = z.object({
  submissionId: z.string(),
  version: z.number().int(),
  title: z.object({ ko: z.string().optional(), en: z.string().optional() }),
});
// decisions (issue 11 §4): one per released decision, and the release itself.
const decisionEventData = z.object({
  submissionId: z.string(),
  kind: z.string(),
  accepted: z.boolean(),
  title: z.object({ ko: z.string().optional(), en: z.string().optional() }),
});
const programmePublishedData = z.object({
  eventId: z.string(),
  released: z.number().int(),
  accepted: z.number().int(),
  releasedAt: z.string(),
});
// agreements (issue 13)
const agreementEventAgreement = z.object({
  id: z.string(),
  eventId: z.string(),
  kind: z.string(),
  title: z.object({ ko: z.string().optional(), en: z.string().optional() }),
  versionNumber: z.number().int().nullable(),
  versionSha256: z.string().nullable(),
});
const agreementEventData = z.object({ agreement: agreementEventAgreement });

export const domainEventSchemas = {
  'registration.created': registrationEventData,
  'registration.confirmed': registrationEventData,
  'registration.waitlisted': registrationEventData,
  'registration.promoted': registrationEventData,
  'registration.cancelled': registrationEventData,
  'registration.checked_in': registrationEventData,
  // B2B export fair (issue 14).
  'meeting.scheduled': meetingEventData,
  'meeting.changed': meetingEventData,
  'meeting.outcome_recorded': meetingEventData,
  // papers (issue 11)
  'submission.submitted': submissionEventData,
  'submission.withdrawn': submissionEventData,
  'decision.released': decisionEventData,
  'programme.published': programmePublishedData,
  // agreements (issue 13): what the public registry would show of the instrument.
  'agreement.signed': agreementEventData,
  'declaration.adopted': agreementEventData,
  // agreement signing: each signature and each decline (the last signature is agreement.signed).
  'agreement.signature_recorded': z.object({
    agreement: agreementEventAgreement,
    envelopeId: z.string(),
    recipient: z.object({ id: z.string(), role: z.string(), organisationId: z.string() }),
  }),
  'agreement.signing_declined': z.object({
    agreement: agreementEventAgreement,
    envelopeId: z.string(),
    recipient: z.object({ id: z.string(), role: z.string(), organisationId: z.string() }),
    reason: z.string(),
  }),
  'declaration.endorsed': z.object({
    agreement: agreementEventAgreement,
    endorsement: z.object({ id: z.string(), organisation: z.string(), country: z.string().nullable() }),
  }),
} as const;

export type DomainEventType = keyof typeof domainEventSchemas;
export const domainEventTypes = Object.keys(domainEventSchemas) as DomainEventType[];
export type DomainEventData<T extends DomainEventType = DomainEventType> = z.infer<
  (typeof domainEventSchemas)[T]
>;

/** A subscriber's work on one event, as the platform admin sees it. */
export const domainEventDeliveryStatuses = ['pending', 'done', 'failed'] as const;

export const domainEventDto = z.object({
  id: z.string(),
  type: z.string(),
  eventId: z.string().nullable(),
  subjectKind: z.string(),
  subjectId: z.string(),
  occurredAt: z.string(),
  subscribers: z.array(
    z.object({
      name: z.string(),
      status: z.enum(domainEventDeliveryStatuses),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      processedAt: z.string().nullable(),
    }),
  ),
});
export type DomainEventDto = z.infer<typeof domainEventDto>;

export const domainEventsListInput = z.object({
  type: z.string().max(100).optional(),
  status: z.enum(domainEventDeliveryStatuses).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
});
export const domainEventsListOutput = z.object({ total: z.number().int(), events: z.array(domainEventDto) });

/** What the server provides for the domain events view (the procedure's access rule checks who asks). */
export interface DomainEventServices {
  domainEvents: {
    list(
      caller: SignedInCaller,
      input: z.output<typeof domainEventsListInput>,
    ): Promise<z.output<typeof domainEventsListOutput>>;
  };
}
