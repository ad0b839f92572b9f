import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { DomainError, organisationMatchKey, zodFieldErrors, type Actor } from '@plenary/contracts';
import { eq, schema, sql } from '@plenary/db';
import { inTransaction } from '../../core/runtime';
import { selectRows } from '../../core/sql';
import { createHarness, errorOf, type AppCaller, type TestHarness } from '../../testing/harness';
import { participant, registrationEvent } from '../../testing/registration-fixtures';
import * as repo from './organisations.repo';
import { resolveOrganisations } from './organisations.service';

let h: TestHarness;
let admin: Actor;
let staff: AppCaller;
let e: Awaited<ReturnType<typeof registrationEvent>>;

beforeAll(async () => {
  h = await createHarness({ poolSize: 12 });
  admin = await h.signUp('admin@kicox.example', { platformAdmin: true });
  staff = h.caller(admin);
  e = await registrationEvent(h, admin, { slug: 'orgs', categories: [{ code: 'SME', capacity: 500 }] });
});
afterAll(() => h.close());

async function domainErrorOf(p: Promise<unknown>) {
  const err = await errorOf(p);
  if (err.cause instanceof ZodError) return { code: 'INVALID_INPUT', fieldErrors: zodFieldErrors(err.cause) };
  const cause = err.cause instanceof DomainError ? err.cause : null;
  return { code: cause?.code, fieldErrors: cause?.fieldErrors };
}

async function register(organisation: string, country: string) {
  const r = await staff.registrations.create({
    eventId: e.eventId,
    categoryId: e.categories.SME!,
    participant: participant({ organisation, country }),
    sendConfirmation: false,
  });
  const [row] = await h.runtime.db
    .select({ organisationId: schema.registrations.organisationId })
    .from(schema.registrations)
    .where(eq(schema.registrations.id, r.id));
  return { id: r.id, organisationId: row!.organisationId };
}

describe('the match key', () => {
  // The migration computes the key in SQL; it must agree with the contracts on both engines.
  const spellings = [
    'KICOX',
    ' kicox ',
    'ＫＩＣＯＸ',
    'Daegu Technopark (DTP)',
    'Co., Ltd.\tSamsung',
    '한국산업단지공단',
    '한국산업단지공단\u3000(KICOX)',
    'Société Générale',
    'ÉCOLE  Polytechnique',
    'U.S. Economic Development Administration',
    '---',
  ];

  it('folds case, width, punctuation and spacing, and nothing else', () => {
    expect(spellings.map(organisationMatchKey)).toEqual([
      'kicox',
      'kicox',
      'kicox',
      'daegu technopark dtp',
      'co ltd samsung',
      '한국산업단지공단',
      '한국산업단지공단 kicox',
      'société générale',
      'École polytechnique',
      'u s economic development administration',
      '',
    ]);
  });

  it('is what the migration computes in SQL', async () => {
    // The key expression exactly as the migration writes it (taken from its first statement).
    const migration = readFileSync(
      new URL('../../../../../packages/db/custom/orgs.sql', import.meta.url),
      'utf8',
    );
    const expr = /select (btrim\(regexp_replace\(.*?\), ' '\)) as k, name from partners/.exec(migration)?.[1];
    expect(expr).toBeDefined();
    for (const spelling of spellings) {
      const [row] = await selectRows<{ k: string }>(
        h.runtime.db,
        sql`select ${sql.raw(expr!.replaceAll('name', '$1'.replace('$1', 'x.name')))} as k from (select ${spelling}::text as name) x`,
      );
      expect([spelling, row!.k]).toEqual([spelling, organisationMatchKey(spelling)]);
    }
  });
});

