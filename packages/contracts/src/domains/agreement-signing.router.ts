import { roles } from '../access';
import { rateLimits, type RateLimitRule } from '../rate-limits';
import { anyCaller, eventCaller, personCaller, procedure, router } from '../trpc';
import * as s from './agreement-signing';

/**
 * Sending an agreement for signature: the desk roles (owner, admin, staff) send and
 * cancel, as they draft; the organisers (not reviewers) follow the progress.
 */
export const agreementSigningRouter = router({
  send: procedure
    .meta({ access: { kind: 'event', roles: roles.desk }, summary: 'Freeze a version and send it for signature' })
    .input(s.sendForSigningInput)
    .output(s.envelopeDto)
    .mutation(({ ctx, input }) => ctx.services.agreementSigning.send(eventCaller(ctx), input)),
  envelope: procedure
    .meta({ access: { kind: 'event', roles: roles.organisers }, summary: 'The latest signing envelope and its trail' })
    .input(s.envelopeInput)
    .output(s.envelopeDto.nullable())
    .query(({ ctx, input }) => ctx.services.agreementSigning.envelope(eventCaller(ctx), input)),
  cancel: procedure
    .meta({ access: { kind: 'event', roles: roles.desk }, summary: 'Withdraw the open envelope' })
    .input(s.cancelEnvelopeInput)
    .output(s.envelopeDto)
    .mutation(({ ctx, input }) => ctx.services.agreementSigning.cancel(eventCaller(ctx), input)),
});

/** A signature is a deliberate act: a few a minute from one client is plenty, and caps retries of a stale hash. */
const signLimits: readonly RateLimitRule[] = [{ per: 'ip', max: 20, windowSeconds: 600 }];

/** Verification answers anyone: few enough an hour that document codes (60 random bits) cannot be walked. */
const verifyLimits: readonly RateLimitRule[] = [{ per: 'ip', max: 30, windowSeconds: 600 }];

/** The signatory's side, on the portal: only the envelope's own recipients, signed in. */
export const portalSigningRouter = router({
  request: procedure
    .meta({ access: { kind: 'person' }, limits: rateLimits.personHolder, summary: 'The text to sign and whose turn it is' })
    .input(s.signingRequestInput)
    .output(s.signingRequestDto)
    .query(({ ctx, input }) => ctx.services.portalSigning.request(personCaller(ctx), input)),
  sign: procedure
    .meta({ access: { kind: 'person' }, limits: signLimits, summary: 'Sign the version shown, by its hash' })
    .input(s.signInput)
    .output(s.signOutput)
    .mutation(({ ctx, input }) => ctx.services.portalSigning.sign(personCaller(ctx), input)),
  decline: procedure
    .meta({ access: { kind: 'person' }, limits: signLimits, summary: 'Decline to sign, with a reason' })
    .input(s.declineInput)
    .output(s.signOutput)
    .mutation(({ ctx, input }) => ctx.services.portalSigning.decline(personCaller(ctx), input)),
  verify: procedure
    .meta({ access: { kind: 'public' }, limits: verifyLimits, summary: 'Is this a sealed document of a registered agreement?' })
    .input(s.verifyDocumentInput)
    .output(s.verifyDocumentOutput)
    .mutation(({ ctx, input }) => ctx.services.portalSigning.verify(anyCaller(ctx), input)),
});
