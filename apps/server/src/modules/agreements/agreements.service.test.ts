import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Actor, Clause } from '@plenary/contracts';
import { eq, schema } from '@plenary/db';
import { createHarness, errorOf, tciEvent, type TestHarness } from '../../testing/harness';
import { signInPerson } from '../../testing/persons';
import { insertMember } from '../team/team.repo';

let h: TestHarness;
let owner: Actor;
let staff: Actor;
let eventId: string;
let kicox: string;
let eda: string;
let tci: string;

const signatory = (email: string, givenName: string, familyName: string, title: string) => ({
  email,
  givenName,
  familyName,
  title: { en: title },
});

/** Text in four scripts, as the issue asks: Korean, accented Latin, Arabic, Chinese. */
const v1: Clause[] = [
  {
    key: 'purpose',
    heading: { ko: '제1조 (목적)', en: 'Article 1 (Purpose)' },
    body: {
      ko: '양 기관은 산업단지 클러스터 분야에서 협력한다.',
      en: 'The Parties shall cooperate on industrial cluster development.',
    },
  },
  {
    key: 'scripts',
    heading: { en: 'Article 2 (Languages)' },
    body: { en: 'Coopération économique — التعاون الاقتصادي — 经济合作 — 경제 협력', ko: '  앞뒤 공백도 그대로  ' },
  },
];
const v2: Clause[] = [
  {
    key: 'purpose',
    heading: { ko: '제1조 (목적)', en: 'Article 1 (Purpose)' },
    body: {
      ko: '양 기관은 산업단지 및 혁신 클러스터 분야에서 긴밀히 협력한다.',
      en: 'The Parties shall closely cooperate on industrial and innovation cluster development.',
    },
  },
  v1[1]!,
];

beforeAll(async () => {
  h = await createHarness();
  owner = await h.signUp('owner@kicox.example', { platformAdmin: true });
  staff = await h.signUp('staff@kicox.example');
  eventId = (await h.caller(owner).events.create(tciEvent)).id;
  await h.caller(owner).events.transition({ eventId, to: 'publish' });
  await insertMember(h.runtime.db, { eventId, userId: staff.userId, role: 'staff' });
  const org = (en: string, ko: string, country: string | null) =>
    h.caller(owner).organisations.create({ name: { en, ko }, country, type: 'public_corporation', website: null });
  kicox = (await org('Korea Industrial Complex Corporation (KICOX)', '한국산업단지공단', 'KR')).id;
  eda = (await org('U.S. Economic Development Administration', '미국 경제개발청', 'US')).id;
  tci = (await org('TCI Network', 'TCI 네트워크', null)).id;
});
afterAll(() => h.close());

async function draftMou() {
  const api = h.caller(staff);
  const mou = await api.agreements.create({
    eventId,
    kind: 'mou',
    title: { ko: '산업단지 클러스터 협력 양해각서', en: 'MOU on Industrial Cluster Cooperation' },
    effectiveOn: '2015-10-15',
    expiresOn: '2018-10-14',
  });
  await api.agreements.setParties({
    eventId,
    agreementId: mou.id,
    parties: [
      { organisationId: kicox, signatories: [signatory('ceo@kicox.example', 'Hyung-pyo', 'Kang', 'Chairman & CEO')] },
      { organisationId: eda, signatories: [signatory('as@eda.example', 'Jay', 'Williams', 'Assistant Secretary')] },
    ],
  });
  return mou;
}

