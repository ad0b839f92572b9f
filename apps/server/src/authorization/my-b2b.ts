import type { Expected } from './expected';

/** The B2B fair on the portal (issue 14): a company contact's own meetings. */
export const myB2bAccess: Record<string, Expected> = {
  'myB2b.meetings': 'person',
  'myB2b.meeting': 'person',
};
