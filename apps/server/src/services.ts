import type { Services } from '@plenary/contracts';
import type { Runtime } from './core/runtime';
import { createAuditService } from './modules/audit/audit.service';
import { createEventsService } from './modules/events/events.service';
import { createAuthService } from './modules/identity/auth.service';
import { createUsersService } from './modules/identity/users.service';
import { createMailService } from './modules/mail/mail.service';
import { createAccessService, createTeamService } from './modules/team/team.service';

/** The server's implementation of the contracts' Services, one module per domain. */
export function createServices(runtime: Runtime): Services {
  return {
    access: createAccessService(runtime),
    auth: createAuthService(runtime),
    users: createUsersService(runtime),
    events: createEventsService(runtime),
    team: createTeamService(runtime),
    audit: createAuditService(runtime),
    mail: createMailService(runtime),
  };
}
