/**
 * The soak (`pnpm soak`): four server processes on one fresh PostgreSQL database,
 * clients mixing registrations, cancellations, option changes, offer acceptances,
 * limit changes and check-ins on a small event (so lists fill and move) for a
 * bounded time, then the checker (bench/soak-invariants.sql) over the rows. Exits
 * 1 when an invariant is broken, 2 on a setup failure.
 *
 *   pnpm soak [--seconds 180] [--servers 4] [--clients 16] [--keep]
 *
 * PostgreSQL: BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ApiSession, setUpEvent } from './setup';

/** PostgreSQL in production needs a server key; every server of the run shares this one. */
const serverKey = randomBytes(32).toString('base64');

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '180' },
    servers: { type: 'string', default: '4' },
    clients: { type: 'string', default: '16' },
    /** Keep the database afterwards, to look at the rows. */
    keep: { type: 'boolean', default: false },
  },
});
const seconds = Number(args.seconds);
const serverCount = Number(args.servers);
const clientCount = Number(args.clients);
const serverDir = fileURLToPath(new URL('..', import.meta.url));
const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `plenary_soak_${Date.now()}`;
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
const admin = { email: 'soak-admin@example.org', password: 'soak-password-123' };
// Small limits, so categories and tours fill, people wait, and offers go out.
const shape = {
  slug: 'tci-soak',
  eventCapacity: 120,
  categories: [
    { code: 'government', capacity: 50 },
    { code: 'universities', capacity: 40 },
    { code: 'press', capacity: 30 },
  ],
  options: Array.from({ length: 4 }, (_, i) => ({ code: `tour-${i + 1}`, capacity: 15 })),
};

const children: ChildProcess[] = [];
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** One production server process (src/main.ts through tsx); resolves with its URL once /readyz answers. */
async function startServer(): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PLENARY_SECRET_KEY: serverKey,
      PORT: String(port),
      HOST: '127.0.0.1',
      PLENARY_ADMIN_EMAIL: admin.email,
      PLENARY_ADMIN_PASSWORD: admin.password,
      PLENARY_SERVE_APPS: 'false',
      PLENARY_DEMO: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`a server exited with ${child.exitCode}:\n${out}`);
    if (await fetch(`${url}/readyz`).then((r) => r.ok).catch(() => false)) return url;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`a server did not start in 90 s:\n${out}`);
}

async function stopServers(): Promise<void> {
  await Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
      await exited;
      clearTimeout(timer);
    }),
  );
}

type Op = 'register' | 'cancel' | 'changeOptions' | 'acceptOffer' | 'changeLimit' | 'checkIn';
const weights: Array<[Op, number]> = [
  ['register', 35],
  ['cancel', 15],
  ['changeOptions', 15],
  ['acceptOffer', 15],
  ['changeLimit', 8],
  ['checkIn', 12],
];
const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(Math.random() * xs.length)];
function chooseOp(): Op {
  let n = Math.random() * weights.reduce((s, [, w]) => s + w, 0);
  for (const [op, w] of weights) if ((n -= w) < 0) return op;
  return 'register';
}

