import { z } from 'zod';
import type { SignedInCaller } from '../context';
import { idSchema } from './common';

/**
 * People (issue 9 §1): one person per email across the platform. What the platform
 * admin sees of a person, everything held about them (the data export), and erasure.
 */
export const personDto = z.object({
  id: idSchema,
  email: z.string(),
  emailVerified: z.boolean(),
  givenName: z.string(),
  familyName: z.string(),
  localName: z.string().nullable(),
  country: z.string().nullable(),
  phone: z.string().nullable(),
  jobTitle: z.string().nullable(),
  locale: z.string(),
  erasedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type PersonDto = z.infer<typeof personDto>;

export const peopleSearchInput = z.object({
  /** Part of an email, a name in Latin letters or in the person's own script. */
  query: z.string().trim().min(1).max(200),
  limit: z.number().int().min(1).max(50).default(20),
});
export const peopleSearchOutput = z.object({ people: z.array(personDto) });

export const personRefInput = z.object({ personId: idSchema });

/** A person with the events they registered for (the platform admin's detail page). */
export const personDetailDto = personDto.extend({
  registrations: z.array(
    z.object({ id: idSchema, eventId: idSchema, reference: z.string(), status: z.string(), createdAt: z.string() }),
  ),
});

/** Everything the platform holds about one person, as JSON (the right of access). */
export const personDataExport = z.object({
  exportedAt: z.string(),
  person: personDto,
  registrations: z.array(
    z.object({
      id: idSchema,
      eventId: idSchema,
      eventSlug: z.string(),
      reference: z.string(),
      status: z.string(),
      source: z.string(),
      organisation: z.string(),
      dietary: z.string().nullable(),
      accessibility: z.string().nullable(),
      locale: z.string(),
      answers: z.record(z.string(), z.unknown()),
      consents: z.array(z.object({ kind: z.string(), version: z.number(), acceptedAt: z.string() })),
      options: z.array(z.object({ optionId: idSchema, code: z.string(), status: z.string() })),
      pendingProfile: z.record(z.string(), z.unknown()).nullable(),
      paymentStatus: z.string(),
      createdAt: z.string(),
      confirmedAt: z.string().nullable(),
      cancelledAt: z.string().nullable(),
      checkedInAt: z.string().nullable(),
    }),
  ),
  delegations: z.array(z.object({ id: idSchema, eventId: idSchema, name: z.string(), createdAt: z.string() })),
  visaRequests: z.array(
    z.object({
      id: idSchema,
      registrationId: idSchema,
      passportName: z.string().nullable(),
      passportNumber: z.string().nullable(),
      nationality: z.string().nullable(),
      dateOfBirth: z.string().nullable(),
      embassy: z.string().nullable(),
      status: z.string(),
      createdAt: z.string(),
      purgedAt: z.string().nullable(),
    }),
  ),
  mails: z.array(
    z.object({
      id: idSchema,
      eventId: idSchema.nullable(),
      template: z.string(),
      subject: z.string(),
      textBody: z.string(),
      status: z.string(),
      createdAt: z.string(),
    }),
  ),
  auditEntries: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      eventId: idSchema.nullable(),
      actorLabel: z.string(),
      action: z.string(),
      objectType: z.string(),
      objectId: z.string(),
      diff: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
    }),
  ),
});
export type PersonDataExport = z.infer<typeof personDataExport>;

export const personErasure = z.object({
  personId: idSchema,
  erasedAt: z.string(),
  /** Live registrations cancelled first (their places went back to the events). */
  cancelledRegistrations: z.number().int(),
});
export type PersonErasure = z.infer<typeof personErasure>;

type In<T extends z.ZodType> = z.output<T>;
export interface PeopleServices {
  people: {
    search(caller: SignedInCaller, input: In<typeof peopleSearchInput>): Promise<In<typeof peopleSearchOutput>>;
    get(caller: SignedInCaller, input: In<typeof personRefInput>): Promise<In<typeof personDetailDto>>;
    exportData(caller: SignedInCaller, input: In<typeof personRefInput>): Promise<PersonDataExport>;
    erase(caller: SignedInCaller, input: In<typeof personRefInput>): Promise<PersonErasure>;
  };
}
