import { rateLimits } from '../rate-limits';
import {
  anyCaller,
  maybePersonCaller,
  participantCaller,
  personCaller,
  personCookie,
  procedure,
  router,
} from '../trpc';
import { okOutput } from './common';
import * as s from './accounts';

const ok = { ok: true as const };

/** Participants signing in on the portal: by an emailed code or link, no password. */
export const accountsRouter = router({
  requestCode: procedure
    .meta({
      access: { kind: 'public' },
      limits: rateLimits.signInCodeRequest,
      summary: 'Email a sign-in code and link (answers the same whether or not the address is known)',
    })
    .input(s.requestSignInCodeInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.accounts.requestCode(anyCaller(ctx), input);
      return ok;
    }),
  verifyCode: procedure
    .meta({
      access: { kind: 'public' },
      limits: rateLimits.signInCodeCheck,
      summary: 'Sign in with the emailed code',
    })
    .input(s.verifySignInCodeInput)
    .output(s.personSessionOutput)
    .mutation(({ ctx, input }) => ctx.services.accounts.verifyCode(anyCaller(ctx), input, personCookie(ctx))),
  verifyLink: procedure
    .meta({
      access: { kind: 'public' },
      limits: rateLimits.tokenUse,
      summary: 'Sign in with the emailed link',
    })
    .input(s.verifySignInLinkInput)
    .output(s.personSessionOutput)
    .mutation(({ ctx, input }) => ctx.services.accounts.verifyLink(anyCaller(ctx), input, personCookie(ctx))),
  fromRegistrationLink: procedure
    .meta({
      access: { kind: 'participant' },
      limits: rateLimits.verifyEmail,
      summary:
        'Opening a registration’s emailed link signs its address in (the link proves the mail was read)',
    })
    .output(s.personSessionOutput)
    .mutation(({ ctx }) =>
      ctx.services.accounts.signInWithRegistrationLink(participantCaller(ctx), personCookie(ctx)),
    ),
  session: procedure
    .meta({
      access: { kind: 'public' },
      limits: rateLimits.publicRead,
      summary: 'The signed-in participant, if any, and the CSRF token',
    })
    .output(s.personSessionOutput)
    .query(({ ctx }) => ctx.services.accounts.session(maybePersonCaller(ctx))),
  signOut: procedure
    .meta({ access: { kind: 'person' }, limits: rateLimits.personHolder, summary: 'End this session' })
    .output(okOutput)
    .mutation(async ({ ctx }) => {
      await ctx.services.accounts.signOut(personCaller(ctx), personCookie(ctx));
      return ok;
    }),
  signOutEverywhere: procedure
    .meta({
      access: { kind: 'person' },
      limits: rateLimits.personHolder,
      summary: 'End every session of this person',
    })
    .output(okOutput)
    .mutation(async ({ ctx }) => {
      await ctx.services.accounts.signOutEverywhere(personCaller(ctx), personCookie(ctx));
      return ok;
    }),
});

/** The signed-in participant's own pages. */
export const meRouter = router({
  events: procedure
    .meta({ access: { kind: 'person' }, limits: rateLimits.personHolder, summary: 'The events I am in' })
    .output(s.myEventDto.array())
    .query(({ ctx }) => ctx.services.me.events(personCaller(ctx))),
  conference: procedure
    .meta({
      access: { kind: 'person' },
      limits: rateLimits.personHolder,
      summary: 'What I have at one event, section by section',
    })
    .input(s.myConferenceInput)
    .output(s.myConferenceOutput)
    .query(({ ctx, input }) => ctx.services.me.conference(personCaller(ctx), input)),
  openRegistration: procedure
    .meta({
      access: { kind: 'person' },
      limits: rateLimits.personHolder,
      summary: 'A fresh personal link to one of my registrations',
    })
    .input(s.openMyRegistrationInput)
    .output(s.openMyRegistrationOutput)
    .mutation(({ ctx, input }) => ctx.services.me.openRegistration(personCaller(ctx), input)),
  exportData: procedure
    .meta({
      access: { kind: 'person' },
      limits: rateLimits.personHolder,
      summary: 'Everything the platform holds about me, as JSON',
    })
    .output(s.personDataOutput)
    .query(({ ctx }) => ctx.services.me.exportData(personCaller(ctx))),
  requestErasure: procedure
    .meta({
      access: { kind: 'person' },
      limits: rateLimits.personHolder,
      summary: 'Erase my personal data (what the organiser must keep stays, without it) and sign out',
    })
    .output(okOutput)
    .mutation(async ({ ctx }) => {
      await ctx.services.me.requestErasure(personCaller(ctx), personCookie(ctx));
      return ok;
    }),
});