describe('versions', () => {
  it('numbers each save, hashes it, returns text in any script unchanged, and refuses a stale base', async () => {
    const mou = await draftMou();
    const api = h.caller(staff);
    const first = await api.agreements.saveText({ eventId, agreementId: mou.id, baseVersion: null, clauses: v1 });
    expect(first.number).toBe(1);
    expect(first.createdBy).toBe('staff');
    const second = await api.agreements.saveText({ eventId, agreementId: mou.id, baseVersion: 1, clauses: v2 });
    expect(second.number).toBe(2);
    expect(second.sha256).not.toBe(first.sha256);

    const stale = await errorOf(api.agreements.saveText({ eventId, agreementId: mou.id, baseVersion: 1, clauses: v1 }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toBe('Someone saved version 2 meanwhile: reload it and apply your change again');

    const back = await api.agreements.version({ eventId, agreementId: mou.id, number: 1 });
    expect(back.clauses).toEqual(v1);
    expect(back.clauses[1]!.body.ko).toBe('  앞뒤 공백도 그대로  ');
    expect((await api.agreements.versions({ eventId, agreementId: mou.id })).map((v) => v.number)).toEqual([2, 1]);

    // The same text again is not a new version.
    const again = await api.agreements.saveText({ eventId, agreementId: mou.id, baseVersion: 2, clauses: v2 });
    expect(again.number).toBe(2);
  });

  it('keeps versions immutable in the database itself', async () => {
    const mou = await draftMou();
    await h.caller(staff).agreements.saveText({ eventId, agreementId: mou.id, baseVersion: null, clauses: v1 });
    const attempt = h.runtime.db
      .update(schema.agreementVersions)
      .set({ sha256: 'forged' })
      .where(eq(schema.agreementVersions.agreementId, mou.id));
    await expect(attempt).rejects.toThrow();
    const [row] = await h.runtime.db
      .select({ sha256: schema.agreementVersions.sha256 })
      .from(schema.agreementVersions)
      .where(eq(schema.agreementVersions.agreementId, mou.id));
    expect(row!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('shows a redline between two versions, word-level in English and by segment in Korean', async () => {
    const mou = await draftMou();
    const api = h.caller(staff);
    await api.agreements.saveText({ eventId, agreementId: mou.id, baseVersion: null, clauses: v1 });
    await api.agreements.saveText({ eventId, agreementId: mou.id, baseVersion: 1, clauses: v2 });
    const r = await api.agreements.redline({ eventId, agreementId: mou.id, from: 1, to: 2 });
    expect(r.clauses.map((c) => [c.key, c.change])).toEqual([
      ['purpose', 'changed'],
      ['scripts', 'unchanged'],
    ]);
    expect(r.clauses[0]!.body.en).toEqual([
      { kind: 'same', text: 'The Parties shall ' },
      { kind: 'added', text: 'closely ' },
      { kind: 'same', text: 'cooperate on industrial ' },
      { kind: 'added', text: 'and innovation ' },
      { kind: 'same', text: 'cluster development.' },
    ]);
    expect(r.clauses[0]!.body.ko).toEqual([
      { kind: 'same', text: '양 기관은 산업단지 ' },
      { kind: 'added', text: '및 혁신 ' },
      { kind: 'same', text: '클러스터 분야에서 ' },
      { kind: 'added', text: '긴밀히 ' },
      { kind: 'same', text: '협력한다.' },
    ]);
    const missing = await errorOf(api.agreements.redline({ eventId, agreementId: mou.id, from: 1, to: 9 }));
    expect(missing.code).toBe('NOT_FOUND');
  });
});

describe('life cycle', () => {
  it('follows the transitions table, records the signed version, and freezes the text', async () => {
    const mou = await draftMou();
    const api = h.caller(owner);
    await h.caller(staff).agreements.saveText({ eventId, agreementId: mou.id, baseVersion: null, clauses: v1 });
    const v = await h.caller(staff).agreements.saveText({ eventId, agreementId: mou.id, baseVersion: 1, clauses: v2 });

    const wrong = await errorOf(api.agreements.transition({ eventId, agreementId: mou.id, to: 'record_signature' }));
    expect(wrong.code).toBe('CONFLICT');
    expect(wrong.message).toBe('A draft agreement cannot be changed with "record_signature"');
    const adopt = await errorOf(api.agreements.transition({ eventId, agreementId: mou.id, to: 'adopt' }));
    expect(adopt.message).toBe('A draft agreement cannot be changed with "adopt"');

    expect((await api.agreements.transition({ eventId, agreementId: mou.id, to: 'negotiate' })).status).toBe('negotiation');
    const approved = await api.agreements.transition({ eventId, agreementId: mou.id, to: 'approve' });
    expect(approved.transitions).toEqual(['negotiate', 'send_for_signature']);
    await api.agreements.transition({ eventId, agreementId: mou.id, to: 'send_for_signature' });

    const frozen = await errorOf(
      h.caller(staff).agreements.saveText({ eventId, agreementId: mou.id, baseVersion: 2, clauses: v1 }),
    );
    expect(frozen.message).toBe('The text is fixed once it is out for signature or adopted: reopen negotiation to change it');

    const signed = await api.agreements.transition({ eventId, agreementId: mou.id, to: 'record_signature', on: '2015-10-15' });
    expect(signed.status).toBe('signed');
    expect(signed.signedOn).toBe('2015-10-15');
    expect(signed.signedVersion).toEqual({ number: 2, sha256: v.sha256 });
    const inEffect = await api.agreements.transition({ eventId, agreementId: mou.id, to: 'bring_into_effect' });
    expect(inEffect.status).toBe('in_effect');
    expect(inEffect.effectiveOn).toBe('2015-10-15');

    const events = await h.runtime.db
      .select({ type: schema.domainEvents.type, data: schema.domainEvents.data })
      .from(schema.domainEvents)
      .where(eq(schema.domainEvents.subjectId, mou.id));
    expect(events.map((e) => e.type)).toEqual(['agreement.signed']);
    expect(events[0]!.data).toEqual({
      agreement: {
        id: mou.id,
        eventId,
        kind: 'mou',
        title: { ko: '산업단지 클러스터 협력 양해각서', en: 'MOU on Industrial Cluster Cooperation' },
        versionNumber: 2,
        versionSha256: v.sha256,
      },
    });
    const audit = await h.runtime.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.objectId, mou.id));
    expect(audit.map((a) => a.action)).toEqual([
      'agreement.create',
      'agreement.parties',
      'agreement.text',
      'agreement.text',
      'agreement.negotiate',
      'agreement.approve',
      'agreement.send_for_signature',
      'agreement.record_signature',
      'agreement.bring_into_effect',
    ]);

    // A renewal links to the original and starts as a draft with its parties and text.
    await api.agreements.transition({ eventId, agreementId: mou.id, to: 'renew' });
    const original = await api.agreements.get({ eventId, agreementId: mou.id });
    expect(original.status).toBe('renewed');
    const renewal = await api.agreements.get({ eventId, agreementId: original.renewedById! });
    expect(renewal.status).toBe('draft');
    expect(renewal.renewalOfId).toBe(mou.id);
    expect(renewal.parties.map((p) => p.name.en)).toEqual([
      'Korea Industrial Complex Corporation (KICOX)',
      'U.S. Economic Development Administration',
    ]);
    expect((await api.agreements.version({ eventId, agreementId: renewal.id, number: 1 })).sha256).toBe(v.sha256);
  });

  it('refuses to send an MOU for signature without two parties each with a signatory', async () => {
    const api = h.caller(owner);
    const mou = await api.agreements.create({ eventId, kind: 'mou', title: { en: 'One-sided' } });
    await api.agreements.saveText({ eventId, agreementId: mou.id, baseVersion: null, clauses: v1 });
    await api.agreements.setParties({ eventId, agreementId: mou.id, parties: [{ organisationId: kicox, signatories: [] }] });
    await api.agreements.transition({ eventId, agreementId: mou.id, to: 'approve' });
    const err = await errorOf(api.agreements.transition({ eventId, agreementId: mou.id, to: 'send_for_signature' }));
    expect(err.message).toBe('An MOU needs at least two parties, each with a signatory');
  });

  it('does not show an agreement of another event', async () => {
    const other = (await h.caller(owner).events.create({ ...tciEvent, slug: 'tci-2016' })).id;
    const mou = await draftMou();
    const err = await errorOf(h.caller(owner).agreements.get({ eventId: other, agreementId: mou.id }));
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toBe('No such agreement in this event');
  });
});

describe('declarations and endorsements', () => {
  it('adopts a declaration, takes endorsements from signed-in persons, shows them only once verified', async () => {
    const api = h.caller(owner);
    const decl = await api.agreements.create({
      eventId,
      kind: 'declaration',
      title: { ko: '대구 클러스터 선언', en: 'Daegu Cluster Declaration' },
    });
    await api.agreements.setParties({
      eventId,
      agreementId: decl.id,
      parties: [{ organisationId: kicox, signatories: [] }, { organisationId: tci, signatories: [] }],
    });
    await api.agreements.saveText({ eventId, agreementId: decl.id, baseVersion: null, clauses: v1 });
    await api.agreements.transition({ eventId, agreementId: decl.id, to: 'approve' });
    const needs = await errorOf(api.agreements.transition({ eventId, agreementId: decl.id, to: 'adopt' }));
    expect(needs.message).toBe('Say at which session and when it was adopted');
    const adopted = await api.agreements.transition({
      eventId,
      agreementId: decl.id,
      to: 'adopt',
      adoptedAtSession: 'Closing session',
      adoptedAt: '2015-11-06T17:00:00+09:00',
    });
    expect(adopted.adoption).toEqual({ session: 'Closing session', at: '2015-11-06T08:00:00.000Z' });

    const { person } = await signInPerson(h, 'endorser@clusters.example');
    const portal = h.caller(null, {}, { person });
    const hidden = await errorOf(
      portal.portalAgreements.endorse({ slug: 'tci-2015', agreementId: decl.id, name: 'Itziar Ibarra', organisation: 'Basque Clusters', country: 'ES', title: 'Director' }),
    );
    expect(hidden.code).toBe('NOT_FOUND');

    await api.agreements.setPublished({ eventId, agreementId: decl.id, published: true });
    const endorsed = await portal.portalAgreements.endorse({
      slug: 'tci-2015',
      agreementId: decl.id,
      name: 'Itziar Ibarra', organisation: 'Basque Clusters',
      country: 'ES',
      title: 'Director',
    });
    expect(endorsed).toEqual({ status: 'pending' });
    const twice = await errorOf(
      portal.portalAgreements.endorse({ slug: 'tci-2015', agreementId: decl.id, name: 'Itziar Ibarra', organisation: 'Basque Clusters', country: 'ES', title: 'Director' }),
    );
    expect(twice.code).toBe('CONFLICT');

    const before = await h.caller(null).portalAgreements.agreement({ slug: 'tci-2015', agreementId: decl.id });
    expect(before.endorsements).toEqual([]);
    expect(before.endorsementsByCountry).toEqual([]);

    const [pending] = await api.agreements.endorsements({ eventId, agreementId: decl.id });
    expect(pending!.status).toBe('pending');
    await h.caller(staff).agreements.verifyEndorsement({
      eventId,
      agreementId: decl.id,
      endorsementId: pending!.id,
      decision: 'verified',
    });
    const after = await h.caller(null).portalAgreements.agreement({ slug: 'tci-2015', agreementId: decl.id });
    expect(after.endorsements).toEqual([{ organisation: 'Basque Clusters', country: 'ES', personName: 'Itziar Ibarra', title: 'Director' }]);
    expect(after.endorsementsByCountry).toEqual([{ country: 'ES', count: 1 }]);
    expect(after.version?.clauses).toEqual(v1);
    expect(after.parties.map((p) => p.name.en)).toEqual(['Korea Industrial Complex Corporation (KICOX)', 'TCI Network']);

    const types = await h.runtime.db
      .select({ type: schema.domainEvents.type })
      .from(schema.domainEvents)
      .where(eq(schema.domainEvents.subjectId, decl.id))
      .orderBy(schema.domainEvents.id);
    expect(types.map((t) => t.type)).toEqual(['declaration.adopted', 'declaration.endorsed']);
  });

  it('publishes only signed or adopted instruments, and the registry lists only published ones', async () => {
    const mou = await draftMou();
    const err = await errorOf(h.caller(owner).agreements.setPublished({ eventId, agreementId: mou.id, published: true }));
    expect(err.message).toBe('Only signed MOUs and adopted declarations can be published');
    const registry = await h.caller(null).portalAgreements.registry({ slug: 'tci-2015' });
    expect(registry.every((r) => r.status === 'adopted' || r.status === 'signed' || r.status === 'in_effect')).toBe(true);
    expect(registry.some((r) => r.id === mou.id)).toBe(false);
  });
});

describe('comments and follow-ups', () => {
  it('keeps comments per clause of the latest version, and actions owned by team members', async () => {
    const mou = await draftMou();
    const api = h.caller(staff);
    await api.agreements.saveText({ eventId, agreementId: mou.id, baseVersion: null, clauses: v1 });
    const c = await api.agreements.addComment({ eventId, agreementId: mou.id, clauseKey: 'purpose', body: '“클러스터” 정의가 필요합니다' });
    expect([c.clauseKey, c.version, c.author, c.body]).toEqual(['purpose', 1, 'staff', '“클러스터” 정의가 필요합니다']);
    const bad = await errorOf(api.agreements.addComment({ eventId, agreementId: mou.id, clauseKey: 'nope', body: 'x' }));
    expect(bad.message).toBe('No clause nope in the latest version');

    const withAction = await api.agreements.addAction({
      eventId,
      agreementId: mou.id,
      title: 'Exchange contact lists',
      ownerUserId: staff.userId,
      dueOn: '2015-12-01',
    });
    expect(withAction.actions.map((a) => [a.title, a.ownerName, a.dueOn, a.status])).toEqual([
      ['Exchange contact lists', 'staff', '2015-12-01', 'open'],
    ]);
    const stranger = await h.signUp('stranger@example.org');
    const notTeam = await errorOf(
      api.agreements.addAction({ eventId, agreementId: mou.id, title: 'x', ownerUserId: stranger.userId, dueOn: '2015-12-01' }),
    );
    expect(notTeam.message).toBe('The owner must be on this event’s team');
  });
});

describe('database', () => {
  it('runs the trigger on both engines (a guard that the migration carried the custom SQL)', async () => {
    const rows = await h.runtime.db.execute(
      sql`select count(*)::int as n from pg_trigger where tgname = 'agreement_versions_no_update'`,
    );
    const n = (rows as { rows: Array<{ n: number }> }).rows[0]!.n;
    expect(n).toBe(1);
  });
});

describe('expiry reminders', () => {
  it('mails the owner once per expiry date, in their language (Korean until they choose), within 60 days of expiry', async () => {
    const { remindExpiringAgreements } = await import('./agreements.jobs');
    const mou = await draftMou();
    const api = h.caller(owner);
    const soon = new Date(h.runtime.now().getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    const later = new Date(h.runtime.now().getTime() + 90 * 86_400_000).toISOString().slice(0, 10);
    await h.caller(staff).agreements.update({ eventId, agreementId: mou.id, effectiveOn: '2015-10-15', expiresOn: later });
    await h.caller(staff).agreements.saveText({ eventId, agreementId: mou.id, baseVersion: null, clauses: v1 });
    for (const to of ['approve', 'send_for_signature', 'record_signature', 'bring_into_effect'] as const)
      await api.agreements.transition({ eventId, agreementId: mou.id, to });
    const mails = () =>
      h.runtime.db
        .select({ to: schema.mailOutbox.toAddress, subject: schema.mailOutbox.subject })
        .from(schema.mailOutbox)
        .where(eq(schema.mailOutbox.template, 'agreementExpiryReminder'));
    // Other agreements of this file may be due too; count this one's owner mails by subject.
    const mine = async () => (await mails()).filter((m) => m.subject.includes(soon) || m.subject.includes(later));
    await remindExpiringAgreements(h.runtime);
    expect(await mine()).toEqual([]);
    await h.caller(staff).agreements.update({ eventId, agreementId: mou.id, expiresOn: soon });
    await remindExpiringAgreements(h.runtime);
    await remindExpiringAgreements(h.runtime);
    expect(await mine()).toEqual([
      { to: 'staff@kicox.example', subject: `산업단지 클러스터 협력 양해각서 만료 예정(${soon})` },
    ]);
  });
});
