import express from 'express';
import { pino } from 'pino';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import {
  procedure,
  registerInput,
  registrationReceiptDto,
  router,
  type Context,
  type Services,
} from '@plenary/contracts';
import { useHostMiddleware } from '../src/app';
import { requestInfo } from '../src/http/context';
import { baselineTable, serveBaseline } from './baseline';

/**
 * The framework floor: everything a registration request passes through in
 * the real server except the registration itself. The same host middleware
 * (request id and log line, security headers), tRPC with the contracts'
 * procedure builder (access rule, error mapping, the check for unstorable
 * text), the registration's own input and output contracts, and then one
 * INSERT, as in the bare endpoint. What the real endpoint costs above this
 * is the registration's work; what this costs above the bare endpoint is the
 * stack the platform is built on.
 */
const pool = await baselineTable('bench_floor');

const floorRouter = router({
  register: procedure
    .meta({ access: { kind: 'public' } })
    .input(registerInput)
    .output(registrationReceiptDto)
    .mutation(async ({ input }) => {
      const { rows } = await pool.query<{ id: string }>(
        'insert into bench_floor (email, body) values ($1, $2) returning gen_random_uuid()::text as id',
        [input.participant.email, JSON.stringify(input)],
      );
      return {
        id: rows[0]!.id,
        reference: 'FLOR-0000',
        status: 'confirmed' as const,
        waitlistPosition: null,
        options: [],
      };
    }),
});

const app = express();
useHostMiddleware(app, { logger: pino({ level: process.env.LOG_LEVEL ?? 'warn' }) });
app.use(
  '/trpc',
  createExpressMiddleware({
    router: floorRouter,
    createContext: ({ req }): Context => ({
      // A public procedure reaches no service.
      services: {} as Services,
      actor: null,
      request: requestInfo(req),
      session: { set: () => undefined, clear: () => undefined },
      linkToken: null,
      apiKey: null,
    }),
    maxBodySize: 1_000_000,
  }),
);

serveBaseline(app, pool);