describe('organisations of registrations', () => {
  it('matches spellings of one name in one country, and keeps countries apart', async () => {
    const a = await register('Daegu Technopark', 'KR');
    const b = await register('DAEGU  technopark.', 'KR');
    const c = await register('Daegu Technopark', 'VN');
    expect(a.organisationId).not.toBeNull();
    expect(b.organisationId).toBe(a.organisationId);
    expect(c.organisationId).not.toBe(a.organisationId);
    const dto = await staff.organisations.get({ organisationId: a.organisationId! });
    expect(dto).toMatchObject({
      name: { en: 'Daegu Technopark' },
      country: 'KR',
      type: 'other',
      registrations: 2,
    });
  });

  it('names a Korean name as Korean, and a partner (no country) matches from anywhere', async () => {
    const k = await register('한국산업단지공단', 'KR');
    expect((await staff.organisations.get({ organisationId: k.organisationId! })).name).toEqual({
      ko: '한국산업단지공단',
    });
    const kotra = await staff.partners.create({ name: 'KOTRA', contactEmail: null });
    const [p] = await h.runtime.db
      .select({ organisationId: schema.partners.organisationId })
      .from(schema.partners)
      .where(eq(schema.partners.id, kotra.id));
    expect((await register('Kotra', 'VN')).organisationId).toBe(p!.organisationId);
    expect((await register('kotra', 'US')).organisationId).toBe(p!.organisationId);
  });

  it('follows a staff correction of the organisation', async () => {
    const r = await register('Gumi Electronics', 'KR');
    await staff.registrations.update({
      eventId: e.eventId,
      registrationId: r.id,
      participant: { organisation: 'Daegu Technopark' },
    });
    const [row] = await h.runtime.db
      .select({ organisationId: schema.registrations.organisationId })
      .from(schema.registrations)
      .where(eq(schema.registrations.id, r.id));
    const dtp = await staff.organisations.list({ search: 'daegu technopark', country: 'KR' });
    expect(dtp.items.map((o) => o.id)).toEqual([row!.organisationId]);
  });

  it('creates a new name once when 12 transactions type it at the same moment', async () => {
    const at = h.runtime.now();
    const ids = await Promise.all(
      Array.from({ length: 12 }, () =>
        inTransaction(
          h.runtime,
          async ({ tx }) =>
            (await resolveOrganisations(tx, [{ name: 'Ulsan Cluster Agency', country: 'KR' }], at))[0],
        ),
      ),
    );
    expect(new Set(ids).size).toBe(1);
    const made = await staff.organisations.list({ search: 'Ulsan Cluster Agency' });
    expect(made.total).toBe(1);
  });

  it('control: find-then-insert without claiming the name makes duplicates under the same load', async () => {
    // The naive way (look, then insert) that the name's primary key replaces. It has to
    // overshoot at least once in a few rounds, or the test above proves nothing.
    let worst = 1;
    for (let round = 0; round < 5 && worst === 1; round++) {
      const name = `Pohang Steel Cluster ${round}`;
      const key = { matchKey: organisationMatchKey(name), countryKey: 'KR' };
      await Promise.all(
        Array.from({ length: 12 }, () =>
          inTransaction(h.runtime, async ({ tx }) => {
            const found = await repo.findByNames(tx, [key]);
            if (found.size) return;
            await tx.execute(sql`select pg_sleep(0.05)`);
            await repo.insertOrganisation(tx, { name: { en: name }, country: 'KR' });
          }),
        ),
      );
      const [row] = await selectRows<{ n: number }>(
        h.runtime.db,
        sql`select count(*)::int as n from organisations where name->>'en' = ${name}`,
      );
      worst = Math.max(worst, row!.n);
    }
    expect(worst).toBeGreaterThan(1);
  });
});

