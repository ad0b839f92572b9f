import { rateLimits } from '../rate-limits';
import { roles } from '../access';
import { anyCaller, eventCaller, procedure, router, signedInCaller } from '../trpc';
import { eventIdInput, okOutput } from './common';
import * as s from './auth';

const ok = { ok: true as const };

export const authRouter = router({
  me: procedure
    .meta({
      access: { kind: 'public' },
      limits: rateLimits.publicRead,
      summary: 'The signed-in user, their events and the CSRF token',
    })
    .output(s.meOutput)
    .query(({ ctx }) => ctx.services.auth.me(anyCaller(ctx))),
  permissions: procedure
    .meta({
      access: { kind: 'event', roles: roles.team },
      summary: 'What the caller may use in this event, from the procedures’ own rules',
    })
    .input(eventIdInput)
    .output(s.permissionsOutput)
    .query(({ ctx }) => ctx.services.auth.permissions(eventCaller(ctx))),
  login: procedure
    .meta({
      access: { kind: 'public' },
      limits: rateLimits.signIn,
      summary: 'Sign in with email and password',
    })
    .input(s.loginInput)
    .output(s.loginOutput)
    .mutation(({ ctx, input }) => ctx.services.auth.login(anyCaller(ctx), input, ctx.session)),
  verifySecondFactor: procedure
    .meta({
      access: { kind: 'pendingSecondFactor' },
      summary: 'Complete sign-in with a TOTP or recovery code',
    })
    .input(s.secondFactorInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.auth.verifySecondFactor(signedInCaller(ctx), input);
      return ok;
    }),
  logout: procedure
    .meta({ access: { kind: 'pendingSecondFactor' }, summary: 'End this session' })
    .output(okOutput)
    .mutation(async ({ ctx }) => {
      await ctx.services.auth.logout(signedInCaller(ctx), ctx.session);
      return ok;
    }),
  logoutEverywhere: procedure
    .meta({ access: { kind: 'signedIn' }, summary: 'End every session of this user' })
    .output(okOutput)
    .mutation(async ({ ctx }) => {
      await ctx.services.auth.logoutEverywhere(signedInCaller(ctx), ctx.session);
      return ok;
    }),
  updateProfile: procedure
    .meta({ access: { kind: 'signedIn' } })
    .input(s.updateProfileInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.auth.updateProfile(signedInCaller(ctx), input);
      return ok;
    }),
  changePassword: procedure
    .meta({ access: { kind: 'signedIn' } })
    .input(s.changePasswordInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.auth.changePassword(signedInCaller(ctx), input);
      return ok;
    }),
  startTotpEnrolment: procedure
    .meta({
      access: { kind: 'signedIn' },
      summary: 'A new TOTP secret and its QR code (not active until confirmed)',
    })
    .output(s.totpEnrolmentOutput)
    .mutation(({ ctx }) => ctx.services.auth.startTotpEnrolment(signedInCaller(ctx))),
  confirmTotpEnrolment: procedure
    .meta({
      access: { kind: 'signedIn' },
      summary: 'Activate TOTP with a first code; returns recovery codes once',
    })
    .input(s.confirmTotpInput)
    .output(s.recoveryCodesOutput)
    .mutation(({ ctx, input }) => ctx.services.auth.confirmTotpEnrolment(signedInCaller(ctx), input)),
  regenerateRecoveryCodes: procedure
    .meta({ access: { kind: 'signedIn' } })
    .output(s.recoveryCodesOutput)
    .mutation(({ ctx }) => ctx.services.auth.regenerateRecoveryCodes(signedInCaller(ctx))),
  disableTotp: procedure
    .meta({ access: { kind: 'signedIn' } })
    .input(s.disableTotpInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.auth.disableTotp(signedInCaller(ctx), input);
      return ok;
    }),
  requestPasswordReset: procedure
    .meta({
      access: { kind: 'public' },
      limits: rateLimits.passwordResetRequest,
      summary: 'Email a reset link (answers the same whether or not the account exists)',
    })
    .input(s.requestPasswordResetInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.auth.requestPasswordReset(anyCaller(ctx), input);
      return ok;
    }),
  resetPassword: procedure
    .meta({ access: { kind: 'public' }, limits: rateLimits.tokenUse })
    .input(s.resetPasswordInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.auth.resetPassword(anyCaller(ctx), input);
      return ok;
    }),
});

export const usersRouter = router({
  list: procedure
    .meta({ access: { kind: 'platformAdmin' } })
    .output(s.userDto.array())
    .query(({ ctx }) => ctx.services.users.list(signedInCaller(ctx))),
  create: procedure
    .meta({ access: { kind: 'platformAdmin' } })
    .input(s.createUserInput)
    .output(s.userDto)
    .mutation(({ ctx, input }) => ctx.services.users.create(signedInCaller(ctx), input)),
});
