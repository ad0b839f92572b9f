/**
 * The registration benchmark (`pnpm bench:registration`): the real server on a
 * fresh PostgreSQL database, N concurrent anonymous clients registering through
 * the HTTP API into limited categories and tours, the same load against a bare
 * Express + pg INSERT endpoint and against the framework floor (the real stack,
 * tRPC and the registration's contracts, around one INSERT: bench/floor-server.ts),
 * and a check that no limit was oversold.
 *
 * The three are measured in alternating rounds (--rounds, at least 3), each round
 * in a rotated order, and judged on the medians: on a shared machine, endpoints
 * measured one after the other are not comparable.
 *
 *   pnpm bench:registration [--clients 50] [--requests 2000] [--rounds 3] [--warmup 100]
 *                           [--log-level warn] [--profile <dir>] [--no-event-limit]
 *
 * PostgreSQL: BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres), a
 * role that may create databases; the run gets a database of its own and drops it at the end.
 */
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { AltchaChallengeDto } from '@plenary/contracts';
import { quantile, runLoad, type LoadResult } from './load';
import { ApiSession, setUpEvent, type BenchEvent } from './setup';
import { checkLimits } from './checks';
import { measureCpu } from './cpu';

const ALTCHA_MAX_NUMBER = 100;

/** PostgreSQL in production needs a server key; every server of the run shares this one. */
const serverKey = randomBytes(32).toString('base64');

/** A number in letters (1 -> "A", 27 -> "AA"). */
function letterTag(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

const { values: args } = parseArgs({
  allowPositionals: true,
  options: {
    clients: { type: 'string', default: '50' },
    requests: { type: 'string', default: '2000' },
    /** Rounds of the three endpoints, alternating (at least three: judged on medians). */
    rounds: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '100' },
    'log-level': { type: 'string', default: 'warn' },
    /** A folder for a V8 CPU profile of the real server (open it in Chrome DevTools). */
    profile: { type: 'string' },
    /** Leave the event without its own limit: registrations then wait only for their category's lock. */
    'no-event-limit': { type: 'boolean', default: false },
  },
});
const clients = Number(args.clients);
const requests = Number(args.requests);
const warmup = Number(args.warmup);
const rounds = Number(args.rounds);
if (!Number.isInteger(rounds) || rounds < 3) {
  console.error('--rounds must be a whole number of at least 3');
  process.exit(2);
}
for (const [name, n] of Object.entries({ clients, requests, warmup }))
  if (!Number.isInteger(n) || n < (name === 'warmup' ? 0 : 1)) {
    console.error(`--${name} must be a whole number${name === 'warmup' ? '' : ' above 0'}`);
    process.exit(2);
  }
const serverDir = fileURLToPath(new URL('..', import.meta.url));
const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `plenary_bench_${Date.now()}`;
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
const admin = { email: 'bench-admin@example.org', password: 'bench-password-123' };
// The reference event: about 900 participants in three categories, seven cluster tours of 40 seats.
const shape = {
  slug: 'tci-bench',
  eventCapacity: args['no-event-limit'] ? null : 900,
  categories: [
    { code: 'government', capacity: 450 },
    { code: 'universities', capacity: 300 },
    { code: 'press', capacity: 150 },
  ],
  options: Array.from({ length: 7 }, (_, i) => ({ code: `tour-${i + 1}`, capacity: 40 })),
};
const countries = ['KR', 'VN', 'US', 'DE', 'JP', 'CN', 'ES', 'BR', 'ZA', 'SE'];

const children: ChildProcess[] = [];
function spawnChild(
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, args, {
    cwd: serverDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
}

/** SIGTERM (the servers shut down cleanly), then SIGKILL if one is still there after 25 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
  await exited;
  clearTimeout(timer);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls `test` until it answers; fails at once if the process ends, or after 90 s. */
async function waitFor(
  what: string,
  { child, output }: { child: ChildProcess; output: () => string },
  test: () => Promise<string | null>,
): Promise<string> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}:\n${output()}`);
    const found = await test().catch(() => null);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not start in 90 s:\n${output()}`);
}

