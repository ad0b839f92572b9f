import type { AppRouter, Clause, PersonCaller, RequestInfo } from '@plenary/contracts';
import type { inferRouterInputs } from '@trpc/server';
import { and, eq, schema, sql } from '@plenary/db';
import type { Runtime } from '../core/runtime';
import { findOrCreatePerson } from '../modules/people/people.service';
import type { createServices } from '../services';

type Inputs = inferRouterInputs<AppRouter>['agreements'];
/** What the owner's caller offers of the agreements router (the demo drives the real procedures). */
export interface AgreementsCaller {
  agreements: {
    create(i: Inputs['create']): Promise<{ id: string }>;
    setParties(i: Inputs['setParties']): Promise<unknown>;
    saveText(i: Inputs['saveText']): Promise<{ number: number }>;
    transition(i: Inputs['transition']): Promise<unknown>;
    setPublished(i: Inputs['setPublished']): Promise<unknown>;
    endorsements(i: Inputs['endorsements']): Promise<Array<{ id: string; organisation: string; status: string }>>;
    verifyEndorsement(i: Inputs['verifyEndorsement']): Promise<unknown>;
  };
}

const MOU_TITLE = { ko: '산업단지 클러스터 교류 협력에 관한 양해각서', en: 'Memorandum of Understanding on Cluster Exchange and Cooperation' };
const DECLARATION_TITLE = {
  ko: '아시아-글로벌 클러스터 협력 공동선언문',
  en: 'Joint Declaration on Cooperation between Asian and Global Clusters',
};

/** The MOU as first drafted (version 1). */
const mouV1: Clause[] = [
  {
    key: 'purpose',
    heading: { ko: '제1조 (목적)', en: 'Article 1 (Purpose)' },
    body: {
      ko: '본 양해각서는 한국산업단지공단과 미국 경제개발청 간의 클러스터 교류와 협력을 증진하는 것을 목적으로 한다.',
      en: 'This Memorandum aims to promote cluster exchange and cooperation between KICOX and the EDA.',
    },
  },
  {
    key: 'areas',
    heading: { ko: '제2조 (협력 분야)', en: 'Article 2 (Areas of Cooperation)' },
    body: {
      ko: '양 기관은 클러스터 정책 정보 교환과 지역 경제 개발 분야에서 협력한다.',
      en: 'The Participants will cooperate in the exchange of cluster policy information and in regional economic development.',
    },
  },
  {
    key: 'term',
    heading: { ko: '제3조 (유효 기간)', en: 'Article 3 (Duration)' },
    body: {
      ko: '본 양해각서는 서명일로부터 효력을 발생하며 2년간 유효하다.',
      en: 'This Memorandum takes effect on the date of signature and remains in effect for two years.',
    },
  },
];

/** After negotiation (version 2, the one signed): business exchange and job creation added, three years. */
const mouV2: Clause[] = [
  mouV1[0]!,
  {
    key: 'areas',
    heading: { ko: '제2조 (협력 분야)', en: 'Article 2 (Areas of Cooperation)' },
    body: {
      ko: '양 기관은 클러스터 정책 정보 교환, 지역 경제 개발, 기업 간 비즈니스 교류 및 일자리 창출 분야에서 협력한다.',
      en: 'The Participants will cooperate in the exchange of cluster policy information, regional economic development, business exchange between companies, and job creation.',
    },
  },
  {
    key: 'term',
    heading: { ko: '제3조 (유효 기간)', en: 'Article 3 (Duration)' },
    body: {
      ko: '본 양해각서는 서명일로부터 효력을 발생하며 3년간 유효하다.',
      en: 'This Memorandum takes effect on the date of signature and remains in effect for three years.',
    },
  },
  {
    key: 'nonbinding',
    heading: { ko: '제4조 (법적 구속력)', en: 'Article 4 (Legal Effect)' },
    body: {
      ko: '본 양해각서는 법적 구속력을 갖지 아니한다.',
      en: 'This Memorandum does not create legally binding obligations.',
    },
  },
];

