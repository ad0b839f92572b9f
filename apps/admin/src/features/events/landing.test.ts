import { describe, expect, it } from 'vitest';
import { eventLanding } from './landing';

describe('where a signed-in user lands in an event', () => {
  it('takes desk staff to the check-in desk, not a settings form they cannot change', () => {
    expect(eventLanding('e1', 'staff')).toEqual({ name: 'event-check-in', params: { eventId: 'e1' } });
  });
  it('takes owners, admins, other roles and platform admins to the overview', () => {
    for (const role of ['owner', 'admin', 'reviewer', null] as const)
      expect(eventLanding('e1', role)).toEqual({ name: 'event-overview', params: { eventId: 'e1' } });
  });
});
