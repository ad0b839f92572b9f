import { z } from 'zod';
import type { Caller, PersonCaller, SessionCookie } from '../context';
import { msg } from '../messages';
import { emailSchema, idSchema, localeSchema } from './common';
import { registrationStatuses } from './registration/registrations';
import { submissionSectionDto } from './papers';
import { b2bSectionDto } from './my-b2b';

const text = z.object({ ko: z.string().optional(), en: z.string().optional() });

// ---------------------------------------------------------------------------
// Signing in: an emailed code or the link in the same mail (no passwords).

export const requestSignInCodeInput = z.object({
  email: emailSchema,
  /** The language of the mail. */
  locale: localeSchema.default('ko'),
});
export type RequestSignInCodeInput = z.infer<typeof requestSignInCodeInput>;

/** Six digits, as typed: spaces and dashes a phone's keyboard adds are dropped. */
export const signInCodeSchema = z
  .string()
  .transform((value) => value.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, { error: msg('signInCode') }));

export const verifySignInCodeInput = z.object({ email: emailSchema, code: signInCodeSchema });
export type VerifySignInCodeInput = z.infer<typeof verifySignInCodeInput>;

export const verifySignInLinkInput = z.object({ token: z.string().min(20).max(100) });
export type VerifySignInLinkInput = z.infer<typeof verifySignInLinkInput>;

export const signedInPersonDto = z.object({
  id: z.uuid(),
  email: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  locale: localeSchema,
});
export type SignedInPersonDto = z.infer<typeof signedInPersonDto>;

/** Who is signed in on the portal (null: nobody), and the token the portal echoes on changes. */
export const personSessionOutput = z.object({
  person: signedInPersonDto.nullable(),
  /** Sent back in the x-plenary-person-csrf header by every POST of this session. */
  csrfToken: z.string().nullable(),
});
export type PersonSessionOutput = z.infer<typeof personSessionOutput>;

// ---------------------------------------------------------------------------
// My conference: one page per event, made of sections that modules provide.

export const myEventDto = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: text,
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
});
export type MyEventDto = z.infer<typeof myEventDto>;

/** The registration module's section: the person's registration at this event. */
export const registrationSectionDto = z.object({
  kind: z.literal('registration'),
  registrationId: z.uuid(),
  reference: z.string(),
  status: z.enum(registrationStatuses),
  category: text,
  /** The QR ticket's secret, once confirmed (as on the registration's own page). */
  ticketCode: z.string().nullable(),
});

/** The delegations module's section: groups this person is the contact of. */
export const delegationSectionDto = z.object({
  kind: z.literal('delegation'),
  delegations: z.array(
    z.object({ id: z.uuid(), name: z.string(), members: z.number().int(), confirmed: z.number().int() }),
  ),
});

/**
 * Every kind of section My conference can show. A module adds its card by adding
 * its schema here, a provider on the server and a card on the portal; the page
 * itself knows none of them.
 */
export const conferenceSectionDto = z.discriminatedUnion('kind', [
  registrationSectionDto,
  delegationSectionDto,
  // papers (issue 11)
  submissionSectionDto,
  // B2B fair (issue 14)
  b2bSectionDto,
]);
export type ConferenceSection = z.infer<typeof conferenceSectionDto>;
export type ConferenceSectionKind = ConferenceSection['kind'];

export const myConferenceInput = z.object({ eventId: idSchema });
export const myConferenceOutput = z.object({
  event: myEventDto,
  sections: z.array(conferenceSectionDto),
});
export type MyConferenceOutput = z.infer<typeof myConferenceOutput>;

/** A fresh link to a registration of the signed-in person (so /r opens in any tab). */
export const openMyRegistrationInput = z.object({ registrationId: idSchema });
export const openMyRegistrationOutput = z.object({ token: z.string() });

/** Everything the platform holds about the person, as JSON. */
export const personDataOutput = z.object({
  exportedAt: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type PersonDataOutput = z.infer<typeof personDataOutput>;

type Out<T extends z.ZodType> = z.output<T>;

export interface AccountServices {
  accounts: {
    /** Mails a code and a link; answers the same whether the address is known or not. */
    requestCode(caller: Caller, input: RequestSignInCodeInput): Promise<void>;
    verifyCode(
      caller: Caller,
      input: VerifySignInCodeInput,
      cookie: SessionCookie,
    ): Promise<PersonSessionOutput>;
    verifyLink(
      caller: Caller,
      input: VerifySignInLinkInput,
      cookie: SessionCookie,
    ): Promise<PersonSessionOutput>;
    /** The holder of a registration's emailed link signs in as its address. */
    signInWithRegistrationLink(
      caller: { registrationId: string; request: Caller['request'] },
      cookie: SessionCookie,
    ): Promise<PersonSessionOutput>;
    session(person: PersonCaller | null): Promise<PersonSessionOutput>;
    signOut(caller: PersonCaller, cookie: SessionCookie): Promise<void>;
    signOutEverywhere(caller: PersonCaller, cookie: SessionCookie): Promise<void>;
  };
  me: {
    events(caller: PersonCaller): Promise<Out<typeof myEventDto>[]>;
    conference(caller: PersonCaller, input: z.output<typeof myConferenceInput>): Promise<MyConferenceOutput>;
    openRegistration(
      caller: PersonCaller,
      input: z.output<typeof openMyRegistrationInput>,
    ): Promise<Out<typeof openMyRegistrationOutput>>;
    exportData(caller: PersonCaller): Promise<PersonDataOutput>;
    requestErasure(caller: PersonCaller, cookie: SessionCookie): Promise<void>;
  };
}
