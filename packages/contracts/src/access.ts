export const eventRoles = [
  'owner',
  'admin',
  'staff',
  'program_chair',
  'reviewer',
  'b2b_coordinator',
] as const;
export type EventRole = (typeof eventRoles)[number];

/**
 * Who may call a procedure. Every procedure declares one; a procedure without a
 * rule is refused at run time and fails the authorization test.
 * - public: anyone, signed in or not.
 * - signedIn: any staff user who has passed the second factor (if enrolled).
 * - pendingSecondFactor: a user between password and second factor (the 2FA step only).
 * - platformAdmin: platform administrators only.
 * - event: a member of the event named by input.eventId with one of the roles
 *   (platform administrators pass every event rule).
 * - participant: whoever holds a registration's emailed link (header x-plenary-link).
 * - delegationContact: whoever holds a delegation's emailed link (same header).
 * - person: a participant signed in on the portal (email code or link; cookie plenary_person).
 * - partner: a partner organisation's API key (Authorization: Bearer) with the scope;
 *   when the input names an event (id or slug), the key must be valid for it.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'signedIn' }
  | { kind: 'pendingSecondFactor' }
  | { kind: 'platformAdmin' }
  | { kind: 'event'; roles: readonly EventRole[] }
  | { kind: 'participant' }
  | { kind: 'delegationContact' }
  | { kind: 'person' }
  | { kind: 'partner'; scope: ApiScope };

/** What a partner's API key may do. */
export const apiScopes = [
  'events:read',
  'registrations:read',
  'registrations:write',
  'webhooks:manage',
  // agreements (issue 13): the public registry of an event.
  'agreements:read',
  // B2B fair (issue 14): a partner's own companies' profiles and meetings.
  'b2b:read',
  'b2b:write',
  // decisions (issue 11 §5): the accepted papers once released.
  'programme:read',
] as const;
export type ApiScope = (typeof apiScopes)[number];

/** Role groups named once, so procedures say what they mean. */
export const roles = {
  /** Change the event itself and its team. */
  manage: ['owner', 'admin'] as const,
  /** The owner alone: team-wide security settings, ownership. */
  own: ['owner'] as const,
  /** Anyone on the event's team. */
  team: eventRoles,
  /**
   * The team without its reviewers: the people who run the event's relations.
   * Reviewers are often outside academics; drafts of MOUs are not theirs to read.
   */
  organisers: ['owner', 'admin', 'staff', 'program_chair', 'b2b_coordinator'] as const,
  /** Run registration day to day: the participant list, approvals, the check-in desk. */
  desk: ['owner', 'admin', 'staff'] as const,
  /** See passport data and decide visa letters. */
  passports: ['owner', 'admin'] as const,
} satisfies Record<string, readonly EventRole[]>;

/**
 * The kinds of object a procedure may name by id, each with one check on the
 * server (apps/server/src/access/object-checks.ts).
 */
export const objectKinds = [
  'registration',
  'delegation',
  'category',
  'option',
  'invitationCode',
  'webhook',
  'webhookDelivery',
  // review (issue 11 §3): a submission; a reviewer's only if assigned and not conflicted.
  'submission',
  // B2B fair (issue 14): a meeting; a person's only if they are the contact of one of its two companies.
  'b2bMeeting',
] as const;
export type ObjectKind = (typeof objectKinds)[number];

/**
 * A rule on the object a procedure touches, beside its access rule: the input
 * field `from` holds the id of an object of `kind` that must be the caller's
 * own. For an event rule: an object of the event named by eventId. For a
 * partner: its own registration. For a participant: its own registration. For a
 * signed-in person: a B2B meeting of a company they are the contact of. For
 * a delegation contact: a member of its delegation. The server checks it after
 * the access rule and before the service; an object that does not exist and one
 * that is not the caller's get the same 404, so ids cannot be probed. A missing
 * or malformed id is left to the input schema (a 400).
 */
export interface ObjectRule {
  kind: ObjectKind;
  /** The top-level input field that holds the id (null or absent: nothing to check). */
  from: string;
}

/** The object rules of a procedure, as a list (a procedure may declare one or several). */
export function objectRulesOf(rule: ObjectRule | readonly ObjectRule[] | undefined): readonly ObjectRule[] {
  if (!rule) return [];
  return Array.isArray(rule) ? (rule as readonly ObjectRule[]) : [rule as ObjectRule];
}
