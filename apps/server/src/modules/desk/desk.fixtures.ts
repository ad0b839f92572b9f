import { insertPersonForTest } from '../people/people.repo';
import { randomUUID } from 'node:crypto';
import { schema } from '@plenary/db';
import type { RegistrationStatus, PaymentStatus } from '@plenary/db/schema';
import type { Actor } from '@plenary/contracts';
import { newToken, sha256 } from '../identity/crypto';
import { insertMember } from '../team/team.repo';
import { tciEvent, type TestHarness } from '../../testing/harness';

/**
 * Test data for the desk: registration rows written straight to the database (the
 * desk reads registrations; how they are made is the registration module's business).
 */
export interface DeskFixture {
  eventId: string;
  otherEventId: string;
  categories: { government: string; business: string; otherEvent: string };
  owner: Actor;
  staff: Actor;
  reviewer: Actor;
}

let slug = 0;

export async function createDeskFixture(h: TestHarness, prefix: string): Promise<DeskFixture> {
  const admin = await h.signUp(`${prefix}-platform@plenary.test`, { platformAdmin: true });
  const eventId = (await h.caller(admin).events.create({ ...tciEvent, slug: `${prefix}-a-${++slug}` })).id;
  const otherEventId = (await h.caller(admin).events.create({ ...tciEvent, slug: `${prefix}-b-${++slug}` }))
    .id;
  const db = h.runtime.db;
  await db.insert(schema.registrationSettings).values({
    eventId,
    visaPurgeDays: 30,
    letterhead: {
      organiser: { en: 'Korea Industrial Complex Corporation (KICOX)', ko: '한국산업단지공단' },
      address: { en: '11 Seojeong-ro, Daegu, Republic of Korea', ko: '대구광역시' },
      signatoryName: 'Kang Nam-hoon',
      signatoryTitle: { en: 'Chairman and CEO', ko: '이사장' },
      email: 'tci2015@kicox.example',
      phone: '+82 53 601 5000',
    },
  });
  const [government, business, otherEvent] = await db
    .insert(schema.registrationCategories)
    .values([
      { eventId, code: 'GOV', label: { en: 'Government', ko: '정부' }, colour: '#b91c1c' },
      {
        eventId,
        code: 'BIZ',
        label: { en: 'Business', ko: '기업' },
        colour: '#facc15',
        feeAmount: 300000,
        feeCurrency: 'KRW',
      },
      { eventId: otherEventId, code: 'GOV', label: { en: 'Government' }, colour: '#1f6feb' },
    ])
    .returning({ id: schema.registrationCategories.id });
  if (!government || !business || !otherEvent) throw new Error('categories not created');
  const owner = await h.signUp(`${prefix}-owner@plenary.test`);
  const staff = await h.signUp(`${prefix}-staff@plenary.test`);
  const reviewer = await h.signUp(`${prefix}-reviewer@plenary.test`);
  await insertMember(db, { eventId, userId: owner.userId, role: 'owner' });
  await insertMember(db, { eventId, userId: staff.userId, role: 'staff' });
  await insertMember(db, { eventId, userId: reviewer.userId, role: 'reviewer' });
  return {
    eventId,
    otherEventId,
    categories: { government: government.id, business: business.id, otherEvent: otherEvent.id },
    owner,
    staff,
    reviewer,
  };
}

export interface PersonInput {
  eventId: string;
  categoryId: string;
  givenName: string;
  familyName: string;
  localName?: string | null;
  organisation?: string;
  country?: string;
  status?: RegistrationStatus;
  paymentStatus?: PaymentStatus;
  paymentReference?: string | null;
  paidAt?: Date | null;
  locale?: 'ko' | 'en';
  partnerId?: string | null;
}

export interface CreatedPerson {
  id: string;
  reference: string;
  ticketCode: string;
  /** The participant's emailed-link secret (header x-plenary-link). */
  linkToken: string;
  email: string;
}

let counter = 0;

export async function addRegistration(h: TestHarness, p: PersonInput): Promise<CreatedPerson> {
  counter += 1;
  const linkToken = newToken();
  const ticketCode = `T-${randomUUID()}`;
  const reference = `R${String(counter).padStart(3, '0')}-TEST`;
  const email = `${p.givenName.toLowerCase().replace(/[^a-z]/g, '')}.${counter}@example.org`;
  const [row] = await h.runtime.db
    .insert(schema.registrations)
    .values({
      eventId: p.eventId,
      categoryId: p.categoryId,
      reference,
      status: p.status ?? 'confirmed',
      source: 'staff',
      personId: await insertPersonForTest(h.runtime.db, {
        email,
        givenName: p.givenName,
        familyName: p.familyName,
        localName: p.localName ?? null,
        country: p.country ?? 'KR',
      }),
      organisation: p.organisation ?? 'KICOX',
      locale: p.locale ?? 'en',
      manageTokenHash: sha256(linkToken),
      ticketCode,
      paymentStatus: p.paymentStatus ?? 'not_required',
      paymentReference: p.paymentReference ?? null,
      paidAt: p.paidAt ?? null,
      partnerId: p.partnerId ?? null,
    })
    .returning({ id: schema.registrations.id });
  if (!row) throw new Error('registration not created');
  return { id: row.id, reference, ticketCode, linkToken, email };
}
