import type { ApiClient } from '@plenary/ui';
import type { AnswerUpload } from './lib/file-upload';

type Client = ApiClient;
/** A procedure's input as the client takes it (before the server's defaults and transforms). */
type InputOf<F> = F extends (input: infer I, ...rest: never[]) => unknown ? I : never;

export type RegistrationFormInput = InputOf<Client['portalRegistration']['form']['query']>;
export type RegisterRequest = InputOf<Client['portalRegistration']['register']['mutate']>;
export type UploadFileRequest = InputOf<Client['portalRegistration']['uploadFile']['mutate']>;
export type UploadedFile = Awaited<ReturnType<Client['portalRegistration']['uploadFile']['mutate']>>;
export type ResendLinkRequest = InputOf<Client['portalRegistration']['resendLink']['mutate']>;
export type UpdateMyRegistrationRequest = InputOf<Client['myRegistration']['update']['mutate']>;
export type CorrectMyNameRequest = InputOf<Client['myRegistration']['correctName']['mutate']>;
export type CancelMyRegistrationRequest = InputOf<Client['myRegistration']['cancel']['mutate']>;
export type CancelDelegateRequest = InputOf<Client['delegations']['cancelMember']['mutate']>;

/** A visa invitation letter request: passport details as printed, nationality as ISO alpha-2, birth date YYYY-MM-DD. */
export type VisaLetterRequest = InputOf<Client['visa']['request']['mutate']>;
export type MyVisaRequest = Awaited<ReturnType<Client['visa']['request']['mutate']>>;

/**
 * The part of the tRPC client the portal calls, picked from the client's own type
 * (inputs and outputs inferred from the router), so the test fake that implements
 * it cannot drift from the contracts. main.ts sets the real client; tests set a
 * plain object with the same shape, so no module of ours needs mocking.
 */
export interface PortalApi {
  portal: Procedures<'portal', 'events' | 'event'>;
  portalRegistration: Procedures<'portalRegistration', 'form' | 'altchaChallenge' | 'register' | 'resendLink' | 'uploadFile'>;
  myRegistration: Procedures<
    'myRegistration',
    'get' | 'verifyEmail' | 'update' | 'correctName' | 'cancel' | 'acceptOffer' | 'declineOffer'
  >;
  delegations: Procedures<'delegations', 'mine' | 'cancelMember'>;
  documents: Procedures<'documents', 'myTicket' | 'myReceipt' | 'myVisaLetter'>;
  visa: Procedures<'visa', 'request'>;
  accounts: Procedures<
    'accounts',
    | 'requestCode'
    | 'verifyCode'
    | 'verifyLink'
    | 'fromRegistrationLink'
    | 'session'
    | 'signOut'
    | 'signOutEverywhere'
  >;
  me: Procedures<'me', 'events' | 'conference' | 'openRegistration' | 'exportData' | 'requestErasure'>;
  // papers (issue 11): the open call, a co-author's confirmation, the author's submissions.
  cfp: Procedures<'cfp', 'openCall' | 'confirmAuthorship'>;
  mySubmissions: Procedures<
    'mySubmissions',
    'list' | 'get' | 'reviewers' | 'create' | 'update' | 'uploadPdf' | 'submit' | 'withdraw'
  >;
  /** The released decision on an author's paper, its camera-ready PDF and the presenter's confirmation. */
  myDecisions: Procedures<'myDecisions', 'get' | 'uploadCameraReady' | 'confirmPresenter'>;
  /** agreements (issue 13): optional, so the server's read-only API and test fakes need not carry it. */
  portalAgreements?: Procedures<'portalAgreements', 'registry' | 'agreement' | 'endorse'>;
  /** Signing an agreement and verifying a sealed one (issue 13); optional for the same reason. */
  portalSigning?: Procedures<'portalSigning', 'request' | 'sign' | 'decline' | 'verify'>;
  /** A company contact's B2B meetings (issue 14); optional for the same reason. */
  myB2b?: Procedures<'myB2b', 'meetings' | 'meeting'>;
  /** Files streamed over plain HTTP (lib/file-upload.ts), not tRPC. */
  files: { uploadAnswer(input: AnswerUpload): Promise<UploadedFile> };
}

/**
 * A client procedure as a plain async function of the router's input and output
 * (the real client's promise carries a type tag a fake cannot produce; a void
 * output arrives as nothing).
 */
type Plain<F> = F extends (input: infer I, ...rest: never[]) => PromiseLike<infer O>
  ? (input: I) => Promise<[O] extends [never] ? void : O>
  : never;
type Procedures<D extends keyof Client, K extends keyof Client[D]> = {
  [P in K]: { [M in keyof Client[D][P] & ('query' | 'mutate')]: Plain<Client[D][P][M]> };
};

/** What the server renders pages with: the public queries only (nothing that writes or needs a link). */
export interface PortalReadApi {
  portal: PortalApi['portal'];
  portalRegistration: Pick<PortalApi['portalRegistration'], 'form'>;
}

let current: PortalApi | null = null;
/** The server renders many requests at once, each with its own API: it sets this instead of one client. */
let source: (() => PortalApi | null) | null = null;

export function setPortalApi(api: PortalApi): void {
  current = api;
}

export function setPortalApiSource(find: () => PortalApi | null): void {
  source = find;
}

export function portalApi(): PortalApi {
  const api = source?.() ?? current;
  if (!api) throw new Error('setPortalApi() must be called before the portal talks to the server');
  return api;
}