describe('managing organisations (platform admin)', () => {
  it('creates, refuses a name another organisation holds, edits and re-keys by country', async () => {
    const eda = await staff.organisations.create({
      name: { en: 'U.S. Economic Development Administration', ko: '미국 경제개발청' },
      country: 'US',
      type: 'government_agency',
      website: 'https://www.eda.gov',
    });
    expect(eda).toMatchObject({ type: 'government_agency', aliases: [], registrations: 0 });
    expect(
      await domainErrorOf(
        staff.organisations.create({
          name: { en: 'u.s. economic development administration' },
          country: 'US',
        }),
      ),
    ).toEqual({
      code: 'CONFLICT',
      fieldErrors: { 'name.en': ['Another organisation has this name: merge the two instead'] },
    });
    expect(
      await domainErrorOf(staff.organisations.create({ name: { en: 'X' }, website: 'javascript:alert(1)' })),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { website: ['Enter an address starting with https://'] },
    });
    const tci = await staff.organisations.update({
      organisationId: eda.id,
      name: eda.name,
      country: null,
      type: 'government_agency',
      website: null,
    });
    expect(tci.country).toBeNull();
    // With no country it matches a registrant from anywhere.
    expect((await register('U.S. Economic Development Administration', 'KR')).organisationId).toBe(eda.id);
  });

  it('merges duplicates: references move, their names become aliases and match from then on', async () => {
    const a = await register('TCI Network', 'ES');
    const b = await register('The TCI Network', 'ES');
    expect(b.organisationId).not.toBe(a.organisationId);
    const merged = await staff.organisations.merge({
      survivorId: a.organisationId!,
      duplicateIds: [b.organisationId!],
    });
    expect(merged).toMatchObject({ id: a.organisationId, aliases: ['The TCI Network'], registrations: 2 });
    expect((await register('the tci network', 'ES')).organisationId).toBe(a.organisationId);
    expect(await domainErrorOf(staff.organisations.get({ organisationId: b.organisationId! }))).toMatchObject(
      { code: 'NOT_FOUND' },
    );
    expect(
      await domainErrorOf(
        staff.organisations.merge({ survivorId: a.organisationId!, duplicateIds: [b.organisationId!] }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await domainErrorOf(
        staff.organisations.merge({ survivorId: a.organisationId!, duplicateIds: [a.organisationId!] }),
      ),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { duplicateIds: ['An organisation cannot be merged into itself'] },
    });
    const log = await staff.audit.listPlatform({ objectType: 'organisation' });
    expect(log.entries.filter((x) => x.action === 'organisation.merge').map((x) => x.objectId)).toEqual([
      a.organisationId,
    ]);
  });

  it("moves the later modules' references too (agreement parties, fair profiles), and refuses a merge that would name one twice", async () => {
    const a = await register('Brainport Development', 'NL');
    const b = await register('Brainport Development N.V.', 'NL');
    const c = await register('Brainport Dev.', 'NL');
    const [survivor, duplicate, third] = [a.organisationId!, b.organisationId!, c.organisationId!];
    const mou = await staff.agreements.create({
      eventId: e.eventId,
      kind: 'mou',
      title: { en: 'Cluster exchange' },
    });
    await staff.agreements.setParties({
      eventId: e.eventId,
      agreementId: mou.id,
      parties: [
        { organisationId: duplicate, signatories: [] },
        { organisationId: third, signatories: [] },
      ],
    });
    await staff.b2b.setUpFair({
      eventId: e.eventId,
      date: '2015-11-04',
      startTime: '10:00',
      endTime: '11:00',
      slotMinutes: 30,
      tables: ['A1'],
    });
    const profile = await staff.b2b.saveProfile({
      eventId: e.eventId,
      side: 'buyer',
      country: 'NL',
      organisationId: duplicate,
      products: [{ hsCode: '8708', description: 'auto parts', keywords: [] }],
      languages: ['en'],
    });
    const partiesOf = async () =>
      (
        await h.runtime.db
          .select({ id: schema.agreementParties.organisationId })
          .from(schema.agreementParties)
          .where(eq(schema.agreementParties.agreementId, mou.id))
      )
        .map((r) => r.id)
        .sort();

    // The duplicate and the third are parties to one agreement: merging them would name it twice.
    expect(
      await domainErrorOf(staff.organisations.merge({ survivorId: third, duplicateIds: [duplicate] })),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(await partiesOf()).toEqual([duplicate, third].sort());

    await staff.organisations.merge({ survivorId: survivor, duplicateIds: [duplicate] });
    expect(await partiesOf()).toEqual([survivor, third].sort());
    const [moved] = await h.runtime.db
      .select({ id: schema.b2bProfiles.organisationId })
      .from(schema.b2bProfiles)
      .where(eq(schema.b2bProfiles.id, profile.id));
    expect(moved?.id).toBe(survivor);
    // The migration test below starts from organisations nothing else points to.
    await h.runtime.db.delete(schema.agreementParties).where(eq(schema.agreementParties.agreementId, mou.id));
    await h.runtime.db.delete(schema.b2bFairs).where(eq(schema.b2bFairs.eventId, e.eventId));
  });

  it('searches names in either language and aliases, by type and country, a page at a time', async () => {
    const byAlias = await staff.organisations.list({ search: 'the tci' });
    expect(byAlias.items.map((o) => o.name.en)).toEqual(['TCI Network']);
    const byKo = await staff.organisations.list({ search: '경제개발' });
    expect(byKo.items.map((o) => o.name.en)).toEqual(['U.S. Economic Development Administration']);
    const agencies = await staff.organisations.list({ type: 'government_agency' });
    expect(agencies.total).toBe(1);
    const page = await staff.organisations.list({ limit: 2, offset: 0 });
    const rest = await staff.organisations.list({ limit: 200, offset: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(rest.items.length + 2);
    expect((await staff.organisations.list({ search: '%' })).total).toBe(0);
  });
});

describe('the migration of what was typed before', () => {
  it('gives every partner and registration its organisation, matching as the service does', async () => {
    // Rows as the last release left them: no organisation links.
    await h.runtime.db.update(schema.registrations).set({ organisationId: null });
    await h.runtime.db.update(schema.partners).set({ organisationId: null });
    await h.runtime.db.delete(schema.organisationNames);
    await h.runtime.db.delete(schema.organisations);
    const migration = readFileSync(
      new URL('../../../../../packages/db/custom/orgs.sql', import.meta.url),
      'utf8',
    );
    for (const statement of migration.split('--> statement-breakpoint'))
      await h.runtime.db.execute(sql.raw(statement));
    const rows = await h.runtime.db
      .select({
        organisation: schema.registrations.organisation,
        country: schema.persons.country,
        organisationId: schema.registrations.organisationId,
      })
      .from(schema.registrations)
      .innerJoin(schema.persons, eq(schema.persons.id, schema.registrations.personId));
    expect(rows.filter((r) => r.organisationId === null)).toEqual([]);
    // The service, asked the same names afterwards, finds the migration's organisations.
    const again = await inTransaction(h.runtime, ({ tx }) =>
      resolveOrganisations(
        tx,
        rows.map((r) => ({ name: r.organisation, country: r.country })),
        h.runtime.now(),
      ),
    );
    expect(again).toEqual(rows.map((r) => r.organisationId));
    const [partner] = await h.runtime.db
      .select()
      .from(schema.partners)
      .where(eq(schema.partners.name, 'KOTRA'));
    expect(rows.filter((r) => r.organisation.toLowerCase() === 'kotra').map((r) => r.organisationId)).toEqual(
      [partner!.organisationId, partner!.organisationId],
    );
  });
});
