import type { EventRole } from '@plenary/contracts/schemas';

/**
 * The page of an event a user lands on from "/" (after sign-in): desk staff work
 * at the check-in desk, and the overview is a settings form they may only read.
 */
export function eventLanding(
  eventId: string,
  role: EventRole | null,
): { name: 'event-check-in' | 'event-overview'; params: { eventId: string } } {
  return { name: role === 'staff' ? 'event-check-in' : 'event-overview', params: { eventId } };
}
