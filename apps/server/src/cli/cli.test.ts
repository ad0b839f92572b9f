import { describe, expect, it } from 'vitest';
import { appRouter, createCallerFactory } from '@plenary/contracts';
import { acquireDataDirLock } from '@plenary/db';
import { testEngine } from '@plenary/db/testing';
import { resolveSession } from '../modules/identity/sessions';
import { createServices } from '../services';
import { cookieJar, testRequest } from '../testing/harness';
import { useCliTarget } from '../testing/cli';

// The real CLI in a child process, as an operator runs it: on PGlite against a
// data dir of its own, on PostgreSQL against this file's test database.
const engine = testEngine();
const { cli, withDatabase, dataDir, postgresUrl } = useCliTarget('cli');

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('plenary CLI', () => {
  it('--help lists the commands and the environment, and exits 0', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    for (const word of ['migrate', 'create-admin', 'demo', 'DATABASE_URL', 'PLENARY_DATA_DIR'])
      expect(run.stdout).toContain(word);
  });

  it('refuses a wrong environment variable with a message naming it', async () => {
    const run = await cli(['migrate'], { PORT: 'abc' });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'Plenary cannot start: the configuration is not valid.\n  PORT: PORT must be a number\n',
    );
  });

  it('migrate applies the migrations and reports the counts', async () => {
    const run = await cli(['migrate']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // PostgreSQL test databases are copies of a migrated template; a PGlite data dir starts empty.
    const done =
      engine === 'pglite'
        ? /^Applied (\d+) migrations?: \1 of \1 applied, 0 pending\.$/m
        : /^Nothing to apply: (\d+) of \1 applied, 0 pending\.$/m;
    expect(run.stdout).toMatch(done);
  });

  it('create-admin --json prints one JSON object, and the admin can sign in', async () => {
    const run = await cli([
      'create-admin',
      '--email',
      'Admin@KICOX.example.org',
      '--password',
      'daegu exco 2015',
      '--name',
      'Platform Admin',
      '--json',
    ]);
    // Under --json the lines for people go to stderr, so stdout is the JSON alone.
    const where = postgresUrl()
      ? `PostgreSQL at ${new URL(postgresUrl()!).host}`
      : `embedded PostgreSQL (PGlite) in ${dataDir()}`;
    expect(run.stderr.split('\n')[0]).toBe(`Database: ${where}`);
    expect(run.stderr).toContain(
      'Created the platform administrator admin@kicox.example.org (Platform Admin)',
    );
    expect(run.code).toBe(0);
    expect(run.stdout.endsWith('\n')).toBe(true);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    const created = JSON.parse(run.stdout) as { id: string };
    expect(created).toEqual({
      id: expect.stringMatching(uuid) as unknown,
      email: 'admin@kicox.example.org',
      displayName: 'Platform Admin',
      isPlatformAdmin: true,
    });

    await withDatabase(async (runtime) => {
      const jar = cookieJar();
      const caller = createCallerFactory(appRouter)({
        services: createServices(runtime),
        actor: null,
        request: testRequest(),
        session: jar,
      });
      expect(
        await caller.auth.login({ email: 'admin@kicox.example.org', password: 'daegu exco 2015' }),
      ).toEqual({ secondFactorRequired: false });
      const actor = await resolveSession(runtime, jar.token ?? undefined);
      expect(actor).toMatchObject({
        userId: created.id,
        isPlatformAdmin: true,
        displayName: 'Platform Admin',
      });
      const audit = await runtime.database.query<{ actor_label: string; action: string }>(
        `select actor_label, action from audit_log where object_id = $1`,
        [created.id],
      );
      expect(audit.rows).toEqual([{ actor_label: 'cli', action: 'user.create' }]);
    });
  });

  it('create-admin --password-stdin reads the password from standard input, and wants exactly one of the two', async () => {
    const run = await cli(
      ['create-admin', '--email', 'stdin-admin@kicox.example.org', '--password-stdin', '--json'],
      {},
      'read from stdin 2015\n',
    );
    expect([run.code, (JSON.parse(run.stdout) as { email: string }).email]).toEqual([
      0,
      'stdin-admin@kicox.example.org',
    ]);
    const signedIn = await withDatabase(async (runtime) => {
      const caller = createCallerFactory(appRouter)({
        services: createServices(runtime),
        actor: null,
        request: testRequest(),
        session: cookieJar(),
      });
      return caller.auth.login({ email: 'stdin-admin@kicox.example.org', password: 'read from stdin 2015' });
    });
    expect(signedIn).toMatchObject({ secondFactorRequired: false });
    const neither = await cli(['create-admin', '--email', 'x@kicox.example.org']);
    const both = await cli([
      'create-admin',
      '--email',
      'x@kicox.example.org',
      '--password',
      'p'.repeat(12),
      '--password-stdin',
    ]);
    for (const r of [neither, both])
      expect([r.code, r.stderr.trim()]).toEqual([
        1,
        'Give the password with --password or --password-stdin (one of them).',
      ]);
  }, 180_000);

  it('create-admin with an email that exists says so and exits 1', async () => {
    const run = await cli([
      'create-admin',
      '--email',
      'admin@kicox.example.org',
      '--password',
      'another password',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'An account with the email admin@kicox.example.org already exists; nothing was changed.\n',
    );
    expect(run.stdout).toMatch(/^Database: /);
    expect(run.stdout).not.toContain('Created');
  });

  it('demo loads tci-2015 once, however often it runs', async () => {
    const first = await cli(['demo', '--json']);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as {
      created: { events: Array<{ slug: string; status: string }> };
      eventIds: Record<string, string>;
    };
    expect(report.created.events.map((e) => [e.slug, e.status])).toEqual([
      ['tci-2015', 'published'],
      ['tci-2016', 'draft'],
    ]);

    const second = await cli(['demo']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('The demo data is already loaded: nothing was added.');
    expect(second.stdout).toContain('with the password tci-daegu-2015');

    await withDatabase(async (runtime) => {
      const events = await runtime.database.query<{ id: string; slug: string }>(
        `select id, slug from events order by slug`,
      );
      expect(events.rows).toEqual([
        { id: report.eventIds['tci-2015'], slug: 'tci-2015' },
        { id: report.eventIds['tci-2016'], slug: 'tci-2016' },
      ]);
    });
  }, 180_000);

  it.skipIf(engine !== 'pglite')('refuses to open a data dir that another process holds', async () => {
    const lock = acquireDataDirLock(dataDir());
    try {
      const run = await cli(['demo']);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `The embedded database in ${dataDir()} is in use by another Plenary process (pid ${process.pid}). ` +
          'Stop that process first (a CLI command cannot share the embedded database with a running server), ' +
          'or run both against PostgreSQL with DATABASE_URL.\n',
      );
    } finally {
      lock.release();
    }
  });
});
