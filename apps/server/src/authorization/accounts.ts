import type { Expected } from './expected';

/** Who may call each procedure of participant accounts and My conference, written by hand
 * and enforced by authorization.test.ts. */
export const accountAccess: Record<string, Expected> = {
  'accounts.requestCode': 'public',
  'accounts.verifyCode': 'public',
  'accounts.verifyLink': 'public',
  'accounts.fromRegistrationLink': 'participant',
  'accounts.session': 'public',
  'accounts.signOut': 'person',
  'accounts.signOutEverywhere': 'person',
  'me.events': 'person',
  'me.conference': 'person',
  'me.openRegistration': 'person',
  'me.exportData': 'person',
  'me.requestErasure': 'person',
};
