import { roles } from '../access';
import { eventCaller, procedure, router, signedInCaller } from '../trpc';
import * as s from './audit';

export const auditRouter = router({
  list: procedure
    .meta({ access: { kind: 'event', roles: roles.manage }, summary: 'The event’s audit log, newest first' })
    .input(s.auditListInput)
    .output(s.auditListOutput)
    .query(({ ctx, input }) => ctx.services.audit.list(eventCaller(ctx), input)),
  listPlatform: procedure
    .meta({ access: { kind: 'platformAdmin' }, summary: 'The whole platform’s audit log, newest first' })
    .input(s.platformAuditListInput)
    .output(s.auditListOutput)
    .query(({ ctx, input }) => ctx.services.audit.listPlatform(signedInCaller(ctx), input)),
});
