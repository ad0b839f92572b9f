import { router } from './trpc';
import { authRouter, usersRouter } from './domains/auth.router';
import { eventsRouter, portalRouter } from './domains/events.router';
import { teamRouter } from './domains/team.router';
import { auditRouter } from './domains/audit.router';
import { mailRouter } from './domains/mail.router';
import { jobsRouter } from './domains/jobs.router';
import { domainEventsRouter } from './domains/domain-events.router';
import {
  delegationsRouter,
  myRegistrationRouter,
  portalRegistrationRouter,
  registrationSetupRouter,
  registrationsRouter,
} from './domains/registration/router';
import { apiRouter, partnersRouter } from './domains/partners.router';
import { webhooksRouter } from './domains/webhooks.router';
import { checkInRouter, documentsRouter, visaRouter } from './domains/desk.router';
import { exportsRouter } from './domains/exports.router';
import { organisationsRouter } from './domains/organisations.router';
import { accountsRouter, meRouter } from './domains/accounts.router';
import { peopleRouter } from './domains/people.router';
// B2B export fair (issue 14).
import { b2bRouter } from './domains/b2b.router';
import { b2bScheduleRouter } from './domains/b2b-schedule.router';
import { b2bApiRouter } from './domains/b2b-api.router';
import { myB2bRouter } from './domains/my-b2b.router';
// papers (issue 11)
import { cfpRouter, mySubmissionsRouter, papersRouter } from './domains/papers.router';
// review (issue 11 §3)
import { reviewingRouter, reviewRouter } from './domains/review.router';
// decisions (issue 11 §4)
import { decisionsRouter, myDecisionsRouter, programmeApiRouter } from './domains/decisions.router';
// agreements (issue 13)
import { agreementsApiRouter, agreementsRouter, portalAgreementsRouter } from './domains/agreements.router';
import { agreementSigningRouter, portalSigningRouter } from './domains/agreement-signing.router';

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  events: eventsRouter,
  portal: portalRouter,
  team: teamRouter,
  audit: auditRouter,
  mail: mailRouter,
  /** Scheduled work (timers) and its last runs, for the platform admin. */
  jobs: jobsRouter,
  /** The domain events outbox and each subscriber's state, for the platform admin. */
  domainEvents: domainEventsRouter,
  registrationSetup: registrationSetupRouter,
  registrations: registrationsRouter,
  portalRegistration: portalRegistrationRouter,
  myRegistration: myRegistrationRouter,
  delegations: delegationsRouter,
  /** The shared organisations (partners, registrants' organisations, later parties and companies). */
  organisations: organisationsRouter,
  partners: partnersRouter,
  /** The partner REST API (also served at /api/v1 from the procedures' OpenAPI meta). */
  api: apiRouter,
  webhooks: webhooksRouter,
  checkIn: checkInRouter,
  visa: visaRouter,
  documents: documentsRouter,
  exports: exportsRouter,
  /** Participants signing in on the portal (email code or link). */
  accounts: accountsRouter,
  /** The signed-in participant's own pages: My conference, my data. */
  me: meRouter,
  /** People across events (platform admin): search, data export, erasure. */
  people: peopleRouter,
  /** B2B export fair (issue 14): profiles, matching, meetings, outcomes. */
  b2b: b2bRouter,
  /** The fair's scheduler: wanted meetings into slots, tables and interpreters; publishing. */
  b2bSchedule: b2bScheduleRouter,
  /** The fair over the partner API: a partner's own companies' profiles, meetings and outcomes. */
  b2bApi: b2bApiRouter,
  /** The fair on the portal: a company contact's own meetings. */
  myB2b: myB2bRouter,
  // papers (issue 11): staff set the call up, the public reads it, authors submit.
  papers: papersRouter,
  cfp: cfpRouter,
  mySubmissions: mySubmissionsRouter,
  // review (issue 11 §3): reviewers, conflicts.
  review: reviewRouter,
  reviewing: reviewingRouter,
  // decisions (issue 11 §4): pending, released together; authors read them after release.
  decisions: decisionsRouter,
  myDecisions: myDecisionsRouter,
  programmeApi: programmeApiRouter,
  // agreements (issue 13): the console, the public registry, the partner API's read.
  agreements: agreementsRouter,
  portalAgreements: portalAgreementsRouter,
  agreementsApi: agreementsApiRouter,
  // agreement signing (issue 13): staff send and follow; signatories sign on the portal.
  agreementSigning: agreementSigningRouter,
  portalSigning: portalSigningRouter,
});

export type AppRouter = typeof appRouter;
