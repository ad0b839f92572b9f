import { roles } from '../access';
import { eventCaller, procedure, router, signedInCaller } from '../trpc';
import { eventIdInput, okOutput } from './common';
import * as s from './mail';

const ok = { ok: true as const };

export const mailRouter = router({
  list: procedure
    .meta({ access: { kind: 'platformAdmin' }, summary: 'The mail outbox, newest first' })
    .input(s.mailListInput)
    .output(s.mailListOutput)
    .query(({ ctx, input }) => ctx.services.mail.list(signedInCaller(ctx), input)),
  get: procedure
    .meta({ access: { kind: 'platformAdmin' } })
    .input(s.mailGetInput)
    .output(s.mailMessageDto)
    .query(({ ctx, input }) => ctx.services.mail.get(signedInCaller(ctx), input)),
  templates: procedure
    .meta({
      access: { kind: 'platformAdmin' },
      summary: 'Every mail kind with its placeholders and default wording',
    })
    .output(s.mailTemplatesOutput)
    .query(({ ctx }) => ctx.services.mail.templates(signedInCaller(ctx))),
  eventTemplates: procedure
    .meta({
      access: { kind: 'event', roles: roles.manage },
      summary: "An event's mail templates with its overrides",
    })
    .input(eventIdInput)
    .output(s.eventMailTemplatesOutput)
    .query(({ ctx }) => ctx.services.mail.eventTemplates(eventCaller(ctx))),
  previewOverride: procedure
    .meta({ access: { kind: 'event', roles: roles.manage }, summary: 'Render wording with sample values' })
    .input(s.templateOverrideInput)
    .output(s.renderedMailDto)
    .mutation(({ ctx, input }) => ctx.services.mail.previewOverride(eventCaller(ctx), input)),
  saveOverride: procedure
    .meta({ access: { kind: 'event', roles: roles.manage }, summary: "Save the event's wording of a mail" })
    .input(s.templateOverrideInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.mail.saveOverride(eventCaller(ctx), input);
      return ok;
    }),
  deleteOverride: procedure
    .meta({ access: { kind: 'event', roles: roles.manage }, summary: 'Go back to the default wording' })
    .input(s.templateOverrideKeyInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.mail.deleteOverride(eventCaller(ctx), input);
      return ok;
    }),
  sendTestOverride: procedure
    .meta({
      access: { kind: 'event', roles: roles.manage },
      summary: "Send wording with sample values to the caller's own address",
    })
    .input(s.templateOverrideInput)
    .output(s.testMailOutput)
    .mutation(({ ctx, input }) => ctx.services.mail.sendTestOverride(eventCaller(ctx), input)),
  suppressions: procedure
    .meta({ access: { kind: 'platformAdmin' }, summary: 'Addresses held after a permanent delivery failure' })
    .output(s.mailSuppressionsOutput)
    .query(({ ctx }) => ctx.services.mail.suppressions(signedInCaller(ctx))),
  unsuppress: procedure
    .meta({ access: { kind: 'platformAdmin' }, summary: 'Let mail go to an address again' })
    .input(s.unsuppressInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.mail.unsuppress(signedInCaller(ctx), input);
      return ok;
    }),
});
