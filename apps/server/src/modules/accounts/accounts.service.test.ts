import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, schema } from '@plenary/db';
import type { Actor } from '@plenary/contracts';
import { cookieJar, createHarness, errorOf, withConfig, type TestHarness } from '../../testing/harness';
import { participant, registrationEvent } from '../../testing/registration-fixtures';
import { lastSignInMail, signInPerson } from '../../testing/persons';
import { resolvePersonSession } from './person-sessions';
import { createCallerFactory, appRouter, type Context } from '@plenary/contracts';
import { testRequest } from '../../testing/harness';

let h: TestHarness;
let admin: Actor;
let eventId: string;
let categoryId: string;

async function lastLinkTo(email: string, pattern: RegExp): Promise<string> {
  const [mail] = await h.runtime.db
    .select({ text: schema.mailOutbox.textBody })
    .from(schema.mailOutbox)
    .where(eq(schema.mailOutbox.toAddress, email))
    .orderBy(desc(schema.mailOutbox.createdAt))
    .limit(1);
  const token = pattern.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no link mailed to ${email}`);
  return token;
}

/** Registers on the portal and opens the emailed link (which confirms the address); answers the link. */
async function register(email: string): Promise<{ id: string; link: string }> {
  const receipt = await h.caller(null).portalRegistration.register({
    eventId,
    categoryId,
    participant: participant({ email }),
    consents: [],
  });
  const link = await lastLinkTo(email, /\/r\/([\w-]+)/);
  await h.caller(null, {}, { linkToken: link }).myRegistration.verifyEmail();
  return { id: receipt.id, link };
}

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
  const setup = await registrationEvent(h, admin, { categories: [{ code: 'OPEN', capacity: 100 }] });
  eventId = setup.eventId;
  categoryId = setup.categories.OPEN!;
}, 120_000);
afterAll(() => h.close());

describe('sign-in by emailed code', () => {
  it('mails a 6-digit code and a link, in the asked language, to a known and an unknown address alike', async () => {
    await register('known@example.org');
    const known = await h.caller(null).accounts.requestCode({ email: ' Known@Example.org ', locale: 'ko' });
    const unknown = await h.caller(null).accounts.requestCode({ email: 'nobody@example.org', locale: 'ko' });
    expect(known).toEqual({ ok: true });
    expect(unknown).toEqual({ ok: true });
    for (const email of ['known@example.org', 'nobody@example.org']) {
      const mail = await lastSignInMail(h, email);
      expect(mail.code).toMatch(/^\d{6}$/);
      expect(mail.text).toContain(`로그인 코드는 ${mail.code} 입니다.`);
      expect(mail.text).toContain(`http://plenary.test/signin/${mail.token}`);
    }
    // Nobody was created by asking: a person is made at the first sign-in.
    const made = await h.runtime.db
      .select()
      .from(schema.persons)
      .where(eq(schema.persons.email, 'nobody@example.org'));
    expect(made).toEqual([]);
  });

  it('signs in with the right code: the person is created verified, earlier registrations attach, a session starts', async () => {
    const first = await register('lan@example.org');
    await h.caller(null).accounts.requestCode({ email: 'lan@example.org', locale: 'en' });
    const { code } = await lastSignInMail(h, 'lan@example.org');
    const jar = cookieJar();
    const out = await h
      .caller(null, {}, { personCookie: jar })
      .accounts.verifyCode({ email: 'LAN@example.org', code: code.slice(0, 3) + ' ' + code.slice(3) });
    expect(out.person?.email).toBe('lan@example.org');
    expect(out.csrfToken).toMatch(/^[\w-]{43}$/);
    const [person] = await h.runtime.db
      .select()
      .from(schema.persons)
      .where(eq(schema.persons.email, 'lan@example.org'));
    expect(person?.emailVerifiedAt).not.toBeNull();
    const [reg] = await h.runtime.db
      .select({ personId: schema.registrations.personId })
      .from(schema.registrations)
      .where(eq(schema.registrations.id, first.id));
    expect(reg?.personId).toBe(person?.id);
    const actor = await resolvePersonSession(h.runtime, jar.token ?? undefined);
    expect(actor?.personId).toBe(person?.id);
    expect(actor?.csrfToken).toBe(out.csrfToken);
    // The code is used up.
    const again = await errorOf(h.caller(null).accounts.verifyCode({ email: 'lan@example.org', code }));
    expect(again.message).toBe('This code has expired or was entered wrongly too often: ask for a new one');
  });

  it('refuses a wrong code saying the tries left, and kills the code after 5 wrong tries', async () => {
    await h.caller(null).accounts.requestCode({ email: 'guess@example.org', locale: 'en' });
    const { code } = await lastSignInMail(h, 'guess@example.org');
    const wrong = code === '000000' ? '000001' : '000000';
    const messages: string[] = [];
    for (let i = 0; i < 5; i++) {
      const err = await errorOf(
        h.caller(null).accounts.verifyCode({ email: 'guess@example.org', code: wrong }),
      );
      messages.push(`${err.code} ${err.message}`);
    }
    expect(messages).toEqual([
      'UNAUTHORIZED This code is not right: 4 tries left',
      'UNAUTHORIZED This code is not right: 3 tries left',
      'UNAUTHORIZED This code is not right: 2 tries left',
      'UNAUTHORIZED This code is not right: 1 try left',
      'BAD_REQUEST This code has expired or was entered wrongly too often: ask for a new one',
    ]);
    const right = await errorOf(h.caller(null).accounts.verifyCode({ email: 'guess@example.org', code }));
    expect(right.message).toBe('This code has expired or was entered wrongly too often: ask for a new one');
    // A new code works again.
    await h.caller(null).accounts.requestCode({ email: 'guess@example.org', locale: 'en' });
    const fresh = await lastSignInMail(h, 'guess@example.org');
    const out = await h.caller(null).accounts.verifyCode({ email: 'guess@example.org', code: fresh.code });
    expect(out.person?.email).toBe('guess@example.org');
  });

  it('a code expires after 10 minutes; a newer mail replaces the older code and link', async () => {
    await h.caller(null).accounts.requestCode({ email: 'late@example.org', locale: 'en' });
    const old = await lastSignInMail(h, 'late@example.org');
    await h.caller(null).accounts.requestCode({ email: 'late@example.org', locale: 'en' });
    const newer = await lastSignInMail(h, 'late@example.org');
    const oldLink = await errorOf(h.caller(null).accounts.verifyLink({ token: old.token }));
    expect(`${oldLink.code} ${oldLink.message}`).toBe(
      'BAD_REQUEST This sign-in link has expired or was replaced by a newer one: ask for a new code',
    );
    h.advanceClock(10 * 60_000 + 1);
    const late = await errorOf(
      h.caller(null).accounts.verifyCode({ email: 'late@example.org', code: newer.code }),
    );
    expect(late.message).toBe('This code has expired or was entered wrongly too often: ask for a new one');
    h.advanceClock(-(10 * 60_000 + 1));
  });

  it('the link in the same mail signs in once', async () => {
    await h.caller(null).accounts.requestCode({ email: 'tap@example.org', locale: 'en' });
    const { token } = await lastSignInMail(h, 'tap@example.org');
    const jar = cookieJar();
    const out = await h.caller(null, {}, { personCookie: jar }).accounts.verifyLink({ token });
    expect(out.person?.email).toBe('tap@example.org');
    expect(jar.token).not.toBeNull();
    const twice = await errorOf(h.caller(null).accounts.verifyLink({ token }));
    expect(twice.code).toBe('BAD_REQUEST');
  });

  it('limits codes per address (no mail bombing) whatever the client', async () => {
    const strict = withConfig(h, { rateLimitScale: 1 });
    const factory = createCallerFactory(appRouter);
    const call = (ip: string) => {
      const ctx: Context = {
        services: strict.services,
        actor: null,
        request: testRequest({ ip }),
        session: cookieJar(),
        personSession: cookieJar(),
      };
      return factory(ctx).accounts.requestCode({ email: 'victim@example.org', locale: 'en' });
    };
    const outcomes: string[] = [];
    for (let i = 0; i < 7; i++)
      outcomes.push(
        await call(`192.0.2.${i + 1}`).then(
          () => 'ok',
          (e: { code: string }) => e.code,
        ),
      );
    expect(outcomes).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
    const mails = await h.runtime.db
      .select()
      .from(schema.mailOutbox)
      .where(eq(schema.mailOutbox.toAddress, 'victim@example.org'));
    expect(mails.length).toBe(5);
  });
});

