import type { Expected } from './expected';

/** Who may call each procedure of the call for papers (issue 11), written by hand and
 * enforced by authorization.test.ts. Reviewers are refused: they see submissions only
 * through review (a later issue), never the chairs' list. */
const chairs = ['owner', 'admin', 'program_chair'] as const;
export const paperAccess: Record<string, Expected> = {
  'papers.setup': chairs,
  'papers.saveSettings': chairs,
  'papers.saveTrack': chairs,
  'papers.saveType': chairs,
  'papers.publishConsent': chairs,
  'papers.list': chairs,
  'papers.get': chairs,
  'cfp.openCall': 'public',
  'cfp.confirmAuthorship': 'public',
  'mySubmissions.list': 'person',
  'mySubmissions.get': 'person',
  'mySubmissions.reviewers': 'person',
  'mySubmissions.create': 'person',
  'mySubmissions.update': 'person',
  'mySubmissions.uploadPdf': 'person',
  'mySubmissions.submit': 'person',
  'mySubmissions.withdraw': 'person',
  // decisions (issue 11 §4): the chairs record and release; reviewers neither see nor decide.
  'decisions.kinds': chairs,
  'decisions.saveKind': chairs,
  'decisions.list': chairs,
  'decisions.record': chairs,
  'decisions.previewMail': chairs,
  'decisions.presenters': chairs,
  'decisions.release': chairs,
  'myDecisions.get': 'person',
  'programmeApi.acceptedPapers': 'partner:programme:read',
  'myDecisions.uploadCameraReady': 'person',
  'myDecisions.confirmPresenter': 'person',
};
