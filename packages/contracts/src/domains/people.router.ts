import { procedure, router, signedInCaller } from '../trpc';
import * as s from './people';

/** People across every event: the platform admin's (the person's own copy and erasure come with accounts). */
export const peopleRouter = router({
  search: procedure
    .meta({ access: { kind: 'platformAdmin' }, summary: 'Find people by email or name' })
    .input(s.peopleSearchInput)
    .output(s.peopleSearchOutput)
    .query(({ ctx, input }) => ctx.services.people.search(signedInCaller(ctx), input)),
  get: procedure
    .meta({ access: { kind: 'platformAdmin' } })
    .input(s.personRefInput)
    .output(s.personDetailDto)
    .query(({ ctx, input }) => ctx.services.people.get(signedInCaller(ctx), input)),
  exportData: procedure
    .meta({ access: { kind: 'platformAdmin' }, summary: 'Everything held about a person, as JSON' })
    .input(s.personRefInput)
    .output(s.personDataExport)
    .query(({ ctx, input }) => ctx.services.people.exportData(signedInCaller(ctx), input)),
  erase: procedure
    .meta({ access: { kind: 'platformAdmin' }, summary: 'Erase a person, keeping audit facts without personal fields' })
    .input(s.personRefInput)
    .output(s.personErasure)
    .mutation(({ ctx, input }) => ctx.services.people.erase(signedInCaller(ctx), input)),
});