const declarationText: Clause[] = [
  {
    key: 'preamble',
    heading: { ko: '전문', en: 'Preamble' },
    body: {
      ko: '제18차 TCI 글로벌 컨퍼런스에 모인 우리는 클러스터가 창조경제의 동력임을 확인한다.',
      en: 'We, gathered at the 18th TCI Global Conference, affirm that clusters drive the creative economy.',
    },
  },
  {
    key: 'network',
    heading: { ko: '1. 글로벌 클러스터 네트워크', en: '1. A Global Cluster Network' },
    body: {
      ko: '한국산업단지공단은 아시아를, TCI 네트워크는 그 밖의 세계를 대표하여 글로벌 클러스터 네트워크를 위한 공동 사업을 추진한다.',
      en: 'KICOX, representing Asia, and TCI Network, representing the rest of the world, will pursue joint projects for a global cluster network.',
    },
  },
];

/** Partner organisations of the reference event that endorse the declaration after its adoption. */
const endorsers = [
  { email: 'm.okafor@worldbank.example.org', givenName: 'Mary', familyName: 'Okafor', organisation: 'World Bank', country: 'US', title: 'Senior Private Sector Specialist', verify: true },
  { email: 'k.huber@unido.example.org', givenName: 'Klaus', familyName: 'Huber', organisation: 'UNIDO', country: 'AT', title: 'Industrial Development Officer', verify: true },
  { email: 'r.santos@adb.example.org', givenName: 'Ramon', familyName: 'Santos', organisation: 'Asian Development Bank', country: 'PH', title: 'Principal Economist', verify: true },
  { email: 'sanne.devries@brainport.example.org', givenName: 'Sanne', familyName: 'de Vries', organisation: 'Brainport Development', country: 'NL', title: 'Cluster Manager', verify: true },
  { email: 'a.mansour@clusters.example.org', givenName: 'Amal', familyName: 'Mansour', organisation: 'منصة العناقيد الصناعية', country: 'JO', title: 'مديرة البرامج', verify: false },
];

async function organisationId(runtime: Runtime, en: string): Promise<string> {
  const [row] = await runtime.db
    .select({ id: schema.organisations.id })
    .from(schema.organisations)
    .where(and(sql`${schema.organisations.name}->>'en' = ${en}`, sql`${schema.organisations.mergedInto} is null`));
  if (!row) throw new Error(`demo organisation ${en} is missing`);
  return row.id;
}

async function exists(runtime: Runtime, eventId: string, titleEn: string): Promise<boolean> {
  const rows = await runtime.db
    .select({ id: schema.agreements.id })
    .from(schema.agreements)
    .where(and(eq(schema.agreements.eventId, eventId), sql`${schema.agreements.title}->>'en' = ${titleEn}`));
  return rows.length > 0;
}

/**
 * The reference event's agreements (issue 13), through the real procedures as its
 * owner: the KICOX–EDA MOU in two versions (a redline between them), signed on
 * 15 October 2015 and in effect, and the KICOX–TCI Network declaration adopted at
 * the closing session with endorsements from partner organisations, four verified
 * and one waiting. Each is added only if the event has none of that title.
 */
