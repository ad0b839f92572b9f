import type { Services } from '@plenary/contracts';
import type { Runtime } from './core/runtime';
import { createAuditService } from './modules/audit/audit.service';
import { createDeskServices } from './modules/desk/desk.service';
import { createEventsService } from './modules/events/events.service';
import { createExportServices } from './modules/exports/exports.service';
import { createAuthService } from './modules/identity/auth.service';
import { createUsersService } from './modules/identity/users.service';
import { createMailService } from './modules/mail/mail.service';
import { createJobsService } from './core/schedule';
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

/** The server's implementation of the contracts' Services, one module per domain. */
export function createServices(runtime: Runtime): Services {
  return {
    access: { ...createAccessService(runtime), ...createLinkAccess(runtime), ...createPartnerAccess(runtime) },
    rateLimits: createRateLimitService(runtime),
    auth: createAuthService(runtime),
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
    ...createPartnerServices(runtime),
    ...createWebhookServices(runtime),
    ...createDeskServices(runtime),
    ...createExportServices(runtime),
    people: createPeopleService(runtime),
  };
}