describe('the registration link signs in', () => {
  it('opening a registration’s emailed link starts a person session for its address', async () => {
    const reg = await register('link@example.org');
    const jar = cookieJar();
    const out = await h
      .caller(null, {}, { linkToken: reg.link, personCookie: jar })
      .accounts.fromRegistrationLink();
    expect(out.person?.email).toBe('link@example.org');
    const actor = await resolvePersonSession(h.runtime, jar.token ?? undefined);
    const conference = await h.caller(null, {}, { person: actor! }).me.conference({ eventId });
    expect(conference.sections.map((s) => s.kind)).toEqual(['registration']);
    // The magic link itself keeps working as before.
    expect((await h.caller(null, {}, { linkToken: reg.link }).myRegistration.get()).id).toBe(reg.id);
  });
});

describe('registrations made before the account', () => {
  it("are the signed-in person's from the start: a registration points to its address's person", async () => {
    const mine = await register('attach@example.org');
    const { person } = await signInPerson(h, 'Attach@Example.org');
    const [row] = await h.runtime.db
      .select({ personId: schema.registrations.personId })
      .from(schema.registrations)
      .where(eq(schema.registrations.id, mine.id));
    expect(row!.personId).toBe(person.personId);
  });
});

describe('sessions and my pages', () => {
  it('My conference lists the registration and the delegation the person is the contact of', async () => {
    const reg = await register('contact@example.org');
    await h.caller(admin).delegations.create({
      eventId,
      name: 'Ministry of Planning',
      contactName: 'Contact Person',
      contactEmail: 'Contact@example.org',
      categoryId,
      members: [{ participant: participant() }, { participant: participant() }],
    });
    const { person } = await signInPerson(h, 'contact@example.org');
    const me = h.caller(null, {}, { person });
    const page = await me.me.conference({ eventId });
    const [registration, delegation] = page.sections;
    const [row] = await h.runtime.db
      .select({
        reference: schema.registrations.reference,
        status: schema.registrations.status,
        ticket: schema.registrations.ticketCode,
      })
      .from(schema.registrations)
      .where(eq(schema.registrations.id, reg.id));
    expect(registration).toEqual({
      kind: 'registration',
      registrationId: reg.id,
      reference: row!.reference,
      status: 'confirmed',
      category: { en: 'OPEN', ko: 'OPEN' },
      ticketCode: row!.ticket,
    });
    const [group] = await h.runtime.db
      .select({ id: schema.delegations.id })
      .from(schema.delegations)
      .where(eq(schema.delegations.name, 'Ministry of Planning'));
    expect(delegation).toEqual({
      kind: 'delegation',
      delegations: [{ id: group!.id, name: 'Ministry of Planning', members: 2, confirmed: 2 }],
    });
    expect((await me.me.events()).map((e) => e.id)).toEqual([eventId]);
    // A fresh personal link opens the registration's own page.
    const { token } = await me.me.openRegistration({ registrationId: reg.id });
    expect((await h.caller(null, {}, { linkToken: token }).myRegistration.get()).id).toBe(reg.id);
  });

  it('an event where the person has nothing, and someone else’s registration, answer as missing', async () => {
    const other = await register('someone@example.org');
    const { person } = await signInPerson(h, 'empty@example.org');
    const me = h.caller(null, {}, { person });
    expect((await errorOf(me.me.conference({ eventId }))).code).toBe('NOT_FOUND');
    expect((await errorOf(me.me.openRegistration({ registrationId: other.id }))).code).toBe('NOT_FOUND');
    expect(await me.me.events()).toEqual([]);
  });

  it('a person session sent without its CSRF token on a POST is refused by person rules only', async () => {
    const { person } = await signInPerson(h, 'csrf@example.org');
    const factory = createCallerFactory(appRouter);
    const ctx: Context = {
      services: h.services,
      actor: null,
      request: testRequest(),
      session: cookieJar(),
      person,
      personCsrfRefused: true,
      personSession: cookieJar(),
    };
    const err = await errorOf(factory(ctx).accounts.signOutEverywhere());
    expect(`${err.code} ${err.message}`).toBe(
      'FORBIDDEN Missing or wrong CSRF token: reload the page and try again',
    );
    expect(await factory(ctx).accounts.requestCode({ email: 'csrf@example.org', locale: 'en' })).toEqual({
      ok: true,
    });
  });

  it('sign out ends this session; sign out everywhere ends them all', async () => {
    const a = await signInPerson(h, 'out@example.org');
    const b = await signInPerson(h, 'out@example.org');
    const c = await signInPerson(h, 'out@example.org');
    const jar = cookieJar();
    jar.set(a.token, new Date());
    await h.caller(null, {}, { person: a.person, personCookie: jar }).accounts.signOut();
    expect(jar.token).toBeNull();
    expect(await resolvePersonSession(h.runtime, a.token)).toBeNull();
    expect((await resolvePersonSession(h.runtime, b.token))?.personId).toBe(b.person.personId);
    await h.caller(null, {}, { person: b.person }).accounts.signOutEverywhere();
    expect(await resolvePersonSession(h.runtime, b.token)).toBeNull();
    expect(await resolvePersonSession(h.runtime, c.token)).toBeNull();
  });

  it('downloads my data, and erasure blanks the person and signs out everywhere', async () => {
    const reg = await register('erase@example.org');
    const { person, token } = await signInPerson(h, 'erase@example.org');
    const me = h.caller(null, {}, { person });
    const exported = await me.me.exportData();
    expect((exported.data.person as { email: string }).email).toBe('erase@example.org');
    expect((exported.data.registrations as Array<{ id: string }>).map((r) => r.id)).toEqual([reg.id]);
    expect(await me.me.requestErasure()).toEqual({ ok: true });
    expect(await resolvePersonSession(h.runtime, token)).toBeNull();
    const [row] = await h.runtime.db
      .select()
      .from(schema.persons)
      .where(eq(schema.persons.id, person.personId));
    expect(row?.email).toBe(`erased-${person.personId}@erased.invalid`);
    expect(row?.erasedAt).not.toBeNull();
  });
});
