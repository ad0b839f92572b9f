import { expect } from 'vitest';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { desc, eq, schema } from '@plenary/db';
import type { Actor } from '@plenary/contracts';
import { totpCodeFor } from '../modules/identity/totp';
import { insertMember } from '../modules/team/team.repo';
import { TEST_PASSWORD, type AppCaller, type TestHarness } from './harness';
import { participant, registrationEvent } from './registration-fixtures';
import { signInPerson } from './persons';

/**
 * Every kind of caller the access rules know, each holding real credentials on
 * one event (A): signed-in users in every role, a user between password and
 * second factor, a platform admin, the owner of another event, a participant's
 * and a delegation contact's emailed link, and one partner API key per scope.
 * Written out here by hand (not from the contracts' role constants) so the
 * tests that use them state their own expectations.
 */
export const teamRoles = ['owner', 'admin', 'staff', 'program_chair', 'reviewer', 'b2b_coordinator'] as const;
export type TeamRole = (typeof teamRoles)[number];
export const partnerScopes = [
  'events:read',
  'registrations:read',
  'registrations:write',
  'webhooks:manage',
  // agreements (issue 13)
  'agreements:read',
  // B2B fair (issue 14)
  'b2b:read',
  'b2b:write',
  // decisions (issue 11 §5)
  'programme:read',
] as const;
export type PartnerScope = (typeof partnerScopes)[number];

export type CallerName =
  | 'anonymous'
  | 'pendingSecondFactor'
  | 'otherEventOwner'
  | 'platformAdmin'
  | `role:${TeamRole}`
  | 'participant'
  | 'delegationContact'
  | 'person'
  | `partner:${PartnerScope}`;

export const callerNames: CallerName[] = [
  'anonymous',
  'pendingSecondFactor',
  'otherEventOwner',
  'platformAdmin',
  ...teamRoles.map((r) => `role:${r}` as const),
  'participant',
  'delegationContact',
  'person',
  ...partnerScopes.map((s) => `partner:${s}` as const),
];

/** Objects the callers of event A do not own: of event B, or of another partner. */
export interface ForeignObjects {
  eventId: string;
  registrationId: string;
  delegationId: string;
  categoryId: string;
  optionId: string;
  codeId: string;
  subscriptionId: string;
  deliveryId: string;
  /** A submission of event B (review, issue 11). */
  submissionId: string;
  /** A published B2B meeting of event B between two companies of other contacts (issue 14). */
  b2bMeetingId: string;
}

export interface CallerUniverse {
  eventId: string;
  categoryId: string;
  registrationId: string;
  /** Objects of event B (every caller of A is refused them). */
  other: ForeignObjects;
  caller(name: CallerName, ip?: string): AppCaller;
}

