import { roles } from '../access';
import { eventCaller, procedure, router } from '../trpc';
import { registrationExportInput } from './exports';
import { fileDto } from './files';

// Participant list exports (CSV, XLSX).
export const exportsRouter = router({
  registrations: procedure
    .meta({
      access: { kind: 'event', roles: roles.desk },
      summary: 'The participant list as CSV (UTF-8 with BOM) or XLSX, with the list filters',
    })
    .input(registrationExportInput)
    .output(fileDto)
    .query(({ ctx, input }) => ctx.services.exports.registrations(eventCaller(ctx), input)),
});
