import { beforeAll, describe, expect, it } from 'vitest';
import { apiScopes } from '@plenary/contracts';
import { schema } from '@plenary/db';
import { createPartnerAccess } from '../modules/partners/partners.service';
import { useCliTarget } from '../testing/cli';

// `plenary partner create` and `plenary api-key create` in a child process, as an
// operator runs them (see cli.test.ts for the pattern).
const { cli, withDatabase } = useCliTarget('cli-partners');

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('plenary partner and api-key', () => {
  let partnerId = '';
  let eventId = '';

  beforeAll(async () => {
    // The reference event, published, to issue keys for (written straight to the table).
    expect((await cli(['migrate'])).code).toBe(0);
    eventId = await withDatabase(async (runtime) => {
      const [row] = await runtime.db
        .insert(schema.events)
        .values({
          slug: 'tci-2015',
          title: { en: '18th TCI Global Conference' },
          startsAt: new Date('2015-11-03T00:00:00Z'),
          endsAt: new Date('2015-11-06T09:00:00Z'),
          timeZone: 'Asia/Seoul',
          status: 'published',
        })
        .returning({ id: schema.events.id });
      return row!.id;
    });
  }, 120_000);

  it('partner create --json prints one JSON object with the new partner', async () => {
    const run = await cli([
      'partner',
      'create',
      '--name',
      'KOTRA',
      '--contact-email',
      'API@kotra.example',
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    const partner = JSON.parse(run.stdout) as { id: string; createdAt: string };
    expect(partner).toEqual({
      id: expect.stringMatching(uuid) as unknown,
      name: 'KOTRA',
      contactEmail: 'api@kotra.example',
      eventIds: [],
      createdAt: partner.createdAt,
    });
    expect(run.stderr).toContain(`Created the partner KOTRA, id ${partner.id}.`);
    partnerId = partner.id;
  });

  it('partner create refuses a name in use (any case) and a bad email, and exits 1', async () => {
    const dup = await cli(['partner', 'create', '--name', 'kotra']);
    expect([dup.code, dup.stderr]).toEqual([
      1,
      'A partner named "kotra" already exists; nothing was changed.\n',
    ]);
    const bad = await cli(['partner', 'create', '--name', 'KICOX', '--contact-email', 'nope']);
    expect([bad.code, bad.stderr]).toEqual([
      1,
      'The partner was not created:\n  --contact-email: Enter a valid email address\n',
    ]);
  });

  it('api-key create --json prints the key once; the key opens the API for that partner and event', async () => {
    const run = await cli([
      'api-key',
      'create',
      '--partner',
      'kotra',
      '--event',
      'tci-2015',
      '--scopes',
      'events:read,registrations:write',
      '--name',
      'Delegation sync',
      '--rate-limit',
      '600',
      '--json',
    ]);
    expect(run.stderr).not.toContain('Error');
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    const created = JSON.parse(run.stdout) as { id: string; key: string; prefix: string };
    expect(created).toEqual({
      id: expect.stringMatching(uuid) as unknown,
      partnerId,
      eventId,
      name: 'Delegation sync',
      prefix: created.key.slice(0, 14),
      scopes: ['events:read', 'registrations:write'],
      requestsPerMinute: 600,
      key: expect.stringMatching(/^plk_[A-Za-z0-9]{10}_[A-Za-z0-9]{43}$/) as unknown,
    });
    expect(run.stderr).toContain(`The key, shown this once (store it now): ${created.key}`);

    await withDatabase(async (runtime) => {
      expect(await createPartnerAccess(runtime).partnerKey(created.key)).toEqual({
        apiKeyId: created.id,
        partnerId,
        partnerName: 'KOTRA',
        eventId,
        scopes: ['events:read', 'registrations:write'],
        requestsPerMinute: 600,
      });
      const audit = await runtime.database.query<{ actor_label: string; action: string }>(
        `select actor_label, action from audit_log where object_id in ($1, $2) order by at`,
        [partnerId, created.id],
      );
      expect(audit.rows).toEqual([
        { actor_label: 'cli', action: 'partner.create' },
        { actor_label: 'cli', action: 'apiKey.create' },
      ]);
    });
  });

  it('api-key create by partner id for every event prints the key for people', async () => {
    const run = await cli([
      'api-key',
      'create',
      '--partner',
      partnerId,
      '--all-events',
      '--scopes',
      'events:read',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Created the API key plk_\w{10} for KOTRA on every published event \(scopes: events:read; the server's default rate limit\), id /m,
    );
    expect(run.stdout).toMatch(/^The key, shown this once \(store it now\): plk_\w{10}_\w{43}$/m);
  });

  it('api-key create refuses an unknown scope, or no event choice, before opening the database', async () => {
    const scope = await cli([
      'api-key',
      'create',
      '--partner',
      'KOTRA',
      '--event',
      'tci-2015',
      '--scopes',
      'events:read,everything',
    ]);
    expect([scope.code, scope.stdout, scope.stderr]).toEqual([
      1,
      '',
      // Every scope the API knows, so a module's new scope needs no edit here.
      `Unknown scope everything: use ${apiScopes.join(', ')} (comma-separated).\n`,
    ]);
    const neither = await cli(['api-key', 'create', '--partner', 'KOTRA', '--scopes', 'events:read']);
    expect([neither.code, neither.stderr]).toEqual([
      1,
      'Give either --event <id or slug> or --all-events.\n',
    ]);
  });

  it('api-key create refuses an unknown partner or event, and exits 1', async () => {
    const partner = await cli([
      'api-key',
      'create',
      '--partner',
      'Nobody',
      '--event',
      'tci-2015',
      '--scopes',
      'events:read',
    ]);
    expect([partner.code, partner.stderr]).toEqual([
      1,
      'No partner "Nobody": create it first with "plenary partner create --name ..."\n',
    ]);
    const event = await cli([
      'api-key',
      'create',
      '--partner',
      'KOTRA',
      '--event',
      'tci-1999',
      '--scopes',
      'events:read',
    ]);
    expect([event.code, event.stderr]).toEqual([1, 'No event "tci-1999" (give its id or slug)\n']);
  });
});
