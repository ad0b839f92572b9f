import { TRPCClientError } from '@trpc/client';
import { domainErrorStatus, type DomainErrorCode } from '@plenary/contracts/schemas';
import type {
  DelegationDto,
  MyConferenceOutput,
  MyB2bMeetingDto,
  MyEventDto,
  MyRegistrationDto,
  PublicEventDto,
  RegistrationFormDto,
  RegistrationReceiptDto,
} from '@plenary/contracts/schemas';
import type { PortalApi, RegisterRequest } from '../api';
import { linkHeaders } from '../lib/link-token';
import { tciForm, speakerCategory } from './registration-fixtures';

export { englishOnly, tci2015 } from './event-fixtures';

/**
 * The error the real client throws for a domain error (shape from the server's error
 * formatter; the status from the contracts' one table, which this file once copied
 * by hand and got wrong: TOKEN_INVALID is a 400).
 */
export function apiError(
  domainCode: DomainErrorCode,
  message: string,
  fieldErrors: Record<string, string[]> = {},
  path = 'portal.event',
): TRPCClientError<never> {
  return TRPCClientError.from({
    error: {
      code: -32000,
      message,
      data: { code: domainCode, httpStatus: domainErrorStatus[domainCode], path, domainCode, fieldErrors },
    },
  });
}

export function notFoundError(message = 'No such event'): TRPCClientError<never> {
  return apiError('NOT_FOUND', message);
}

const badLink = 'This link is not valid any more: use the newest email, or ask for a new link';

export interface FakeCall {
  procedure: string;
  input: unknown;
  /** The x-plenary-link header the real client would have sent. */
  link: string | null;
}

/** A signed-in participant the fake server knows, and what My conference shows them. */
export interface FakePerson {
  email: string;
  /** The code the fake mails to that address. */
  code: string;
  events: MyEventDto[];
  conference: MyConferenceOutput[];
}

export interface FakeServerOptions {
  /** The participant who can sign in (by code) and their pages. */
  person?: FakePerson;
  /** Already signed in when the page loads. */
  signedIn?: boolean;
  /** The registration form of the event it names (other events: closed). */
  form?: RegistrationFormDto;
  /** What register answers; by default a confirmed (or, in a full category, waitlisted) receipt. */
  register?: (input: RegisterRequest) => RegistrationReceiptDto;
  /** The registration behind the participant link `linkToken`. */
  registration?: MyRegistrationDto;
  /** The delegation behind the contact link `linkToken`. */
  delegation?: DelegationDto;
  linkToken?: string;
  /** The signed-in author's submission (papers, issue 11): mySubmissions.get answers it by id. */
  submission?: FakeSubmission;
  /** Its decision as myDecisions.get answers it: null (the default) until released. */
  decision?: FakeDecision;
  /** The B2B meetings of the signed-in person's companies (issue 14); any other id is missing. */
  b2bMeetings?: MyB2bMeetingDto[];
}

export type FakeSubmission = Awaited<ReturnType<PortalApi['mySubmissions']['get']['query']>>;
export type FakeDecision = Awaited<ReturnType<PortalApi['myDecisions']['get']['query']>>;

export interface FakePortalApi extends PortalApi {
  /** The slugs asked for, in order. */
  readonly askedSlugs: string[];
  /** Every registration procedure called, in order. */
  readonly calls: FakeCall[];
  readonly state: {
    registration: MyRegistrationDto | null;
    delegation: DelegationDto | null;
    signedIn: boolean;
    decision: FakeDecision;
  };
}

const pdf = (filename: string) => ({ filename, contentType: 'application/pdf', base64: 'JVBERi0xLjcK' });

