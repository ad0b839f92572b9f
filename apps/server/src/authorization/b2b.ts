import type { Expected } from './expected';

/** Who may call each procedure of the B2B export fair (issue 14), written by hand, role by role. */
const run = ['owner', 'admin', 'b2b_coordinator'] as const;
const see = ['owner', 'admin', 'staff', 'b2b_coordinator'] as const;

export const b2bAccess: Record<string, Expected> = {
  'b2b.fair': see,
  'b2b.setUpFair': run,
  'b2b.profiles': see,
  'b2b.saveProfile': run,
  'b2b.setProfileStatus': run,
  'b2b.interpreters': see,
  'b2b.saveInterpreter': run,
  'b2b.suggestions': see,
  'b2b.prematches': see,
  'b2b.proposePrematch': run,
  'b2b.decidePrematch': run,
  'b2b.meetings': see,
  'b2b.scheduleMeeting': run,
  'b2b.moveMeeting': run,
  'b2b.setMeetingStatus': see,
  'b2b.recordOutcome': run,
  'b2b.rates': see,
  'b2b.setRates': run,
  'b2b.dashboard': see,
  // The partner API (issue 14, item 10).
  'b2bApi.profiles': 'partner:b2b:read',
  'b2bApi.profile': 'partner:b2b:read',
  'b2bApi.createProfile': 'partner:b2b:write',
  'b2bApi.updateProfile': 'partner:b2b:write',
  'b2bApi.meetings': 'partner:b2b:read',
  'b2bApi.meeting': 'partner:b2b:read',
  'b2bApi.recordOutcome': 'partner:b2b:write',
};
