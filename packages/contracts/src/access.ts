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
  /** Run registration day to day: the participant list, approvals, the check-in desk. */
  desk: ['owner', 'admin', 'staff'] as const,
  /** See passport data and decide visa letters. */
  passports: ['owner', 'admin'] as const,
} satisfies Record<string, readonly EventRole[]>;