async function lastLink(h: TestHarness, to: string, pattern: RegExp): Promise<string> {
  const [mail] = await h.runtime.db
    .select({ text: schema.mailOutbox.textBody })
    .from(schema.mailOutbox)
    .where(eq(schema.mailOutbox.toAddress, to))
    .orderBy(desc(schema.mailOutbox.createdAt))
    .limit(1);
  const token = pattern.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no link mailed to ${to}`);
  return token;
}

export async function createCallerUniverse(h: TestHarness): Promise<CallerUniverse> {
  const admin = await h.signUp('platform@plenary.test', { platformAdmin: true });
  const a = await registrationEvent(h, admin, {
    slug: 'tci-2015',
    categories: [{ code: 'OPEN', capacity: 100 }],
    options: [{ code: 'TOUR', capacity: 10 }],
  });
  const b = await registrationEvent(h, admin, {
    slug: 'tci-2016',
    categories: [{ code: 'OTHER', capacity: 100 }],
    options: [{ code: 'FAR', capacity: 10 }],
  });
  const eventB = b.eventId;
  const actors = new Map<CallerName, Actor>([['platformAdmin', admin]]);
  for (const role of teamRoles) {
    const member = await h.signUp(`${role}@plenary.test`);
    await insertMember(h.runtime.db, { eventId: a.eventId, userId: member.userId, role });
    actors.set(`role:${role}`, member);
  }
  const outsider = await h.signUp('outsider@plenary.test');
  await insertMember(h.runtime.db, { eventId: eventB, userId: outsider.userId, role: 'owner' });
  actors.set('otherEventOwner', outsider);
  // TOTP on, signed in with the password only: the second factor is pending.
  const totpUser = await h.signUp('totp@plenary.test');
  const { secret } = await h.caller(totpUser).auth.startTotpEnrolment();
  await h.caller(totpUser).auth.confirmTotpEnrolment({ code: totpCodeFor(secret, h.runtime.now()) });
  const second = await h.signIn('totp@plenary.test', TEST_PASSWORD);
  expect(second.secondFactorRequired).toBe(true);
  actors.set('pendingSecondFactor', second.actor);

  const me = participant({ email: 'participant@example.org' });
  const receipt = await h.caller(null).portalRegistration.register({
    eventId: a.eventId,
    categoryId: a.categories.OPEN!,
    participant: me,
    consents: [],
  });
  const participantLink = await lastLink(h, me.email, /\/r\/([\w-]+)/);
  await h.caller(admin).delegations.create({
    eventId: a.eventId,
    name: 'Ministry of Planning and Investment',
    contactName: 'Nguyễn Thị Lan',
    contactEmail: 'contact@ministry.example.org',
    categoryId: a.categories.OPEN!,
    members: [{ participant: participant() }],
  });
  const delegationLink = await lastLink(h, 'contact@ministry.example.org', /\/d\/([\w-]+)/);
  // The participant signed in on the portal too: My conference shows their registration.
  const { person } = await signInPerson(h, me.email);
  const partner = await h.caller(admin).partners.create({ name: 'KOTRA', contactEmail: null });
  // A key is issued only for an event the partner is linked to (issue 10, finding 10).
  await h.caller(admin).partners.setEvents({ partnerId: partner.id, eventIds: [a.eventId] });
  const keys = new Map<PartnerScope, string>();
  for (const scope of partnerScopes) {
    const { key } = await h
      .caller(admin)
      .partners.createKey({ eventId: a.eventId, partnerId: partner.id, name: scope, scopes: [scope] });
    keys.set(scope, key);
  }

  const other = await foreignObjects(h, admin, b, partner.id);

  return {
    eventId: a.eventId,
    categoryId: a.categories.OPEN!,
    registrationId: receipt.id,
    other,
    caller(name, ip = '198.51.100.1') {
      if (name === 'anonymous') return h.caller(null, { ip });
      if (name === 'participant') return h.caller(null, { ip }, { linkToken: participantLink });
      if (name === 'delegationContact') return h.caller(null, { ip }, { linkToken: delegationLink });
      if (name === 'person') return h.caller(null, { ip }, { person });
      if (name.startsWith('partner:')) {
        return h.caller(null, { ip }, { apiKey: keys.get(name.slice('partner:'.length) as PartnerScope)! });
      }
      const actor = actors.get(name);
      if (!actor) throw new Error(`no caller ${name}`);
      return h.caller(actor, { ip });
    },
  };
}

/** One object of each kind in event B, for the object rules' cases. */
async function foreignObjects(
  h: TestHarness,
  admin: Actor,
  b: Awaited<ReturnType<typeof registrationEvent>>,
  partnerId: string,
): Promise<ForeignObjects> {
  const categoryId = b.categories.OTHER!;
  const registration = await h.caller(null).portalRegistration.register({
    eventId: b.eventId,
    categoryId,
    participant: participant({ email: 'elsewhere@example.org' }),
    consents: [],
  });
  const delegation = await h.caller(admin).delegations.create({
    eventId: b.eventId,
    name: 'Ministry of Science',
    contactName: 'Tran Van Minh',
    contactEmail: 'contact@science.example.org',
    categoryId,
    members: [{ participant: participant() }],
  });
  const code = await h.caller(admin).registrationSetup.createCode({
    eventId: b.eventId,
    code: 'OTHER-EVENT',
    categoryId,
    reservesPlaces: false,
    maxUses: 1,
    expiresAt: null,
    note: null,
  });
  const [subscription] = await h.runtime.db
    .insert(schema.webhookSubscriptions)
    .values({
      partnerId,
      eventId: b.eventId,
      url: 'https://hooks.example.org/b',
      secret: 's',
      eventTypes: ['registration.created'],
    })
    .returning({ id: schema.webhookSubscriptions.id });
  const [delivery] = await h.runtime.db
    .insert(schema.webhookDeliveries)
    .values({ subscriptionId: subscription!.id, eventType: 'registration.created', payload: {} })
    .returning({ id: schema.webhookDeliveries.id });
  const [author] = await h.runtime.db
    .insert(schema.persons)
    .values({ email: 'author.elsewhere@example.org', givenName: 'Other', familyName: 'Author' })
    .returning({ id: schema.persons.id });
  const [submission] = await h.runtime.db
    .insert(schema.submissions)
    .values({
      eventId: b.eventId,
      submitterPersonId: author!.id,
      status: 'submitted',
      title: { en: 'Elsewhere' },
    })
    .returning({ id: schema.submissions.id });
  return {
    submissionId: submission!.id,
    b2bMeetingId: await foreignMeeting(h, admin, b.eventId, author!.id),
    eventId: b.eventId,
    registrationId: registration.id,
    delegationId: delegation.id,
    categoryId,
    optionId: b.options.FAR!,
    codeId: code.id,
    subscriptionId: subscription!.id,
    deliveryId: delivery!.id,
  };
}

/** A published meeting at event B's fair, the buyer's contact being someone else. */
async function foreignMeeting(h: TestHarness, admin: Actor, eventId: string, contactPersonId: string) {
  const staff = h.caller(admin);
  const fair = await staff.b2b.setUpFair({
    eventId,
    date: '2016-11-04',
    startTime: '10:00',
    endTime: '11:00',
    slotMinutes: 30,
    tables: ['B1'],
  });
  const profile = async (organisationName: string, side: 'buyer' | 'seller', country: string) => {
    const p = await staff.b2b.saveProfile({
      eventId,
      side,
      organisationName,
      country,
      contactPersonId: side === 'buyer' ? contactPersonId : null,
      products: [{ hsCode: '8708', description: 'auto parts', keywords: [] }],
      languages: ['en'],
      submit: true,
    });
    return staff.b2b.setProfileStatus({ eventId, profileId: p.id, status: 'validated' });
  };
  const buyerProfile = await profile('Milano Ricambi', 'buyer', 'IT');
  const sellerProfile = await profile('Busan Parts', 'seller', 'KR');
  const meeting = await staff.b2b.scheduleMeeting({
    eventId,
    buyerProfileId: buyerProfile.id,
    sellerProfileId: sellerProfile.id,
    slotId: fair.slots[0]!.id,
    tableId: fair.tables[0]!.id,
  });
  await staff.b2b.setMeetingStatus({ eventId, meetingId: meeting.id, status: 'published' });
  return meeting.id;
}

/** The outcome of one call: its HTTP status (200 when it succeeded) and tRPC code. */
export interface CallOutcome {
  status: number;
  code: string;
  message: string;
}

/** Calls a procedure by its dotted path; any error that is not a TRPCError is thrown. */
export async function callPath(caller: AppCaller, path: string, input: unknown): Promise<CallOutcome> {
  let target: unknown = caller;
  for (const segment of path.split('.')) target = (target as Record<string, unknown>)[segment];
  try {
    await (target as (i: unknown) => Promise<unknown>)(input);
    return { status: 200, code: 'OK', message: '' };
  } catch (err) {
    if (err instanceof TRPCError) {
      return { status: getHTTPStatusCodeFromError(err), code: err.code, message: err.message };
    }
    throw err;
  }
}
