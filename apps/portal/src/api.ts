import type { ApiClient } from '@plenary/ui';
import type {
  DelegationDto,
  FileDto,
  MyRegistrationDto,
  PublicEventDto,
  RegistrationFormDto,
  RegistrationReceiptDto,
} from '@plenary/contracts/schemas';

type Client = ApiClient;
/** A procedure's input as the client takes it (before the server's defaults and transforms). */
type InputOf<F> = F extends (input: infer I, ...rest: never[]) => unknown ? I : never;

export type RegistrationFormInput = InputOf<Client['portalRegistration']['form']['query']>;
export type RegisterRequest = InputOf<Client['portalRegistration']['register']['mutate']>;
export type UploadFileRequest = InputOf<Client['portalRegistration']['uploadFile']['mutate']>;
export type UploadedFile = Awaited<ReturnType<Client['portalRegistration']['uploadFile']['mutate']>>;
export type ResendLinkRequest = InputOf<Client['portalRegistration']['resendLink']['mutate']>;
export type UpdateMyRegistrationRequest = InputOf<Client['myRegistration']['update']['mutate']>;
export type CancelMyRegistrationRequest = InputOf<Client['myRegistration']['cancel']['mutate']>;
export type CancelDelegateRequest = InputOf<Client['delegations']['cancelMember']['mutate']>;

/** A visa invitation letter request: passport details as printed, nationality as ISO alpha-2, birth date YYYY-MM-DD. */
export type VisaLetterRequest = InputOf<Client['visa']['request']['mutate']>;
export type MyVisaRequest = Awaited<ReturnType<Client['visa']['request']['mutate']>>;

/**
 * The part of the tRPC client the portal calls. main.ts sets the real client; tests
 * set a plain object with the same shape, so no module of ours needs mocking.
 */
export interface PortalApi {
  portal: {
    events: { query(): Promise<PublicEventDto[]> };
    event: { query(input: { slug: string }): Promise<PublicEventDto> };
  };
  portalRegistration: {
    form: { query(input: RegistrationFormInput): Promise<RegistrationFormDto> };
    register: { mutate(input: RegisterRequest): Promise<RegistrationReceiptDto> };
    resendLink: { mutate(input: ResendLinkRequest): Promise<void> };
    uploadFile: { mutate(input: UploadFileRequest): Promise<UploadedFile> };
  };
  myRegistration: {
    get: { query(): Promise<MyRegistrationDto> };
    verifyEmail: { mutate(): Promise<MyRegistrationDto> };
    update: { mutate(input: UpdateMyRegistrationRequest): Promise<MyRegistrationDto> };
    cancel: { mutate(input: CancelMyRegistrationRequest): Promise<MyRegistrationDto> };
    acceptOffer: { mutate(): Promise<MyRegistrationDto> };
    declineOffer: { mutate(): Promise<MyRegistrationDto> };
  };
  delegations: {
    mine: { query(): Promise<DelegationDto> };
    cancelMember: { mutate(input: CancelDelegateRequest): Promise<DelegationDto> };
  };
  documents: {
    myTicket: { query(): Promise<FileDto> };
    myReceipt: { query(): Promise<FileDto> };
    myVisaLetter: { query(): Promise<FileDto> };
  };
  visa: {
    request: { mutate(input: VisaLetterRequest): Promise<MyVisaRequest> };
  };
}

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