/** A fake server holding these published events, and the registration data of the options. */
export function fakePortalApi(events: PublicEventDto[], options: FakeServerOptions = {}): FakePortalApi {
  const askedSlugs: string[] = [];
  const calls: FakeCall[] = [];
  const form = options.form ?? tciForm;
  const token = options.linkToken ?? 'link-valid';
  const state = {
    registration: options.registration ? structuredClone(options.registration) : null,
    delegation: options.delegation ? structuredClone(options.delegation) : null,
    signedIn: options.signedIn ?? false,
    decision: options.decision ? structuredClone(options.decision) : null,
  };
  const person = options.person ?? null;
  const signedInPersonDto = () =>
    person
      ? {
          id: '0193a5b2-7c1e-7d40-9a3e-2f1c5e8b9f31',
          email: person.email,
          givenName: '',
          familyName: '',
          locale: 'en' as const,
        }
      : null;
  const session = () =>
    state.signedIn && person
      ? { person: signedInPersonDto(), csrfToken: 'person-csrf' }
      : { person: null, csrfToken: null };
  /** Like the server's "person" rule: refused unless signed in. */
  function me(procedure: string, input?: unknown): FakePerson {
    record(procedure, input);
    if (!state.signedIn || !person) throw apiError('UNAUTHENTICATED', 'Sign in with your email first');
    return person;
  }

  function record(procedure: string, input?: unknown) {
    calls.push({ procedure, input, link: linkHeaders()['x-plenary-link'] ?? null });
  }
  /**
   * Like the server: the link must be the right one, and name a registration. The
   * access rule refuses a bad link before any procedure runs, as UNAUTHENTICATED
   * (401) with this message (contracts/src/trpc.ts), not TOKEN_INVALID.
   */
  function mine(procedure: string, input?: unknown): MyRegistrationDto {
    record(procedure, input);
    if (linkHeaders()['x-plenary-link'] !== token || !state.registration)
      throw apiError('UNAUTHENTICATED', badLink);
    return state.registration;
  }
  function myDelegation(procedure: string, input?: unknown): DelegationDto {
    record(procedure, input);
    if (linkHeaders()['x-plenary-link'] !== token || !state.delegation)
      throw apiError('UNAUTHENTICATED', badLink);
    return state.delegation;
  }
  const copy = <T>(value: T): T => structuredClone(value);
  /** Like the server: the author's own submission, or 404 as if there were none. */
  function mySubmission(procedure: string, input: { submissionId: string }): FakeSubmission {
    me(procedure, input);
    if (!options.submission || options.submission.id !== input.submissionId)
      throw apiError('NOT_FOUND', 'No such submission');
    return options.submission;
  }
  /** The released decision of an accepted paper, or the server's refusal. */
  function acceptedDecision(procedure: string, input: { submissionId: string }) {
    mySubmission(procedure, input);
    if (!state.decision?.accepted)
      throw apiError('INVALID_STATE', 'Only an accepted paper takes a camera-ready version');
    return state.decision;
  }

  return {
    askedSlugs,
    calls,
    state,
    portal: {
      events: { query: async () => structuredClone(events) },
      event: {
        query: async ({ slug }) => {
          askedSlugs.push(slug);
          const found = events.find((e) => e.slug === slug);
          if (!found) throw notFoundError();
          return structuredClone(found);
        },
      },
    },
    portalRegistration: {
      form: {
        query: async (input) => {
          record('portalRegistration.form', input);
          if (input.eventId !== form.eventId) {
            return { ...copy(form), eventId: input.eventId, open: false, categories: [], options: [] };
          }
          const code = input.invitationCode?.trim().toUpperCase();
          if (!code) return copy(form);
          if (code === 'SPEAKER15') {
            return {
              ...copy(form),
              categories: [...copy(form.categories), copy(speakerCategory)],
              invitationCode: { valid: true, reason: null },
            };
          }
          return { ...copy(form), invitationCode: { valid: false, reason: 'expired' } };
        },
      },
      altchaChallenge: {
        // The form's proof of work needs web workers, which the unit tests' DOM lacks:
        // the browser e2e tests solve it for real against the server.
        query: async () => {
          record('portalRegistration.altchaChallenge', {});
          throw new Error('no proof of work in unit tests');
        },
      },
      register: {
        mutate: async (input) => {
          record('portalRegistration.register', input);
          if (options.register) return options.register(input);
          const full = form.categories.find((c) => c.id === input.categoryId)?.full ?? false;
          return {
            id: '0193a5b2-7c1e-7d40-9a3e-2f1c5e8b9f01',
            reference: 'TCI-0042',
            status: full ? 'waitlisted' : 'confirmed',
            waitlistPosition: full ? 4 : null,
            options: (input.optionIds ?? []).map((optionId) => {
              const optionFull = form.options.find((o) => o.id === optionId)?.full ?? false;
              return {
                optionId,
                status: optionFull ? 'waitlisted' : 'booked',
                waitlistPosition: optionFull ? 2 : null,
              };
            }),
          };
        },
      },
      resendLink: { mutate: async (input) => void record('portalRegistration.resendLink', input) },
      uploadFile: {
        mutate: async (input) => {
          record('portalRegistration.uploadFile', {
            ...input,
            contentBase64: `${input.contentBase64.length} chars`,
          });
          if (!input.filename.toLowerCase().endsWith('.pdf')) {
            throw apiError('INVALID_INPUT', 'Only PDF, JPEG or PNG', {
              contentBase64: ['Only PDF, JPEG or PNG'],
            });
          }
          return {
            fileId: '0193a5b2-7c1e-7d40-9a3e-2f1c5e8b9f21',
            filename: input.filename,
            contentType: 'application/pdf',
            size: Math.floor((input.contentBase64.length * 3) / 4),
          };
        },
      },
    },
    files: {
      // As the server's /files/registration route answers: PDFs only here, 10 MB unless the question says less.
      uploadAnswer: async (input) => {
        record('files.uploadAnswer', {
          eventId: input.eventId,
          questionId: input.questionId,
          filename: input.filename,
          size: input.file.size,
        });
        if (input.file.size > 10 * 1024 * 1024) {
          throw apiError('PAYLOAD_TOO_LARGE', 'The file is too large (at most 10 MB)', {
            file: ['At most 10 MB'],
          });
        }
        if (!input.filename.toLowerCase().endsWith('.pdf')) {
          throw apiError('INVALID_INPUT', 'Only PDF, JPEG or PNG', { file: ['Only PDF, JPEG or PNG'] });
        }
        return {
          fileId: '0193a5b2-7c1e-7d40-9a3e-2f1c5e8b9f21',
          filename: input.filename,
          contentType: 'application/pdf',
          size: input.file.size,
        };
      },
    },
    myRegistration: {
      get: { query: async () => copy(mine('myRegistration.get')) },
      verifyEmail: {
        mutate: async () => {
          mine('myRegistration.verifyEmail').emailVerified = true;
          return copy(state.registration!);
        },
      },
      update: {
        mutate: async (input) => {
          const reg = mine('myRegistration.update', input);
          Object.assign(reg.participant, input.participant ?? {});
          if (input.answers) reg.answers = input.answers;
          if (input.optionIds) {
            reg.options = input.optionIds.map((optionId) => {
              const option = form.options.find((o) => o.id === optionId);
              return {
                optionId,
                code: optionId.slice(-4),
                label: option?.label ?? {},
                status: option?.full ? 'waitlisted' : 'booked',
                waitlistPosition: option?.full ? 1 : null,
              };
            });
          }
          return copy(reg);
        },
      },
      correctName: {
        mutate: async (input) => {
          const reg = mine('myRegistration.correctName', input);
          if (!reg.nameCorrection.open)
            throw apiError('FORBIDDEN', 'The name can no longer be corrected here: ask the organiser', {
              givenName: ['The name can no longer be corrected here: ask the organiser'],
            });
          Object.assign(reg.participant, { ...input, localName: input.localName ?? null });
          return copy(reg);
        },
      },
      cancel: {
        mutate: async (input) => {
          const reg = mine('myRegistration.cancel', input);
          Object.assign(reg, {
            status: 'cancelled',
            canCancel: false,
            statusReason: input.reason ?? null,
            ticketCode: null,
          });
          return copy(reg);
        },
      },
      acceptOffer: {
        mutate: async () => {
          const reg = mine('myRegistration.acceptOffer');
          if (reg.status !== 'offered') throw apiError('INVALID_STATE', 'No offer to accept');
          Object.assign(reg, { status: 'confirmed', offerExpiresAt: null, ticketCode: 'TCI-T-4821-QX7' });
          return copy(reg);
        },
      },
      declineOffer: {
        mutate: async () => {
          const reg = mine('myRegistration.declineOffer');
          Object.assign(reg, { status: 'cancelled', offerExpiresAt: null, canCancel: false });
          return copy(reg);
        },
      },
    },
    delegations: {
      mine: { query: async () => copy(myDelegation('delegations.mine')) },
      cancelMember: {
        mutate: async (input) => {
          const delegation = myDelegation('delegations.cancelMember', input);
          const member = delegation.members.find((m) => m.registrationId === input.registrationId);
          if (!member) throw apiError('NOT_FOUND', 'No such member');
          member.status = 'cancelled';
          member.waitlistPosition = null;
          return copy(delegation);
        },
      },
    },
    documents: {
      myTicket: { query: async () => (mine('documents.myTicket'), pdf('ticket-TCI-4821.pdf')) },
      myReceipt: { query: async () => (mine('documents.myReceipt'), pdf('receipt-TCI-4821.pdf')) },
      myVisaLetter: { query: async () => (mine('documents.myVisaLetter'), pdf('visa-letter-TCI-4821.pdf')) },
    },
    visa: {
      request: {
        mutate: async (input) => {
          const reg = mine('visa.request', input);
          reg.visaLetter = { status: 'requested', decisionReason: null };
          return {
            id: '0193a5b2-7c1e-7d40-9a3e-2f1c5e8b9f11',
            status: 'requested',
            passportName: input.passportName,
            nationality: input.nationality,
            embassy: input.embassy,
            decisionReason: null,
            createdAt: '2015-10-01T00:00:00.000Z',
            decidedAt: null,
          };
        },
      },
    },
    accounts: {
      requestCode: {
        mutate: async (input) => (record('accounts.requestCode', input), { ok: true as const }),
      },
      verifyCode: {
        mutate: async (input) => {
          record('accounts.verifyCode', input);
          const code = input.code.replace(/[\s-]/g, '');
          if (!person || input.email.trim().toLowerCase() !== person.email || code !== person.code)
            throw apiError('INVALID_CREDENTIALS', 'This code is not right: 4 tries left', {
              code: ['This code is not right: 4 tries left'],
            });
          state.signedIn = true;
          return session();
        },
      },
      verifyLink: {
        mutate: async (input) => {
          record('accounts.verifyLink', input);
          if (!person || input.token !== 'signin-link-valid')
            throw apiError(
              'TOKEN_INVALID',
              'This sign-in link has expired or was replaced by a newer one: ask for a new code',
            );
          state.signedIn = true;
          return session();
        },
      },
      fromRegistrationLink: {
        mutate: async () => {
          mine('accounts.fromRegistrationLink');
          if (person) state.signedIn = true;
          return session();
        },
      },
      session: { query: async () => session() },
      signOut: {
        mutate: async () => (me('accounts.signOut'), (state.signedIn = false), { ok: true as const }),
      },
      signOutEverywhere: {
        mutate: async () => (
          me('accounts.signOutEverywhere'),
          (state.signedIn = false),
          { ok: true as const }
        ),
      },
    },
    me: {
      events: { query: async () => copy(me('me.events').events) },
      conference: {
        query: async (input) => {
          const page = me('me.conference', input).conference.find((c) => c.event.id === input.eventId);
          if (!page) throw apiError('NOT_FOUND', 'The event was not found');
          return copy(page);
        },
      },
      openRegistration: {
        mutate: async (input) => (me('me.openRegistration', input), { token: token }),
      },
      exportData: {
        query: async () => ({
          exportedAt: '2015-10-01T00:00:00.000Z',
          data: (me('me.exportData'), { person: signedInPersonDto() }),
        }),
      },
      requestErasure: {
        mutate: async () => (me('me.requestErasure'), (state.signedIn = false), { ok: true as const }),
      },
    },
    // papers (issue 11): no call is open in the fake; the author's pages are not faked yet.
    cfp: {
      openCall: { query: async () => null },
      confirmAuthorship: {
        mutate: () => Promise.reject(apiError('TOKEN_INVALID', 'This link is not valid any more')),
      },
    },
    // B2B fair (issue 14): like the server, a meeting not among the person's is missing.
    myB2b: {
      meetings: {
        query: async (input) =>
          copy((me('myB2b.meetings', input), options.b2bMeetings ?? []).filter((m) => m.eventId === input.eventId)),
      },
      meeting: {
        query: async (input) => {
          const found = (me('myB2b.meeting', input), options.b2bMeetings ?? []).find((m) => m.id === input.meetingId);
          if (!found) throw apiError('NOT_FOUND', 'No such meeting at this fair', {}, 'myB2b.meeting');
          return copy(found);
        },
      },
    },
    mySubmissions: {
      list: { query: async () => [] },
      get: { query: async (input) => copy(mySubmission('mySubmissions.get', input)) },
      reviewers: { query: async () => [] },
      create: { mutate: () => Promise.reject(apiError('NOT_FOUND', 'No open call')) },
      update: { mutate: () => Promise.reject(apiError('NOT_FOUND', 'No such submission')) },
      uploadPdf: { mutate: () => Promise.reject(apiError('NOT_FOUND', 'No such submission')) },
      submit: { mutate: () => Promise.reject(apiError('NOT_FOUND', 'No such submission')) },
      withdraw: { mutate: () => Promise.reject(apiError('NOT_FOUND', 'No such submission')) },
    },
    myDecisions: {
      get: {
        query: async (input) => (mySubmission('myDecisions.get', input), copy(state.decision)),
      },
      uploadCameraReady: {
        mutate: async (input) => {
          const decision = acceptedDecision('myDecisions.uploadCameraReady', input);
          if (!input.contentBase64.startsWith('JVBERi0'))
            throw apiError('INVALID_INPUT', 'This file is not a PDF');
          decision.cameraReady = {
            filename: input.filename,
            pageCount: 8,
            uploadedAt: '2026-12-02T03:00:00.000Z',
          };
          return copy(decision);
        },
      },
      confirmPresenter: {
        mutate: async (input) => {
          const decision = acceptedDecision('myDecisions.confirmPresenter', input);
          decision.presenterConfirmedAt = '2026-12-02T03:05:00.000Z';
          return copy(decision);
        },
      },
    },
  };
}
