import type { ApiScope, EventRole } from './access';
import type { Services } from './services';

/** A signed-in staff user, as resolved from the session cookie. */
export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  isPlatformAdmin: boolean;
  sessionId: string;
  secondFactorDone: boolean;
  totpEnabled: boolean;
  /** The session's CSRF token: cookie-authenticated mutations must echo it in a header. */
  csrfToken: string;
}

export interface RequestInfo {
  requestId: string;
  ip: string;
  userAgent: string | null;
  /** True when the request came over https (directly or through a trusted proxy). */
  secure: boolean;
}

/** What the transport does with the session cookie; the router never sees Express. */
export interface SessionCookie {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

/**
 * Who acts when no staff user does, as the audit log records them: by id,
 * never by name or email (a person's data must not outlive its erasure there).
 */
export type CallerAgent =
  | { kind: 'apiKey'; apiKeyId: string; partnerId: string; partnerName: string }
  | { kind: 'participant'; registrationId: string }
  | { kind: 'delegationContact'; delegationId: string }
  | { kind: 'person'; personId: string };

/** Who is calling, passed to every service function. */
export interface Caller {
  actor: Actor | null;
  request: RequestInfo;
  /** Who acts without a staff session (a partner's key, a link holder, a signed-in person). */
  agent?: CallerAgent | undefined;
}

/** A caller that passed an event rule: the role it holds there (null for a platform admin outside the team). */
export interface EventCaller extends Caller {
  actor: Actor;
  eventId: string;
  role: EventRole | null;
}

export interface SignedInCaller extends Caller {
  actor: Actor;
}

/** A partner organisation, as resolved from its API key. */
export interface PartnerActor {
  apiKeyId: string;
  partnerId: string;
  partnerName: string;
  /** The event the key is for; null: every event. */
  eventId: string | null;
  scopes: ApiScope[];
  /** Requests a minute the key may make; null: the server's default. */
  requestsPerMinute: number | null;
}

/** A partner's key that passed a partner rule; eventId is the event the input named, if any. */
export interface PartnerCaller {
  partner: PartnerActor;
  request: RequestInfo;
  eventId: string | null;
}

/** The holder of a registration's emailed link. */
export interface ParticipantCaller {
  request: RequestInfo;
  /** The link's secret itself, to put the same link in the mails it triggers. */
  linkToken: string;
  registrationId: string;
  eventId: string;
}

/** The holder of a delegation's emailed link (the group's contact). */
export interface DelegationCaller {
  request: RequestInfo;
  delegationId: string;
  eventId: string;
}

/** A participant signed in on the portal, as resolved from the person session cookie. */
export interface PersonActor {
  personId: string;
  email: string;
  sessionId: string;
  csrfToken: string;
}

/** A caller that passed a "person" rule. */
export interface PersonCaller {
  person: PersonActor;
  request: RequestInfo;
}
/** The caller an object rule checks, by the kind of access rule that resolved it. */
export type ObjectOwner =
  | { kind: 'event'; caller: EventCaller }
  | { kind: 'partner'; caller: PartnerCaller }
  | { kind: 'participant'; caller: ParticipantCaller }
  | { kind: 'delegationContact'; caller: DelegationCaller }
  | { kind: 'person'; caller: PersonCaller };

export interface Context {
  services: Services;
  actor: Actor | null;
  request: RequestInfo;
  session: SessionCookie;
  /** The secret from a participant's or delegation contact's emailed link (header x-plenary-link). */
  linkToken?: string | null;
  /** The API key from Authorization: Bearer. */
  apiKey?: string | null;
  /** The signed-in participant (portal session cookie), or null. */
  person?: PersonActor | null;
  /** A person session was sent on a POST without its CSRF token: "person" rules refuse. */
  personCsrfRefused?: boolean;
  /** A staff session was sent on a POST without its CSRF token: staff rules refuse, the rest see no actor. */
  staffCsrfRefused?: boolean;
  /** What the transport does with the person session cookie. */
  personSession?: SessionCookie;
}
