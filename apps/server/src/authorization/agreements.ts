import type { Expected } from './expected';

// Reviewers are left out: drafts of MOUs are not an outside academic's to read.
const team = ['owner', 'admin', 'staff', 'program_chair', 'b2b_coordinator'] as const;

/** Who may call each procedure of the agreements domain (issue 13), written by hand. */
export const agreementAccess: Record<string, Expected> = {
  'agreements.list': team,
  'agreements.get': team,
  'agreements.create': ['owner', 'admin', 'staff'],
  'agreements.update': ['owner', 'admin', 'staff'],
  'agreements.setParties': ['owner', 'admin', 'staff'],
  'agreements.saveText': ['owner', 'admin', 'staff'],
  'agreements.transition': ['owner', 'admin'],
  'agreements.setPublished': ['owner', 'admin'],
  'agreements.versions': team,
  'agreements.version': team,
  'agreements.redline': team,
  'agreements.comments': team,
  'agreements.addComment': team,
  'agreements.addAction': ['owner', 'admin', 'staff'],
  'agreements.updateAction': ['owner', 'admin', 'staff'],
  'agreements.endorsements': team,
  'agreements.verifyEndorsement': ['owner', 'admin', 'staff'],
  'agreements.organisations': ['owner', 'admin', 'staff'],
  'agreementSigning.send': ['owner', 'admin', 'staff'],
  'agreementSigning.envelope': team,
  'agreementSigning.cancel': ['owner', 'admin', 'staff'],
  'portalSigning.request': 'person',
  'portalSigning.sign': 'person',
  'portalSigning.decline': 'person',
  'portalSigning.verify': 'public',
  'portalAgreements.registry': 'public',
  'portalAgreements.agreement': 'public',
  'portalAgreements.endorse': 'person',
  'agreementsApi.registry': 'partner:agreements:read',
};
