import { eq, schema } from '@plenary/db';
import { inTransaction, type Runtime } from '../core/runtime';
import { instantToWallClock } from '../modules/papers/zoned-time';
import { resolveOrganisations } from '../modules/organisations/organisations.service';
import { findOrCreatePersons } from '../modules/people/people.service';
import type { Services } from '@plenary/contracts';
import type { EventCaller } from '@plenary/contracts';
import { demoCountries, type DemoCountry } from './tci-2015-countries';
import { personFrom, seededRandom } from './tci-2015-participants';

/** The reference event's call: the four themes of the 18th TCI conference, and its four kinds of submission. */
const tracks = [
  { code: 'cluster-policy', name: { en: 'Cluster policy', ko: '클러스터 정책' } },
  { code: 'creative-economy', name: { en: 'Creative economy', ko: '창조경제' } },
  { code: 'innovation', name: { en: 'Innovation', ko: '혁신' } },
  { code: 'regional-development', name: { en: 'Regional development', ko: '지역 발전' } },
];
const types = [
  {
    kind: 'full_paper',
    name: { en: 'Full paper', ko: '논문' },
    pageLimit: 25,
    abstractWordLimit: 300,
    fileRequired: true,
  },
  {
    kind: 'extended_abstract',
    name: { en: 'Extended abstract', ko: '확장 초록' },
    pageLimit: 4,
    abstractWordLimit: 500,
    fileRequired: true,
  },
  {
    kind: 'poster',
    name: { en: 'Poster', ko: '포스터' },
    pageLimit: 1,
    abstractWordLimit: 250,
    fileRequired: false,
  },
  {
    kind: 'session_proposal',
    name: { en: 'Session or panel proposal', ko: '세션·패널 제안' },
    pageLimit: null,
    abstractWordLimit: 600,
    fileRequired: false,
  },
] as const;

const topics = [
  (c: DemoCountry) => `Cluster policy and regional innovation in ${c.name}`,
  (c: DemoCountry) => `${c.city} as a creative cluster: lessons for policy`,
  (c: DemoCountry) => `Business models of cluster organisations: evidence from ${c.name}`,
  (c: DemoCountry) => `Smart specialisation and SME internationalisation in ${c.city}`,
  (c: DemoCountry) => `Universities as anchors of the ${c.city} innovation ecosystem`,
  (c: DemoCountry) => `Measuring the creative economy of ${c.city}`,
];
const affiliations = [
  (c: DemoCountry) => `University of ${c.city}`,
  (c: DemoCountry) => `${c.name} Institute for Regional Studies`,
  (c: DemoCountry) => `${c.city} Cluster Agency`,
];

export const DEMO_SUBMISSIONS = 90;

/**
 * The call for papers of the reference event, open around today so the portal shows
 * it, with 90 submitted papers by authors of many countries and their co-authors.
 * Persons and organisations go through their services' functions; the rows are
 * written in one transaction, without mails (nobody is told of demo papers).
 */
