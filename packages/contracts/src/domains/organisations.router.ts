import { procedure, router, signedInCaller } from '../trpc';
import * as s from './organisations';

/**
 * The platform's shared organisations. A record is seen by every event that points to
 * it, so only platform administrators change or merge them.
 */
export const organisationsRouter = router({
  list: procedure
    .meta({ access: { kind: 'platformAdmin' }, summary: 'Search organisations by name, type and country' })
    .input(s.listOrganisationsInput)
    .output(s.organisationListOutput)
    .query(({ ctx, input }) => ctx.services.organisations.list(signedInCaller(ctx), input)),
  get: procedure
    .meta({ access: { kind: 'platformAdmin' } })
    .input(s.organisationIdInput)
    .output(s.organisationDto)
    .query(({ ctx, input }) => ctx.services.organisations.get(signedInCaller(ctx), input.organisationId)),
  create: procedure
    .meta({ access: { kind: 'platformAdmin' }, summary: 'Add an organisation' })
    .input(s.createOrganisationInput)
    .output(s.organisationDto)
    .mutation(({ ctx, input }) => ctx.services.organisations.create(signedInCaller(ctx), input)),
  update: procedure
    .meta({
      access: { kind: 'platformAdmin' },
      summary: "Change an organisation's names, country, type or website",
    })
    .input(s.updateOrganisationInput)
    .output(s.organisationDto)
    .mutation(({ ctx, input }) => ctx.services.organisations.update(signedInCaller(ctx), input)),
  merge: procedure
    .meta({ access: { kind: 'platformAdmin' }, summary: 'Fold duplicates into one organisation' })
    .input(s.mergeOrganisationsInput)
    .output(s.organisationDto)
    .mutation(({ ctx, input }) => ctx.services.organisations.merge(signedInCaller(ctx), input)),
});