export async function loadAgreements(
  runtime: Runtime,
  services: ReturnType<typeof createServices>,
  eventId: string,
  api: AgreementsCaller,
  request: RequestInfo,
): Promise<string[]> {
  const created: string[] = [];
  const kicox = await organisationId(runtime, 'Korea Industrial Complex Corporation (KICOX)');
  const eda = await organisationId(runtime, 'U.S. Economic Development Administration');
  const tci = await organisationId(runtime, 'TCI Network');

  if (!(await exists(runtime, eventId, MOU_TITLE.en))) {
    const mou = await api.agreements.create({
      eventId,
      kind: 'mou',
      title: MOU_TITLE,
      purpose: {
        ko: '클러스터 교류·협력, 경제 개발, 기업 간 비즈니스 교류, 일자리 창출',
        en: 'Cluster exchange and cooperation, economic development, business exchange between companies, job creation',
      },
      scope: { ko: '한국 산업단지 클러스터 지원 기관과 미국 지역 경제 개발 기관', en: "Korea's industrial-cluster support bodies and US regional economic development bodies" },
      effectiveOn: '2015-10-15',
      expiresOn: '2018-10-14',
    });
    await api.agreements.setParties({
      eventId,
      agreementId: mou.id,
      parties: [
        {
          organisationId: kicox,
          signatories: [
            { email: 'chairman@kicox.example.org', givenName: 'Hyung-pyo', familyName: 'Kang', localName: '강형표', title: { ko: '이사장', en: 'Chairman & CEO' }, onBehalfOf: { ko: '한국산업단지공단', en: 'Korea Industrial Complex Corporation' } },
          ],
        },
        {
          organisationId: eda,
          signatories: [
            { email: 'assistant.secretary@eda.example.org', givenName: 'Jay', familyName: 'Williams', title: { ko: '차관보', en: 'Assistant Secretary of Commerce for Economic Development' }, onBehalfOf: { en: 'U.S. Department of Commerce, Economic Development Administration' } },
          ],
        },
      ],
    });
    await api.agreements.saveText({ eventId, agreementId: mou.id, baseVersion: null, clauses: mouV1 });
    await api.agreements.transition({ eventId, agreementId: mou.id, to: 'negotiate' });
    await api.agreements.saveText({ eventId, agreementId: mou.id, baseVersion: 1, clauses: mouV2 });
    await api.agreements.transition({ eventId, agreementId: mou.id, to: 'approve' });
    await api.agreements.transition({ eventId, agreementId: mou.id, to: 'send_for_signature' });
    await api.agreements.transition({ eventId, agreementId: mou.id, to: 'record_signature', on: '2015-10-15' });
    await api.agreements.transition({ eventId, agreementId: mou.id, to: 'bring_into_effect', on: '2015-10-15' });
    await api.agreements.setPublished({ eventId, agreementId: mou.id, published: true });
    created.push(mou.id);
  }

  if (!(await exists(runtime, eventId, DECLARATION_TITLE.en))) {
    const decl = await api.agreements.create({ eventId, kind: 'declaration', title: DECLARATION_TITLE });
    await api.agreements.setParties({
      eventId,
      agreementId: decl.id,
      parties: [
        { organisationId: kicox, signatories: [] },
        { organisationId: tci, signatories: [] },
      ],
    });
    await api.agreements.saveText({ eventId, agreementId: decl.id, baseVersion: null, clauses: declarationText });
    await api.agreements.transition({ eventId, agreementId: decl.id, to: 'approve' });
    await api.agreements.transition({
      eventId,
      agreementId: decl.id,
      to: 'adopt',
      adoptedAtSession: 'Closing session, 18th TCI Global Conference (EXCO, Daegu)',
      adoptedAt: '2015-11-06T17:00:00+09:00',
    });
    await api.agreements.setPublished({ eventId, agreementId: decl.id, published: true });
    const event = await runtime.db.select({ slug: schema.events.slug }).from(schema.events).where(eq(schema.events.id, eventId));
    for (const e of endorsers) {
      // Each endorser is a person (as a portal sign-in would make them); the CLI stands in for their session.
      const { personId } = await findOrCreatePerson(
        runtime.db,
        { email: e.email, givenName: e.givenName, familyName: e.familyName, localName: null, country: e.country, phone: null, jobTitle: e.title },
        { vouched: false, locale: 'en', now: runtime.now() },
      );
      const caller: PersonCaller = { person: { personId, email: e.email, sessionId: 'cli-demo', csrfToken: 'cli-demo' }, request };
      await services.portalAgreements.endorse(caller, {
        slug: event[0]!.slug,
        agreementId: decl.id,
        name: `${e.givenName} ${e.familyName}`,
        organisation: e.organisation,
        country: e.country,
        title: e.title,
      });
    }
    const toVerify = new Set(endorsers.filter((e) => e.verify).map((e) => e.organisation));
    for (const e of await api.agreements.endorsements({ eventId, agreementId: decl.id }))
      if (toVerify.has(e.organisation))
        await api.agreements.verifyEndorsement({ eventId, agreementId: decl.id, endorsementId: e.id, decision: 'verified' });
    created.push(decl.id);
  }
  return created;
}
