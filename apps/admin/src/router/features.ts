import { registrationSetupFeature } from '../features/registration-setup/routes';
import { participantsFeature } from '../features/participants/routes';
import { partnersFeature } from '../features/partners/routes';
import { organisationsFeature } from '../features/organisations/routes';
import { webhooksFeature } from '../features/webhooks/routes';
import { deskFeature } from '../features/desk/routes';
import { auditFeature } from '../features/audit/routes';
import { authFeature } from '../features/auth/routes';
import { eventsFeature } from '../features/events/routes';
import { mailFeature } from '../features/mail/routes';
import { jobsFeature } from '../features/jobs/routes';
import { domainEventsFeature } from '../features/domain-events/routes';
import { profileFeature } from '../features/profile/routes';
import { teamFeature } from '../features/team/routes';
import { usersFeature } from '../features/users/routes';
// B2B export fair (issue 14).
import { b2bFeature } from '../features/b2b/routes';
// papers (issue 11)
import { papersFeature } from '../features/papers/routes';
// review (issue 11 §3)
import { reviewFeature } from '../features/review/routes';
// agreements (issue 13)
import { agreementsFeature } from '../features/agreements/routes';
import type { Feature } from './feature';

/** Every feature folder, in navigation order. A new module adds its feature here. */
export const features: readonly Feature[] = [
  authFeature,
  eventsFeature,
  teamFeature,
  auditFeature,
  profileFeature,
  usersFeature,
  mailFeature,
  jobsFeature,
  domainEventsFeature,
  registrationSetupFeature,
  participantsFeature,
  partnersFeature,
  organisationsFeature,
  webhooksFeature,
  deskFeature,
  // B2B export fair (issue 14).
  b2bFeature,
  // papers (issue 11)
  papersFeature,
  reviewFeature,
  // agreements (issue 13)
  agreementsFeature,
];