/** The production entry point (src/main.ts through tsx, as `pnpm dev` runs it); ready once /readyz says so. */
async function startRealServer(): Promise<string> {
  const port = await freePort();
  const profile = args.profile ? ['--cpu-prof', '--cpu-prof-dir', args.profile] : [];
  const entry = [...profile, '--import', 'tsx', 'src/main.ts'];
  const server = spawnChild(entry, {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    PLENARY_SECRET_KEY: serverKey,
    PORT: String(port),
    HOST: '127.0.0.1',
    PLENARY_ADMIN_EMAIL: admin.email,
    PLENARY_ADMIN_PASSWORD: admin.password,
    PLENARY_SERVE_APPS: 'false',
    // One address sends every request: the public limits would stop the run after a few.
    PLENARY_RATE_LIMIT_SCALE: '1000000',
    // Easy to solve (the bench solves one per registration); verifying costs the same at any difficulty.
    PLENARY_ALTCHA_MAX_NUMBER: String(ALTCHA_MAX_NUMBER),
    LOG_LEVEL: args['log-level'],
  });
  const url = `http://127.0.0.1:${port}`;
  return waitFor('the Plenary server', server, async () => ((await fetch(`${url}/readyz`)).ok ? url : null));
}

/** A baseline server from bench/: it prints {"port":N} once it listens. */
async function startBaseline(what: string, file: string): Promise<string> {
  const baseline = spawnChild(['--import', 'tsx', file], {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    PLENARY_SECRET_KEY: serverKey,
    LOG_LEVEL: args['log-level'],
  });
  return waitFor(what, baseline, async () => {
    const m = /\{"port":(\d+)\}/.exec(baseline.output());
    return m ? `http://127.0.0.1:${m[1]}` : null;
  });
}

/** Registration i: a new person, categories in turn, every other one on a tour. */
function registration(run: string, event: BenchEvent, i: number, altcha?: string) {
  const category = event.categories[i % event.categories.length]!;
  const tour = i % 2 === 0 ? event.optionIds[Math.floor(i / 2) % event.optionIds.length] : undefined;
  return JSON.stringify({
    eventId: event.eventId,
    categoryId: category.id,
    participant: {
      givenName: 'Delegate',
      // Letters, not digits: the passport name takes Roman letters only.
      familyName: `Number ${letterTag(i + 1)}`,
      email: `${run}-${i}@example.org`,
      organisation: 'Cluster Network',
      country: countries[i % countries.length],
    },
    optionIds: tour ? [tour] : [],
    consents: [],
    locale: 'en',
    ...(altcha ? { altcha } : {}),
  });
}

const rateOf = (r: LoadResult) => r.ok / (r.wallMs / 1000);

/** Fetches and solves `n` proof-of-work challenges from the real server (ALTCHA, for real). */
async function solveChallenges(url: string, n: number, parallel: number, stop: AbortSignal): Promise<string[]> {
  const out: string[] = new Array<string>(n);
  let next = 0;
  const worker = async () => {
    while (next < n && !stop.aborted) {
      const i = next++;
      const res = await fetch(`${url}/trpc/portalRegistration.altchaChallenge`);
      if (!res.ok) throw new Error(`altchaChallenge answered ${res.status}: ${await res.text()}`);
      const challenge = ((await res.json()) as { result: { data: AltchaChallengeDto } }).result.data;
      const solution = await solveChallenge({ challenge, deriveKey });
      if (!solution) throw new Error('an ALTCHA challenge was not solved');
      out[i] = Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, n) }, worker));
  return out;
}

