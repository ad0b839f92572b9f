import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, schema } from '@plenary/db';
import type { Actor, DomainError } from '@plenary/contracts';
import { createHarness, errorOf, type TestHarness } from '../../testing/harness';
import { participant, registrationEvent } from '../../testing/registration-fixtures';

let h: TestHarness;
let admin: Actor;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('admin@delegations.test', { platformAdmin: true });
});
afterAll(() => h.close());

describe("a delegation's contact is a person", () => {
  it('shows the contact as their person stands, however the contact was typed and whatever changed since', async () => {
    const e = await registrationEvent(h, admin, { slug: 'delegation-contact', categories: [{ code: 'GOV', capacity: 10 }] });
    // The contact already registered under their full name.
    await h.caller(admin).registrations.create({
      eventId: e.eventId,
      categoryId: e.categories.GOV!,
      participant: participant({ email: 'sungho.lee@motie.example', givenName: 'Sungho', familyName: 'Lee' }),
    });
    const d = await h.caller(admin).delegations.create({
      eventId: e.eventId,
      name: 'MOTIE',
      contactName: 'Mr Lee',
      contactEmail: 'Sungho.Lee@motie.example',
      categoryId: e.categories.GOV!,
      members: [{ participant: participant(), answers: {} }],
    });
    expect([d.contactName, d.contactEmail]).toEqual(['Sungho Lee', 'sungho.lee@motie.example']);

    // The person's name is corrected once; the delegation reads it from there.
    const [person] = await h.runtime.db
      .select({ id: schema.persons.id })
      .from(schema.persons)
      .where(eq(schema.persons.email, 'sungho.lee@motie.example'));
    await h.runtime.db.update(schema.persons).set({ givenName: 'Sung-ho' }).where(eq(schema.persons.id, person!.id));
    const [listed] = await h.caller(admin).delegations.list({ eventId: e.eventId });
    expect([listed!.contactName, listed!.contactEmail]).toEqual(['Sung-ho Lee', 'sungho.lee@motie.example']);
    const got = await h.caller(admin).delegations.get({ eventId: e.eventId, delegationId: d.id });
    expect([got.contactName, got.contactEmail]).toEqual(['Sung-ho Lee', 'sungho.lee@motie.example']);
  });

  it('names a new contact with what was typed', async () => {
    const e = await registrationEvent(h, admin, { slug: 'delegation-new-contact', categories: [{ code: 'GOV', capacity: 10 }] });
    const d = await h.caller(admin).delegations.create({
      eventId: e.eventId,
      name: 'MPI',
      contactName: 'Nguyễn Thị Lan',
      contactEmail: 'lan@mpi.example',
      categoryId: e.categories.GOV!,
      members: [{ participant: participant(), answers: {} }],
    });
    expect([d.contactName, d.contactEmail]).toEqual(['Nguyễn Thị Lan', 'lan@mpi.example']);
  });
});

/** Consents of a staff-entered delegation (reg8, item 3): each delegate's, as for one person entered by staff. */
describe('consents on a staff-entered delegation', () => {
  const setup = (slug: string) =>
    registrationEvent(h, admin, {
      slug,
      categories: [{ code: 'GOV', capacity: 10 }],
      consents: [
        { kind: 'privacy', required: true },
        { kind: 'photography', required: false },
      ],
    });
  type Consents = Array<{ kind: 'privacy' | 'photography'; version: number }>;
  const create = (eventId: string, categoryId: string, name: string, consents: Array<Consents | undefined>) =>
    h.caller(admin).delegations.create({
      eventId,
      name,
      contactName: 'Lan',
      contactEmail: `contact@${name.toLowerCase()}.example`,
      categoryId,
      members: consents.map((c) => ({ participant: participant(), answers: {}, ...(c ? { consents: c } : {}) })),
    });

  it('refuses a delegation without the required consent and stores nothing', async () => {
    const e = await setup('delegation-no-consent');
    const err = await errorOf(create(e.eventId, e.categories.GOV!, 'NOCONSENT', [undefined, undefined]));
    expect(err.code).toBe('BAD_REQUEST');
    expect((err.cause as DomainError).fieldErrors).toEqual({ 'consents.privacy': ['You must accept this to register'] });
    const rows = await h.runtime.db
      .select({ id: schema.registrations.id })
      .from(schema.registrations)
      .where(eq(schema.registrations.eventId, e.eventId));
    expect(rows).toEqual([]);
  });

  it('names the delegate whose consent is missing or outdated', async () => {
    const e = await setup('delegation-member-consent');
    const err = await errorOf(
      create(e.eventId, e.categories.GOV!, 'MEMBER', [[{ kind: 'privacy', version: 1 }], [{ kind: 'privacy', version: 2 }], []]),
    );
    expect((err.cause as DomainError).fieldErrors).toEqual({
      'members.1.consents.privacy': ['This text has changed: read the new version and accept it again'],
    });
  });

  it("records each delegate's consents with the version, audited as staff-confirmed", async () => {
    const e = await setup('delegation-consents');
    const d = await create(e.eventId, e.categories.GOV!, 'MPI', [
      [{ kind: 'privacy', version: 1 }],
      [
        { kind: 'privacy', version: 1 },
        { kind: 'photography', version: 1 },
      ],
    ]);
    const ids = d.members.map((m) => m.registrationId);
    const dtos = await Promise.all(ids.map((registrationId) => h.caller(admin).registrations.get({ eventId: e.eventId, registrationId })));
    // Members of one batch share a creation time: compared as a set.
    const each = (lists: string[][]) => lists.map((l) => [...l].sort().join(', ')).sort();
    expect(each(dtos.map((r) => r.consents.map((c) => `${c.kind} v${c.version}`)))).toEqual([
      'photography v1, privacy v1',
      'privacy v1',
    ]);
    const audits = await h.runtime.db
      .select({ objectId: schema.auditLog.objectId, diff: schema.auditLog.diff })
      .from(schema.auditLog)
      .where(and(inArray(schema.auditLog.objectId, ids), eq(schema.auditLog.action, 'registration.create')));
    expect(audits).toHaveLength(2);
    expect(each(audits.map((a) => (a.diff.consentsConfirmedByStaff?.after as string[] | undefined) ?? []))).toEqual([
      'photography v1, privacy v1',
      'privacy v1',
    ]);
  });
});