export async function loadPapers(
  runtime: Runtime,
  services: Services,
  chair: EventCaller,
): Promise<{ submissions: number }> {
  const eventId = chair.eventId;
  const [already] = await runtime.db
    .select({ id: schema.submissions.id })
    .from(schema.submissions)
    .where(eq(schema.submissions.eventId, eventId))
    .limit(1);
  if (already) return { submissions: 0 };
  const day = 86_400_000;
  const now = runtime.now().getTime();
  const zone = 'Asia/Seoul';
  await services.papers.saveSettings(chair, {
    eventId,
    opensAt: instantToWallClock(new Date(now - 30 * day), zone),
    deadline: instantToWallClock(new Date(now + 30 * day), zone),
    graceMinutes: 30,
    blindMode: 'double',
  });
  const trackIds: string[] = [];
  for (const [i, tr] of tracks.entries())
    trackIds.push((await services.papers.saveTrack(chair, { eventId, ...tr, position: i })).id);
  const typeIds: string[] = [];
  for (const [i, ty] of types.entries())
    typeIds.push(
      (await services.papers.saveType(chair, { eventId, ...ty, maxMegabytes: 10, position: i })).id,
    );
  await services.papers.publishConsent(chair, {
    eventId,
    kind: 'publication',
    text: {
      en: 'I agree that the abstract is published in the book of abstracts and on the conference site.',
      ko: '초록이 초록집과 학술대회 누리집에 실리는 데 동의합니다.',
    },
    required: true,
  });
  await services.papers.publishConsent(chair, {
    eventId,
    kind: 'presentation',
    text: { en: 'I agree that my presentation may be recorded.', ko: '발표가 녹화될 수 있음에 동의합니다.' },
    required: false,
  });

  const rnd = seededRandom(2015_11_03);
  const abroad = demoCountries.filter((c) => c.code !== 'KR');
  const korea = demoCountries.find((c) => c.code === 'KR')!;
  const at = runtime.now();
  await inTransaction(runtime, async ({ tx }) => {
    for (let n = 0; n < DEMO_SUBMISSIONS; n++) {
      // A third of the papers from Korea, the rest from the countries in turn.
      const first = n % 3 === 0 ? korea : abroad[n % abroad.length]!;
      const coCountries = [first, ...(n % 4 === 0 ? [abroad[(n * 7) % abroad.length]!] : []), first].slice(
        0,
        1 + (n % 3),
      );
      const authors = coCountries.map((c, i) => {
        const who = personFrom(rnd, c);
        const slug = `${who.givenName}.${who.familyName}`.toLowerCase().replace(/[^a-z.]/g, '');
        return {
          email: `${slug}.${n}.${i}@papers.demo.plenary.example`,
          givenName: who.givenName,
          familyName: who.familyName,
          localName: who.localName,
          country: c.code,
          phone: null,
          jobTitle: null,
          affiliation: affiliations[(n + i) % affiliations.length]!(c),
        };
      });
      const persons = await findOrCreatePersons(tx, authors, { vouched: true, locale: 'en', now: at });
      const orgs = await resolveOrganisations(
        tx,
        authors.map((a) => ({ name: a.affiliation, country: a.country })),
        at,
      );
      const title = { en: topics[n % topics.length]!(first) };
      const [row] = await tx
        .insert(schema.submissions)
        .values({
          eventId,
          submitterPersonId: persons[0]!.personId,
          status: 'submitted',
          trackId: trackIds[n % trackIds.length]!,
          typeId: typeIds[n % 5 === 4 ? 2 : n % 7 === 6 ? 1 : 0]!,
          title,
          abstract: {
            en: `${title.en}. We study the case with interviews and firm data, and draw lessons for policy.`,
          },
          keywords: ['cluster', first.name.toLowerCase()],
          consents: [{ kind: 'publication', version: 1, acceptedAt: at.toISOString() }],
          version: 1,
          submittedAt: at,
          createdAt: new Date(at.getTime() - (DEMO_SUBMISSIONS - n) * 3_600_000),
          updatedAt: at,
        })
        .returning({ id: schema.submissions.id });
      await tx.insert(schema.submissionAuthors).values(
        authors.map((a, i) => ({
          submissionId: row!.id,
          position: i + 1,
          personId: persons[i]!.personId,
          organisationId: orgs[i] ?? null,
          givenName: a.givenName,
          familyName: a.familyName,
          affiliation: a.affiliation,
          country: a.country,
          presenting: i === 0,
          confirmedAt: at,
        })),
      );
      await tx.insert(schema.submissionVersions).values({
        submissionId: row!.id,
        version: 1,
        actorKind: 'person',
        actorId: persons[0]!.personId,
        action: 'submit',
        snapshot: { title, status: 'submitted' },
        changes: [{ field: 'status', before: null, after: 'submitted' }],
        at,
      });
    }
  });
  return { submissions: DEMO_SUBMISSIONS };
}