function statusOf(body: unknown): string | undefined {
  return (body as { result?: { data?: { status?: string } } }).result?.data?.status;
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

async function main(): Promise<number> {
  // Other work on the machine skews both runs; the load before we start shows how much there was.
  const loadBefore = os.loadavg()[0] ?? NaN;
  const root = new pg.Client({ connectionString: adminUrl });
  await root.connect();
  await root.query(`create database ${dbName}`);
  const db = new pg.Client({ connectionString: databaseUrl });
  let dbConnected = false;
  let cleaned: Promise<void> | null = null;
  const interrupted = new AbortController();
  // Stops the servers and drops the database, once: at the end, on failure, or on Ctrl-C.
  const cleanUp = () =>
    (cleaned ??= (async () => {
      interrupted.abort();
      await Promise.all(children.map(stopChild));
      if (dbConnected) await db.end().catch(() => undefined);
      await root.query(`drop database if exists ${dbName} with (force)`);
      await root.end();
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      console.error(`${signal}: stopping the servers and dropping ${dbName}`);
      void cleanUp().finally(() => process.exit(130));
    });
  try {
    const realUrl = await startRealServer();
    const bareUrl = await startBaseline('the bare server', 'bench/bare-server.ts');
    const floorUrl = await startBaseline('the framework floor', 'bench/floor-server.ts');
    await db.connect();
    dbConnected = true;
    const api = new ApiSession(realUrl);
    await api.signIn(admin.email, admin.password);
    const event = await setUpEvent(api, db, shape);
    const warm = await setUpEvent(api, db, {
      slug: 'warm-up',
      eventCapacity: null,
      categories: [{ code: 'all', capacity: null }],
      options: [],
    });

    const load = (url: string, path: string, on: BenchEvent, run: string, n: number, extra?: string[]) =>
      runLoad(
        url,
        Math.min(clients, n),
        n,
        (i) => ({ path, body: registration(run, on, i, extra?.[i]) }),
        interrupted.signal,
      );
    const register = '/trpc/portalRegistration.register';
    // The public form takes a solved proof of work per registration (ALTCHA): solved
    // here before each round, outside the measured time, as browsers do while a
    // person fills in the form. The server's share (verify, spend) is measured.
    const solved = (n: number) => solveChallenges(realUrl, n, clients, interrupted.signal);
    await load(realUrl, register, warm, 'warm', warmup, await solved(warmup));
    await load(bareUrl, '/bare', warm, 'warm', warmup);
    await load(floorUrl, '/trpc/register', warm, 'warm', warmup);

    // The three endpoints in alternating rounds, each round in a rotated order, so a
    // burst of other work on the machine falls on all three alike; judged on medians.
    const endpoints = [
      { key: 'real', url: realUrl, path: register, pid: children[0]?.pid },
      { key: 'floor', url: floorUrl, path: '/trpc/register', pid: children[2]?.pid },
      { key: 'bare', url: bareUrl, path: '/bare', pid: children[1]?.pid },
    ] as const;
    type Key = (typeof endpoints)[number]['key'];
    type Run = { result: LoadResult; server: number; postgres: number; client: number };
    const runs: Record<Key, Run[]> = { real: [], floor: [], bare: [] };
    const roundLines: string[] = [];
    for (let round = 0; round < rounds; round++) {
      const payloads = await solved(requests);
      const order = endpoints.map((_, k) => endpoints[(k + round) % endpoints.length]!);
      const cells: string[] = [];
      for (const ep of order) {
        if (interrupted.signal.aborted) throw new Error('interrupted');
        const run = await measureCpu(ep.pid, () =>
          load(ep.url, ep.path, event, `bench-r${round + 1}`, requests, ep.key === 'real' ? payloads : undefined),
        );
        runs[ep.key].push(run);
        cells.push(`${ep.key} ${fmt(rateOf(run.result))}/s (${fmt((run.server * 1000) / run.result.requests, 2)} ms CPU)`);
      }
      roundLines.push(`  round ${round + 1}: ${cells.join(', ')}`);
    }
    if (interrupted.signal.aborted) throw new Error('interrupted');
    const sum = (rs: Run[], f: (r: LoadResult) => number) => rs.reduce((n, r) => n + f(r.result), 0);
    const medianOf = (rs: Run[], f: (r: Run) => number) => quantile(rs.map(f), 0.5);
    const medianRate = (k: Key) => medianOf(runs[k], (r) => rateOf(r.result));
    const medianCpu = (k: Key, side: 'server' | 'postgres' | 'client') =>
      medianOf(runs[k], (r) => (r[side] * 1000) / r.result.requests);
    const merged = (k: Key): LoadResult => {
      const rs = runs[k].map((r) => r.result);
      return {
        requests: sum(runs[k], (r) => r.requests),
        ok: sum(runs[k], (r) => r.ok),
        errors: sum(runs[k], (r) => r.errors),
        errorSamples: rs.flatMap((r) => r.errorSamples).slice(0, 3),
        wallMs: sum(runs[k], (r) => r.wallMs),
        latenciesMs: rs.flatMap((r) => r.latenciesMs),
        answers: rs.flatMap((r) => r.answers),
      };
    };
    const real = merged('real');
    const bare = merged('bare');
    const floor = merged('floor');
    const cpuLine = (name: string, k: Key) =>
      `  ${name.padEnd(26)} server ${fmt(medianCpu(k, 'server'), 2).padStart(5)}  postgres ${fmt(medianCpu(k, 'postgres'), 2).padStart(5)}  load generator ${fmt(medianCpu(k, 'client'), 2).padStart(5)}`;

    const confirmed = real.answers.filter((a) => statusOf(a.body) === 'confirmed');
    const waitlisted = real.answers.filter((a) => statusOf(a.body) === 'waitlisted').length;
    // Confirmed per second while places were left: the first round, until its last confirmation.
    const first = runs.real[0]!.result.answers.filter((a) => statusOf(a.body) === 'confirmed');
    const sellOutMs = first.reduce((last, a) => Math.max(last, a.atMs), 0);
    const confirmedPerSecond = first.length / (sellOutMs / 1000);
    const bareRate = medianRate('bare');
    const floorRate = medianRate('floor');
    const allRate = medianRate('real');
    const ratio = allRate / bareRate;
    const registrationToFloor = allRate / floorRate;
    const floorToBare = floorRate / bareRate;
    const checks = await checkLimits(db, event.eventId, {
      ok: real.ok,
      confirmed: confirmed.length,
      bareOk: bare.ok,
      floorOk: floor.ok,
    });
    const noErrors = real.errors === 0 && bare.errors === 0 && floor.errors === 0;
    const { rows: version } = await db.query<{ version: string }>('select version()');
    const cpus = os.cpus();

    const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
    const medianRow = (name: string, k: Key, confirmedRate: number | null) => {
      const r = merged(k);
      return [
        name.padEnd(26),
        String(r.requests).padStart(8),
        String(r.ok).padStart(6),
        String(r.errors).padStart(6),
        fmt(medianRate(k)).padStart(12),
        (confirmedRate === null ? '-' : fmt(confirmedRate)).padStart(11),
        fmt(quantile(r.latenciesMs, 0.5)).padStart(7),
        fmt(quantile(r.latenciesMs, 0.99)).padStart(7),
      ].join(' ');
    };
    const lines = [
      '',
      'Plenary registration benchmark',
      `  machine     ${cpus.length} CPUs (${cpus[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}; load average before the run ${fmt(loadBefore, 2)}`,
      `  node        ${process.version}`,
      `  postgres    ${version[0]?.version ?? 'unknown'}`,
      `  server      src/main.ts through tsx, LOG_LEVEL=${args['log-level']}, pool 10, ALTCHA max number ${ALTCHA_MAX_NUMBER}; database ${dbName}`,
      `  load        ${clients} concurrent clients, ${rounds} alternating rounds of ${requests} requests per endpoint (after ${warmup} warm-up), keep-alive`,
      `  event       capacity ${shape.eventCapacity ?? 'none'}; categories ${shape.categories.map((c) => `${c.code} ${c.capacity}`).join(', ')}; ${shape.options.length} tours of ${shape.options[0]?.capacity} seats (every other registration picks one); set up via ${event.via}`,
      '',
      'Rounds (req/s, server CPU per request)',
      ...roundLines,
      '',
      `${'endpoint'.padEnd(26)} requests     ok errors median req/s confirmed/s p50 ms  p99 ms`,
      medianRow('portalRegistration.register', 'real', confirmedPerSecond),
      medianRow('framework floor', 'floor', null),
      medianRow('bare express+pg INSERT', 'bare', null),
      '',
      'CPU ms per request (user + system, from /proc; median of the rounds)',
      cpuLine('portalRegistration.register', 'real'),
      cpuLine('framework floor', 'floor'),
      cpuLine('bare express+pg INSERT', 'bare'),
      '',
      `  real server: ${confirmed.length} confirmed (round 1, last at ${fmt(sellOutMs / 1000, 2)} s), ${waitlisted} waitlisted, ${real.errors} errors`,
      ...[...real.errorSamples, ...floor.errorSamples, ...bare.errorSamples].map(
        (s) => `  error sample: ${s}`,
      ),
      `  the registration's own cost: registration ÷ framework floor = ${fmt(allRate)} ÷ ${fmt(floorRate)} = ${fmt(registrationToFloor, 2)}`,
      `  the stack's ceiling:         framework floor ÷ bare        = ${fmt(floorRate)} ÷ ${fmt(bareRate)} = ${fmt(floorToBare, 2)}`,
      `  registration ÷ bare = ${fmt(allRate)} ÷ ${fmt(bareRate)} = ${fmt(ratio, 2)}`,
      '',
      'Checks',
      ...checks.lines,
      `  ${pass(noErrors)}  no request failed`,
      '',
      `Targets, on the medians${cpus.length === 2 ? '' : ` (set for 2 cores; this machine has ${cpus.length})`}`,
      `  ${pass(confirmedPerSecond >= 25)}  >= 25 confirmed registrations/s under contention: ${fmt(confirmedPerSecond)}`,
      `  ${pass(Number.isFinite(registrationToFloor) && registrationToFloor >= 0.85)}  registration >= 0.85 of its framework floor: ${fmt(registrationToFloor, 2)}`,
      `  ${pass(Number.isFinite(floorToBare) && floorToBare >= 0.6)}  framework floor >= 0.6 of the bare endpoint: ${fmt(floorToBare, 2)}`,
      '',
    ];
    console.log(lines.join('\n'));
    // Overselling, losing or failing a registration is a bug; a missed target on a busy machine is a number.
    return checks.ok && noErrors ? 0 : 1;
  } finally {
    await cleanUp();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('The benchmark failed:', err);
    process.exit(1);
  },
);
