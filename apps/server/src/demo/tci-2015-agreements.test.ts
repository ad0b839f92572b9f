import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@plenary/contracts';
import { createHarness, tciEvent, testRequest, type TestHarness } from '../testing/harness';
import { demoOrganisations } from './tci-2015-organisations';
import { loadAgreements } from './tci-2015-agreements';

let h: TestHarness;
let owner: Actor;
let eventId: string;

beforeAll(async () => {
  h = await createHarness();
  owner = await h.signUp('owner@kicox.example', { platformAdmin: true });
  eventId = (await h.caller(owner).events.create(tciEvent)).id;
  await h.caller(owner).events.transition({ eventId, to: 'publish' });
  for (const o of demoOrganisations) await h.caller(owner).organisations.create(o);
});
afterAll(() => h.close());

describe('demo agreements', () => {
  it('adds the signed MOU with a redline between its two versions and the adopted declaration, once', async () => {
    const created = await loadAgreements(h.runtime, h.services, eventId, h.caller(owner), testRequest());
    expect(created.length).toBe(2);
    expect(await loadAgreements(h.runtime, h.services, eventId, h.caller(owner), testRequest())).toEqual([]);

    const registry = await h.caller(null).portalAgreements.registry({ slug: 'tci-2015' });
    expect(registry.map((r) => [r.kind, r.status, r.signedOn, r.parties.map((p) => p.country)])).toEqual([
      ['declaration', 'adopted', null, ['KR', null]],
      ['mou', 'in_effect', '2015-10-15', ['KR', 'US']],
    ]);
    const mou = registry.find((r) => r.kind === 'mou')!;
    const r = await h.caller(owner).agreements.redline({ eventId, agreementId: mou.id, from: 1, to: 2 });
    expect(r.clauses.map((c) => [c.key, c.change])).toEqual([
      ['purpose', 'unchanged'],
      ['areas', 'changed'],
      ['term', 'changed'],
      ['nonbinding', 'added'],
    ]);
    expect(r.clauses[2]!.body.en.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'two' },
      { kind: 'added', text: 'three' },
    ]);
    expect(r.clauses[2]!.body.ko.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: '2' },
      { kind: 'added', text: '3' },
    ]);
    const full = await h.caller(null).portalAgreements.agreement({ slug: 'tci-2015', agreementId: mou.id });
    expect(full.version?.number).toBe(2);
    expect(full.parties[0]!.signatories[0]).toEqual({
      role: 'signatory',
      name: 'Hyung-pyo Kang',
      localName: '강형표',
      title: { ko: '이사장', en: 'Chairman & CEO' },
      onBehalfOf: { ko: '한국산업단지공단', en: 'Korea Industrial Complex Corporation' },
    });

    const decl = await h.caller(null).portalAgreements.agreement({
      slug: 'tci-2015',
      agreementId: registry.find((x) => x.kind === 'declaration')!.id,
    });
    expect(decl.adoptedAtSession).toBe('Closing session, 18th TCI Global Conference (EXCO, Daegu)');
    expect(decl.endorsements.map((e) => e.organisation)).toEqual([
      'World Bank',
      'UNIDO',
      'Asian Development Bank',
      'Brainport Development',
    ]);
    expect(decl.endorsementsByCountry).toEqual([
      { country: 'AT', count: 1 },
      { country: 'NL', count: 1 },
      { country: 'PH', count: 1 },
      { country: 'US', count: 1 },
    ]);
    const all = await h.caller(owner).agreements.endorsements({ eventId, agreementId: decl.id });
    expect(all.find((e) => e.status === 'pending')?.organisation).toBe('منصة العناقيد الصناعية');
  });
});
