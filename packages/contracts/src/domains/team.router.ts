import { rateLimits } from '../rate-limits';
import { roles } from '../access';
import { anyCaller, eventCaller, procedure, router } from '../trpc';
import { eventIdInput, okOutput } from './common';
import * as s from './team';

const ok = { ok: true as const };

export const teamRouter = router({
  list: procedure
    .meta({ access: { kind: 'event', roles: roles.team } })
    .input(eventIdInput)
    .output(s.teamOutput)
    .query(({ ctx }) => ctx.services.team.list(eventCaller(ctx))),
  invite: procedure
    .meta({ access: { kind: 'event', roles: roles.manage }, summary: 'Invite someone by email with a role' })
    .input(s.inviteMemberInput)
    .output(s.invitationDto)
    .mutation(({ ctx, input }) => ctx.services.team.invite(eventCaller(ctx), input)),
  changeRole: procedure
    .meta({ access: { kind: 'event', roles: roles.manage } })
    .input(s.changeRoleInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.team.changeRole(eventCaller(ctx), input);
      return ok;
    }),
  remove: procedure
    .meta({ access: { kind: 'event', roles: roles.manage } })
    .input(s.removeMemberInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.team.remove(eventCaller(ctx), input);
      return ok;
    }),
  revokeInvitation: procedure
    .meta({ access: { kind: 'event', roles: roles.manage } })
    .input(s.revokeInvitationInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.team.revokeInvitation(eventCaller(ctx), input);
      return ok;
    }),
  invitation: procedure
    .meta({
      access: { kind: 'public' },
      limits: rateLimits.tokenUse,
      summary: 'What an invitation link is for',
    })
    .input(s.invitationTokenInput)
    .output(s.invitationInfoOutput)
    .query(({ ctx, input }) => ctx.services.team.invitationInfo(anyCaller(ctx), input)),
  acceptInvitation: procedure
    .meta({
      access: { kind: 'public' },
      limits: rateLimits.tokenUse,
      summary: 'Join the team (creating an account if needed) and sign in',
    })
    .input(s.acceptInvitationInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.team.acceptInvitation(anyCaller(ctx), input, ctx.session);
      return ok;
    }),
});
