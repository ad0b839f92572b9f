import { procedure, router, signedInCaller } from '../trpc';
import * as s from './mail';

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
});
