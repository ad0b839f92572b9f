/**
 * The registration benchmark (`pnpm bench:registration`): the real server on a
 * fresh PostgreSQL database, N concurrent anonymous clients registering through
 * the HTTP API into limited categories and tours, the same load against a bare
 * Express + pg INSERT endpoint and against the framework floor (the real stack,
 * tRPC and the registration's contracts, around one INSERT: bench/floor-server.ts),
 * and a check that no limit was oversold.
 *
 *   pnpm bench:registration [--clients 50] [--requests 2000] [--warmup 100]
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
import { quantile, runLoad, type LoadResult } from './load';
import { ApiSession, setUpEvent, type BenchEvent } from './setup';
import { checkLimits } from './checks';
import { measureCpu } from './cpu';

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
function registration(run: string, event: BenchEvent, i: number) {
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
  });
}

function statusOf(body: unknown): string | undefined {
  return (body as { result?: { data?: { status?: string } } }).result?.data?.status;
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

function row(name: string, r: LoadResult, confirmedPerSecond: number | null) {
  const cells = [
    name.padEnd(26),
    String(r.requests).padStart(8),
    String(r.ok).padStart(6),
    String(r.errors).padStart(6),
    fmt(r.wallMs / 1000, 2).padStart(7),
    fmt(r.ok / (r.wallMs / 1000)).padStart(8),
    (confirmedPerSecond === null ? '-' : fmt(confirmedPerSecond)).padStart(11),
    fmt(quantile(r.latenciesMs, 0.5)).padStart(7),
    fmt(quantile(r.latenciesMs, 0.99)).padStart(7),
  ];
  return cells.join(' ');
}

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

    const load = (url: string, path: string, on: BenchEvent, run: string, n: number) =>
      runLoad(
        url,
        Math.min(clients, n),
        n,
        (i) => ({ path, body: registration(run, on, i) }),
        interrupted.signal,
      );
    const register = '/trpc/portalRegistration.register';
    await load(realUrl, register, warm, 'warm', warmup);
    await load(bareUrl, '/bare', warm, 'warm', warmup);
    await load(floorUrl, '/trpc/register', warm, 'warm', warmup);
    const realRun = await measureCpu(children[0]?.pid, () =>
      load(realUrl, register, event, 'bench', requests),
    );
    const bareRun = await measureCpu(children[1]?.pid, () =>
      load(bareUrl, '/bare', event, 'bench', requests),
    );
    const floorRun = await measureCpu(children[2]?.pid, () =>
      load(floorUrl, '/trpc/register', event, 'bench', requests),
    );
    const real = realRun.result;
    const bare = bareRun.result;
    const floor = floorRun.result;
    const cpuLine = (name: string, run: { server: number; postgres: number; client: number }, n: number) =>
      `  ${name.padEnd(26)} server ${fmt((run.server * 1000) / n, 2).padStart(5)}  postgres ${fmt((run.postgres * 1000) / n, 2).padStart(5)}  load generator ${fmt((run.client * 1000) / n, 2).padStart(5)}`;
    if (interrupted.signal.aborted) throw new Error('interrupted');

    const confirmed = real.answers.filter((a) => statusOf(a.body) === 'confirmed');
    const waitlisted = real.answers.filter((a) => statusOf(a.body) === 'waitlisted').length;
    // Confirmed per second while places were left: until the last confirmation came back.
    const sellOutMs = confirmed.reduce((last, a) => Math.max(last, a.atMs), 0);
    const confirmedPerSecond = confirmed.length / (sellOutMs / 1000);
    const bareRate = bare.ok / (bare.wallMs / 1000);
    const floorRate = floor.ok / (floor.wallMs / 1000);
    const allRate = real.ok / (real.wallMs / 1000);
    // The same load through both: the rate at which each endpoint answered it.
    const ratio = allRate / bareRate;
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
    const lines = [
      '',
      'Plenary registration benchmark',
      `  machine     ${cpus.length} CPUs (${cpus[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}; load average before the run ${fmt(loadBefore, 2)}`,
      `  node        ${process.version}`,
      `  postgres    ${version[0]?.version ?? 'unknown'}`,
      `  server      src/main.ts through tsx, LOG_LEVEL=${args['log-level']}, pool 10; database ${dbName}`,
      `  load        ${clients} concurrent clients, ${requests} requests each run (after ${warmup} warm-up), keep-alive`,
      `  event       capacity ${shape.eventCapacity ?? 'none'}; categories ${shape.categories.map((c) => `${c.code} ${c.capacity}`).join(', ')}; ${shape.options.length} tours of ${shape.options[0]?.capacity} seats (every other registration picks one); set up via ${event.via}`,
      '',
      `${'endpoint'.padEnd(26)} requests     ok errors  wall s    req/s confirmed/s p50 ms  p99 ms`,
      row('portalRegistration.register', real, confirmedPerSecond),
      row('framework floor', floor, null),
      row('bare express+pg INSERT', bare, null),
      '',
      'CPU ms per request (user + system, from /proc)',
      cpuLine('portalRegistration.register', realRun, real.requests),
      cpuLine('framework floor', floorRun, floor.requests),
      cpuLine('bare express+pg INSERT', bareRun, bare.requests),
      '',
      `  real server: ${confirmed.length} confirmed (last at ${fmt(sellOutMs / 1000, 2)} s), ${waitlisted} waitlisted, ${real.errors} errors`,
      ...[...real.errorSamples, ...floor.errorSamples, ...bare.errorSamples].map(
        (s) => `  error sample: ${s}`,
      ),
      `  ratio: registrations/s ÷ bare req/s = ${fmt(allRate)} ÷ ${fmt(bareRate)} = ${fmt(ratio, 2)}`,
      `         (confirmed only, until sold out: ${fmt(confirmedPerSecond)} ÷ ${fmt(bareRate)} = ${fmt(confirmedPerSecond / bareRate, 2)})`,
      `  the stack's ceiling: framework floor ÷ bare = ${fmt(floorRate)} ÷ ${fmt(bareRate)} = ${fmt(floorRate / bareRate, 2)}`,
      `  the registration's own cost: registrations/s ÷ framework floor = ${fmt(allRate)} ÷ ${fmt(floorRate)} = ${fmt(allRate / floorRate, 2)}`,
      '',
      'Checks',
      ...checks.lines,
      `  ${pass(noErrors)}  no request failed`,
      '',
      `Targets${cpus.length === 2 ? '' : ` (set for 2 cores; this machine has ${cpus.length})`}`,
      `  ${pass(confirmedPerSecond >= 25)}  >= 25 confirmed registrations/s under contention: ${fmt(confirmedPerSecond)}`,
      `  ${pass(Number.isFinite(ratio) && ratio >= 0.5)}  >= half the bare endpoint's rate (registrations/s ÷ bare req/s): ${fmt(ratio, 2)}`,
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