/** An anonymous or link-holding call over HTTP: the status, and the body's text on failure. */
async function call(base: string, path: string, input: unknown, link?: string): Promise<number> {
  const res = await fetch(`${base}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(link ? { 'x-plenary-link': link } : {}) },
    ...(input === undefined ? {} : { body: JSON.stringify(input) }),
  });
  await res.text();
  return res.status;
}

async function main(): Promise<number> {
  const root = new pg.Client({ connectionString: adminUrl });
  await root.connect();
  await root.query(`create database ${dbName}`);
  const db = new pg.Client({ connectionString: databaseUrl });
  try {
    // The first server migrates the database and creates the administrator; the others then join.
    const urls = [await startServer()];
    urls.push(...(await Promise.all(Array.from({ length: serverCount - 1 }, () => startServer()))));
    await db.connect();
    const sessions = await Promise.all(
      urls.map(async (u) => {
        const s = new ApiSession(u);
        await s.signIn(admin.email, admin.password);
        return s;
      }),
    );
    const event = await setUpEvent(sessions[0]!, db, shape);
    const { eventId } = event;
    // Participants may change their tours themselves (the self-service option change under test).
    await sessions[0]!.call('POST', 'registrationSetup.updateSettings', { eventId, editableFields: ['options'] });
    // The clients' look-ups run side by side: a pool, not the one setup connection.
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    console.log(`soak: ${serverCount} servers, ${clientCount} clients, ${seconds} s, event ${eventId}`);

    const tally = new Map<string, number>();
    const count = (op: Op, status: number) => {
      const key = `${op} ${status >= 500 ? '5xx' : status >= 400 ? '4xx' : 'ok'}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    };
    /** A registration of the given statuses, with its emailed link (read from the mail outbox). */
    const someone = async (statuses: string[]) => {
      const { rows } = await pool.query<{ id: string; link: string | null }>(
        `select r.id, (select substring(m.text_body from '/r/([A-Za-z0-9_-]+)') from mail_outbox m
                        where m.to_address = r.email order by m.created_at desc limit 1) as link
           from registrations r where r.event_id = $1 and r.status = any($2) order by random() limit 1`,
        [eventId, statuses],
      );
      return rows[0];
    };
    let n = 0;
    const deadline = Date.now() + seconds * 1000;
    const client = async () => {
      while (Date.now() < deadline) {
        const i = n++;
        const server = Math.floor(Math.random() * urls.length);
        const base = urls[server]!;
        const staff = sessions[server]!;
        const op = chooseOp();
        const staffCall = (path: string, input: unknown) =>
          staff.call('POST', path, input).then(
            () => 200,
            (err: Error) => Number(/: (\d{3}) /.exec(err.message)?.[1] ?? 599),
          );
        let status: number;
        if (op === 'register') {
          const category = event.categories[i % event.categories.length]!;
          status = await call(base, 'portalRegistration.register', {
            eventId,
            categoryId: category.id,
            participant: {
              givenName: 'Soak',
              familyName: `Delegate ${i}`,
              email: `soak-${i}@example.org`,
              organisation: 'Cluster Network',
              country: 'KR',
            },
            optionIds: Math.random() < 0.6 ? [pick(event.optionIds)!] : [],
            consents: [],
            locale: 'en',
          });
        } else if (op === 'cancel') {
          const r = await someone(['pending', 'confirmed', 'offered', 'waitlisted']);
          if (!r) continue;
          status = await staffCall('registrations.cancel', { eventId, registrationId: r.id, reason: null });
        } else if (op === 'changeOptions') {
          const r = await someone(['pending', 'confirmed', 'offered', 'waitlisted']);
          if (!r?.link) continue;
          const optionIds = Math.random() < 0.2 ? [] : [pick(event.optionIds)!];
          status = await call(base, 'myRegistration.update', { optionIds }, r.link);
        } else if (op === 'acceptOffer') {
          const r = await someone(['offered']);
          if (!r?.link) continue;
          status = await call(base, 'myRegistration.acceptOffer', undefined, r.link);
        } else if (op === 'changeLimit') {
          if (Math.random() < 0.5) {
            const c = pick(event.categories)!;
            const capacity = c.capacity + Math.floor(Math.random() * 11) - 5;
            status = await staffCall('registrationSetup.updateCategory', { eventId, categoryId: c.id, capacity });
          } else {
            const capacity = 15 + Math.floor(Math.random() * 7) - 3;
            status = await staffCall('registrationSetup.updateOption', {
              eventId,
              optionId: pick(event.optionIds)!,
              capacity,
            });
          }
        } else {
          const r = await someone(['confirmed']);
          if (!r) continue;
          status = await staffCall('checkIn.checkIn', { eventId, registrationId: r.id });
        }
        count(op, status);
      }
    };
    await Promise.all(Array.from({ length: clientCount }, client));
    await pool.end();
    // Let promotions started by the last cancellations finish before the rows are read.
    await new Promise((r) => setTimeout(r, 3000));

    console.log('\ncalls (op, outcome: count)');
    for (const [k, v] of [...tally].sort()) console.log(`  ${k.padEnd(24)} ${v}`);
    const { rows: statuses } = await db.query<{ status: string; n: number }>(
      `select status, count(*)::int as n from registrations where event_id = $1 group by status order by status`,
      [eventId],
    );
    console.log(`\nregistrations: ${statuses.map((s) => `${s.status} ${s.n}`).join(', ')}`);
    const sql = readFileSync(new URL('./soak-invariants.sql', import.meta.url), 'utf8');
    const { rows: broken } = await db.query<{ invariant: string; subject: string; detail: string }>(sql, [eventId]);
    if (broken.length === 0) {
      console.log('\nchecker: every limit held, every waiting list consistent');
      return 0;
    }
    console.log(`\nchecker: ${broken.length} broken`);
    const shown = new Map<string, number>();
    for (const b of broken) {
      const seen = (shown.get(b.invariant) ?? 0) + 1;
      shown.set(b.invariant, seen);
      if (seen <= 5) console.log(`  FAIL  ${b.invariant}: ${b.subject}: ${b.detail}`);
    }
    for (const [invariant, n] of shown) if (n > 5) console.log(`  ... ${invariant}: ${n} in all`);
    return 1;
  } finally {
    await stopServers();
    await db.end().catch(() => undefined);
    if (args.keep) console.log(`database kept: ${databaseUrl}`);
    else await root.query(`drop database if exists ${dbName} with (force)`);
    await root.end();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    void stopServers().finally(() => process.exit(2));
  },
);
