import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { TRPCError } from '@trpc/server';
import {
  createCallerFactory,
  appRouter,
  type Actor,
  type Context,
  type PersonActor,
  type RequestInfo,
  type SessionCookie,
} from '@plenary/contracts';
import { openDatabase } from '@plenary/db';
import { createTestDatabase, type TestDatabase } from '@plenary/db/testing';
import { startJobQueue } from '../core/jobs';
import type { Runtime, RuntimeConfig } from '../core/runtime';
import { resolveSession } from '../modules/identity/sessions';
import { createUser } from '../modules/identity/users.service';
import { createServices } from '../services';
import { startLinkMails } from '../modules/registration/link-mail';
import { startResetMails } from '../modules/identity/reset-mail';

const callerFactory = createCallerFactory(appRouter);
export type AppCaller = ReturnType<typeof callerFactory>;

export interface TestHarness {
  runtime: Runtime;
  database: TestDatabase;
  services: ReturnType<typeof createServices>;
  /** A tRPC caller as the given actor (null: anonymous), through the real router and access rules. */
  caller(actor: Actor | null, request?: Partial<RequestInfo>, secrets?: CallerSecrets): AppCaller;
  /** Creates a user, signs them in through auth.login, and returns the resolved actor. */
  signUp(email: string, options?: { platformAdmin?: boolean; password?: string }): Promise<Actor>;
  /** Signs in with a password through auth.login; returns the session token and the actor. */
  signIn(
    email: string,
    password: string,
    request?: Partial<RequestInfo>,
  ): Promise<{ token: string; actor: Actor; secondFactorRequired: boolean }>;
  /** Moves the services' clock forward (TOTP steps, expiries); Date.now is left alone. */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

/** What a participant's link or a partner's key carries, as the HTTP layer would pass it. */
export interface CallerSecrets {
  linkToken?: string;
  apiKey?: string;
  /** A participant signed in on the portal (see testing/persons.ts). */
  person?: PersonActor;
  /** Where the person session cookie goes (a fresh jar when not given). */
  personCookie?: SessionCookie;
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** A cookie jar standing in for the browser: it keeps what the server set. */
export function cookieJar(): SessionCookie & { token: string | null } {
  const jar = {
    token: null as string | null,
    set(token: string) {
      jar.token = token;
    },
    clear() {
      jar.token = null;
    },
  };
  return jar;
}

export function testRequest(overrides: Partial<RequestInfo> = {}): RequestInfo {
  return { requestId: 'test', ip: '127.0.0.1', userAgent: 'vitest', secure: false, ...overrides };
}

async function secondConnection(of: TestDatabase, poolSize: number): Promise<TestDatabase> {
  if (!of.url) throw new Error('a second server needs PostgreSQL: PGlite has one connection');
  return Object.assign(await openDatabase({ engine: 'postgres', url: of.url, poolSize }), { url: of.url });
}

/**
 * The harness's database and clock under other settings, with services of
 * their own: another server process configured differently (strict limits).
 */
export function withConfig(
  h: TestHarness,
  config: Partial<RuntimeConfig>,
): Pick<TestHarness, 'runtime' | 'services'> {
  const runtime: Runtime = { ...h.runtime, config: { ...h.runtime.config, ...config } };
  return { runtime, services: createServices(runtime) };
}

/** A real database (PGlite or PostgreSQL, per vitest project), real services, the real router. */
export async function createHarness(
  options: {
    config?: Partial<RuntimeConfig>;
    work?: boolean;
    poolSize?: number;
    /**
     * Another server on this harness's PostgreSQL database: a pool and services
     * of its own, as a second process would have. Closing it leaves the database.
     */
    sameDatabaseAs?: TestHarness;
  } = {},
): Promise<TestHarness> {
  const database = options.sameDatabaseAs
    ? await secondConnection(options.sameDatabaseAs.database, options.poolSize ?? 10)
    : await createTestDatabase(options.poolSize ? { poolSize: options.poolSize } : {});
  let clockOffsetMs = 0;
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const jobs = await startJobQueue(database, logger, {
    work: options.work ?? false,
    pollingIntervalSeconds: 0.5,
  });
  const runtime: Runtime = {
    database,
    db: database.db,
    jobs,
    logger,
    now: () => new Date(Date.now() + clockOffsetMs),
    config: {
      publicUrl: 'http://plenary.test',
      mailFrom: 'Plenary <no-reply@plenary.test>',
      smtpUrl: undefined,
      sessionHours: 12,
      // A second server on the same database has the same key, as real servers must.
      secretKey: options.sameDatabaseAs?.runtime.config.secretKey ?? randomBytes(32),
      // Tests that are not about rate limits call freely; those that are pass rateLimitScale: 1.
      rateLimitScale: 1000,
      // Tests that are not about the proof of work register without one; those that are
      // pass altchaRequired: true and solve the (easy) challenge for real (testing/altcha.ts).
      altchaRequired: false,
      altchaMaxNumber: 200,
      ...options.config,
    },
  };
  const services = createServices(runtime);
  const factory = callerFactory;
  if (options.work) {
    // The mails that public calls queue instead of sending (issue 10, finding 4).
    await startLinkMails(runtime);
    await startResetMails(runtime);
  }

  const caller: TestHarness['caller'] = (actor, request, secrets = {}) => {
    const ctx: Context = {
      services,
      actor,
      request: testRequest(request),
      session: cookieJar(),
      linkToken: secrets.linkToken ?? null,
      apiKey: secrets.apiKey ?? null,
      person: secrets.person ?? null,
      personSession: secrets.personCookie ?? cookieJar(),
    };
    return factory(ctx);
  };

  const signIn: TestHarness['signIn'] = async (email, password, request) => {
    const jar = cookieJar();
    const ctx: Context = { services, actor: null, request: testRequest(request), session: jar };
    const { secondFactorRequired } = await factory(ctx).auth.login({ email, password });
    const actor = await resolveSession(runtime, jar.token ?? undefined);
    if (!jar.token || !actor) throw new Error('sign-in did not set a session');
    return { token: jar.token, actor, secondFactorRequired };
  };

  return {
    runtime,
    database,
    services,
    caller,
    signIn,
    async signUp(email, opts = {}) {
      const password = opts.password ?? TEST_PASSWORD;
      await createUser(runtime, 'system', {
        email,
        displayName: email.split('@')[0] ?? email,
        password,
        isPlatformAdmin: opts.platformAdmin ?? false,
      });
      return (await signIn(email, password)).actor;
    },
    advanceClock(ms) {
      clockOffsetMs += ms;
    },
    async close() {
      await jobs.stop();
      await database.close();
    },
  };
}

/** The reference event's shape, for tests that need an event. */
export const tciEvent = {
  slug: 'tci-2015',
  title: { ko: '제18차 세계 클러스터 경쟁력 총회', en: '18th TCI Global Conference' },
  subtitle: { en: 'Creative Economy and Clusters: Business Models and Policy Agenda' },
  venueName: { ko: '엑스코', en: 'EXCO' },
  venueAddress: { en: '10 Exco-ro, Buk-gu, Daegu, Korea' },
  startsAt: '2015-11-03T09:00:00+09:00',
  endsAt: '2015-11-06T18:00:00+09:00',
  timeZone: 'Asia/Seoul',
};

/** The TRPCError a call fails with; fails the test if the call succeeds. */
export async function errorOf(p: Promise<unknown>): Promise<TRPCError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}
