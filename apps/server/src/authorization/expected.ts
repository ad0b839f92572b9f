/**
 * How the hand-written access matrix spells who may call a procedure: a rule
 * kind, a partner scope, or the exact event roles (literal strings, never the
 * contracts' role groups, so a change to a group shows up as a failing test).
 */
export type TeamRole = 'owner' | 'admin' | 'staff' | 'program_chair' | 'reviewer' | 'b2b_coordinator';
export type Expected =
  | 'public'
  | 'signedIn'
  | 'pendingSecondFactor'
  | 'platformAdmin'
  | 'participant'
  | 'delegationContact'
  | 'person'
  | 'partner:events:read'
  | 'partner:registrations:read'
  | 'partner:registrations:write'
  | 'partner:webhooks:manage'
  // agreements (issue 13)
  | 'partner:agreements:read'
  // B2B fair (issue 14)
  | 'partner:b2b:read'
  | 'partner:b2b:write'
  // decisions (issue 11 §5)
  | 'partner:programme:read'
  | readonly TeamRole[];
