import type { Services } from '@plenary/contracts';
import type { Runtime } from './core/runtime';
import { createAccountServices } from './modules/accounts/accounts.service';
import { createObjectAccess } from './modules/access/object-checks';
import { createPermissionsService } from './modules/access/permissions';
import { createAuditService } from './modules/audit/audit.service';
import { createDeskServices } from './modules/desk/desk.service';
import { createDomainEventsService } from './modules/domain-events/domain-events.service';
import { createEventsService } from './modules/events/events.service';
import { createExportServices } from './modules/exports/exports.service';
import { createAuthService } from './modules/identity/auth.service';
import { createUsersService } from './modules/identity/users.service';
import { createMailService } from './modules/mail/mail.service';
import { createJobsService } from './core/schedule';
import { createOrganisationsService } from './modules/organisations/organisations.service';
import { createPartnerAccess, createPartnerServices } from './modules/partners/partners.service';
import { createPeopleService } from './modules/people/people.admin';
import { createRateLimitService } from './modules/rate-limit/rate-limit.service';
import { createLinkAccess } from './modules/registration/links';
import { createRegistrationQueries } from './modules/registration/registration-queries.service';
import {
  createDelegationService,
  createMyRegistrationService,
  createPortalRegistrationService,
  createRegistrationCommands,
} from './modules/registration/registrations.service';
import { createRegistrationSetupService } from './modules/registration-setup/setup.service';
import { createAccessService, createTeamService } from './modules/team/team.service';
import { createWebhookServices } from './modules/webhooks/webhooks.service';
// B2B export fair (issue 14).
import { createB2bServices } from './modules/b2b/b2b.service';
import { createB2bScheduleService } from './modules/b2b/schedule.service';
import { createMyB2bService } from './modules/b2b/portal/my-b2b.service';
// papers (issue 11)
import { createPaperServices } from './modules/papers/papers.service';
// review (issue 11 §3)
import { createReviewServices } from './modules/review/conflicts.service';
import { createDecisionServices } from './modules/papers/decisions.service';
// agreements (issue 13)
import { createAgreementsService } from './modules/agreements/agreements.service';
import { createPublicAgreementServices } from './modules/agreements/agreements.public';
import { createSigningServices } from './modules/agreements/signing/signing.service';

/** The server's implementation of the contracts' Services, one module per domain. */
export function createServices(runtime: Runtime): Services {
  return {
    access: {
      ...createAccessService(runtime),
      ...createLinkAccess(runtime),
      ...createPartnerAccess(runtime),
      ...createObjectAccess(runtime),
    },
    rateLimits: createRateLimitService(runtime),
    auth: { ...createAuthService(runtime), ...createPermissionsService() },
    users: createUsersService(runtime),
    events: createEventsService(runtime),
    team: createTeamService(runtime),
    audit: createAuditService(runtime),
    mail: createMailService(runtime),
    jobs: createJobsService(runtime),
    registrationSetup: createRegistrationSetupService(runtime),
    registrations: { ...createRegistrationCommands(runtime), ...createRegistrationQueries(runtime) },
    portalRegistration: createPortalRegistrationService(runtime),
    myRegistration: createMyRegistrationService(runtime),
    delegations: createDelegationService(runtime),
    organisations: createOrganisationsService(runtime),
    ...createPartnerServices(runtime),
    ...createWebhookServices(runtime),
    ...createDeskServices(runtime),
    ...createExportServices(runtime),
    ...createDomainEventsService(runtime),
    ...createAccountServices(runtime),
    people: createPeopleService(runtime),
    // B2B export fair (issue 14).
    ...createB2bServices(runtime),
    b2bSchedule: createB2bScheduleService(runtime),
    ...createMyB2bService(runtime),
    // papers (issue 11)
    ...createPaperServices(runtime),
    // review (issue 11 §3)
    ...createReviewServices(runtime),
    ...createDecisionServices(runtime),
    // agreements (issue 13)
    agreements: createAgreementsService(runtime),
    ...createPublicAgreementServices(runtime),
    ...createSigningServices(runtime),
  };
}
