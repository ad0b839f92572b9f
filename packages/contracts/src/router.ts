import { router } from './trpc';
import { authRouter, usersRouter } from './domains/auth.router';
import { eventsRouter, portalRouter } from './domains/events.router';
import { teamRouter } from './domains/team.router';
import { auditRouter } from './domains/audit.router';
import { mailRouter } from './domains/mail.router';

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  events: eventsRouter,
  portal: portalRouter,
  team: teamRouter,
  audit: auditRouter,
  mail: mailRouter,
});

export type AppRouter = typeof appRouter;
