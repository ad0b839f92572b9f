import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@plenary/contracts';
import { createHarness, type TestHarness } from '../testing/harness';
import { loadDemo, type DemoReport } from './load-demo';
import { emptyRegistrationReport } from './load-registration';
import { DEMO_PASSWORD, demoPeople } from './tci-2015';
import { demoParticipants } from './tci-2015-participants';

let h: TestHarness;
let first: DemoReport;
let admin: Actor;

beforeAll(async () => {
  // SMTP is configured but unreachable: the demo must keep its mail in the outbox anyway.
  h = await createHarness({ config: { smtpUrl: 'smtp://127.0.0.1:9' } });
  admin = await h.signUp('admin@plenary.example.org', { platformAdmin: true });
  const started = performance.now();
  first = await loadDemo(h.runtime);
  // Printed so a slower demo gets noticed: it should stay under about 20 s on PGlite.
  console.info(`loadDemo took ${Math.round(performance.now() - started)} ms`);
}, 180_000);
afterAll(() => h.close());

const ids = () => first.eventIds as { 'tci-2015': string; 'tci-2016': string };

/** Every entry of an event's audit log, oldest first (the list pages newest first). */
async function wholeAuditLog(eventId: string) {
  const entries = [];
  let cursor: number | undefined;
  do {
    const page = await h.caller(admin).audit.list({ eventId, limit: 200, ...(cursor ? { cursor } : {}) });
    entries.push(...page.entries);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return entries.reverse();
}

describe('the demo data', () => {
  it('publishes the reference event with its programme, venue and times', async () => {
    const event = await h.caller(null).portal.event({ slug: 'tci-2015' });
    expect(event).toMatchObject({
      id: ids()['tci-2015'],
      status: 'published',
      title: { ko: '제18회 세계 클러스터 경쟁력 총회', en: '18th TCI Global Conference' },
      subtitle: {
        ko: '창조경제와 클러스터: 비즈니스 모델과 정책 아젠다',
        en: 'Creative Economy and Clusters: Business Models and Policy Agenda',
      },
      venueName: { ko: '엑스코', en: 'EXCO' },
      venueAddress: { ko: '대구광역시 북구 엑스코로 10', en: '10 Exco-ro, Buk-gu, Daegu, Korea' },
      startsAt: '2015-11-03T00:00:00.000Z',
      endsAt: '2015-11-06T09:00:00.000Z',
      timeZone: 'Asia/Seoul',
    });
    expect(event.description.en).toContain('7 industrial clusters');
    expect(event.description.en).toContain('6 keynote lectures and about 70 papers');
    expect(event.description.ko).toContain('6개의 주제강연과 70여 편의 논문');
    expect((await h.caller(null).portal.events()).map((e) => e.slug)).toEqual(['tci-2015']);
  });

  it('gives each demo person their role, and the owner an event switcher with both editions', async () => {
    const team = await h.caller(admin).team.list({ eventId: ids()['tci-2015'] });
    expect(team.members.map((m) => [m.email, m.role]).sort()).toEqual(
      [
        [demoPeople.owner.email, 'owner'],
        [demoPeople.tciManager.email, 'admin'],
        [demoPeople.registrationDesk.email, 'staff'],
        [demoPeople.programChair.email, 'program_chair'],
        [demoPeople.reviewer.email, 'reviewer'],
        [demoPeople.b2bCoordinator.email, 'b2b_coordinator'],
      ].sort(),
    );
    expect(team.invitations).toEqual([]);

    const owner = (await h.signIn(demoPeople.owner.email, DEMO_PASSWORD)).actor;
    const me = await h.caller(owner).auth.me();
    expect(me.user?.isPlatformAdmin).toBe(false);
    // The published edition comes first: the console opens on the event being run, not the draft of the next.
    expect(me.memberships.map((m) => [m.slug, m.role])).toEqual([
      ['tci-2015', 'owner'],
      ['tci-2016', 'owner'],
    ]);
    const draft = await h.caller(owner).events.get({ eventId: ids()['tci-2016'] });
    expect(draft).toMatchObject({
      status: 'draft',
      timeZone: 'Europe/Amsterdam',
      title: { en: '19th TCI Global Conference' },
    });

    const desk = (await h.signIn(demoPeople.registrationDesk.email, DEMO_PASSWORD)).actor;
    expect((await h.caller(desk).auth.me()).memberships.map((m) => [m.slug, m.role])).toEqual([
      ['tci-2015', 'staff'],
    ]);
  });

  it('leaves an audit trail of the real steps and keeps the invitation mails in the outbox', async () => {
    const oldestFirst = (await wholeAuditLog(ids()['tci-2015'])).filter((e) =>
      /^(event|team)\./.test(e.action),
    );
    expect(oldestFirst.map((e) => e.action)).toEqual([
      'event.create',
      'event.publish',
      ...Array.from({ length: 5 }, () => ['team.invite', 'team.acceptInvitation']).flat(),
    ]);
    expect(oldestFirst[0]?.actorLabel).toBe(demoPeople.owner.email);
    expect(oldestFirst[2]).toMatchObject({
      actorLabel: demoPeople.owner.email,
      diff: { email: { after: demoPeople.tciManager.email }, role: { after: 'admin' } },
    });
    expect(oldestFirst[3]?.actorLabel).toBe(demoPeople.tciManager.email);

    // The newest 200: the registration's own mails (confirmations, payments) come after these.
    const mail = await h.caller(admin).mail.list({ limit: 200 });
    expect(mail.messages.filter((m) => m.template === 'teamInvitation').map((m) => m.status)).toEqual(
      Array(7).fill('captured'),
    );
    // The demo owner's own session was ended when the demo finished.
    const sessions = await h.database.query<{ n: number }>(
      `select count(*)::int as n from sessions s join users u on u.id = s.user_id where u.email = $1 and s.ip = '127.0.0.1' and s.user_agent = 'plenary-cli demo'`,
      [demoPeople.owner.email],
    );
    expect(sessions.rows[0]?.n).toBe(0);
  });

  it('adds nothing when loaded again', async () => {
    const auditBefore = await h.database.query<{ n: number }>(`select count(*)::int as n from audit_log`);
    const again = await loadDemo(h.runtime);
    expect(again.created).toEqual({
      users: [],
      events: [],
      memberships: [],
      registration: emptyRegistrationReport(),
    });
    const registrations = await h.database.query<{ n: number }>(
      `select count(*)::int as n from registrations`,
    );
    expect(registrations.rows[0]?.n).toBe(385);
    expect(again.eventIds).toEqual(first.eventIds);
    const events = await h.database.query<{ slug: string }>(`select slug from events order by slug`);
    expect(events.rows.map((r) => r.slug)).toEqual(['tci-2015', 'tci-2016']);
    const auditAfter = await h.database.query<{ n: number }>(`select count(*)::int as n from audit_log`);
    expect(auditAfter.rows[0]?.n).toBe(auditBefore.rows[0]?.n);
  });

  it('reports what the first run created', () => {
    expect(first.created.users.map((u) => u.email)).toEqual(Object.values(demoPeople).map((p) => p.email));
    expect(first.created.events.map((e) => [e.slug, e.status])).toEqual([
      ['tci-2015', 'published'],
      ['tci-2016', 'draft'],
    ]);
    expect(first.created.memberships.length).toBe(9);
    expect(first.created.registration).toEqual({
      settings: 1,
      categories: 8,
      options: 10,
      invitationCodes: 1,
      consents: 2,
      delegations: 1,
      participants: 365,
      cancelled: 6,
      payments: 26,
      checkIns: 40,
    });
    expect(first.skippedEvents).toEqual([]);
  });
});

describe('registration at the reference event', () => {
  it('sets up the categories, options, consent texts and questions of the event', async () => {
    const eventId = ids()['tci-2015'];
    const setup = h.caller(admin).registrationSetup;
    const settings = await setup.settings({ eventId });
    expect(settings).toMatchObject({
      capacity: 900,
      letterhead: {
        organiser: { ko: '한국산업단지공단', en: 'Korea Industrial Complex Corporation (KICOX)' },
      },
    });
    expect(settings.questions.map((q) => [q.id, q.type, q.required, q.showIf])).toEqual([
      ['heard_about', 'singleChoice', false, null],
      ['presenting_paper', 'checkbox', false, null],
      ['paper_title', 'text', true, { questionId: 'presenting_paper', equals: true }],
    ]);

    const categories = await setup.categories({ eventId });
    expect(
      categories.map((c) => [
        c.code,
        c.label.en,
        c.capacity,
        c.requiresApproval,
        c.feeAmount,
        c.feeCurrency,
        c.visibility,
        c.taken,
        c.waitlisted,
      ]),
    ).toEqual([
      ['GOV', 'Government and policy makers', 200, true, null, null, 'public', 90, 0],
      ['ACADEMIA', 'Universities and research institutes', 220, false, null, null, 'public', 105, 0],
      ['LARGE', 'Large companies', 120, false, 300000, 'KRW', 'public', 30, 0],
      ['SME', 'SMEs', 180, false, null, null, 'public', 64, 0],
      ['INTL', 'International organisations', 80, false, null, null, 'public', 20, 0],
      ['PRESS', 'Press', 24, false, null, null, 'public', 24, 6],
      ['GUEST', 'Guests', 50, false, null, null, 'public', 20, 0],
      ['DELEGATION', 'Ministry delegation', 25, false, null, null, 'invitation', 20, 0],
    ]);
    expect(categories.every((c) => c.label.ko && c.label.en)).toBe(true);
    expect(categories.reduce((sum, c) => sum + (c.capacity ?? 0), 0)).toBe(899);

    const options = await setup.options({ eventId });
    expect(options.map((o) => [o.code, o.kind, o.capacity, o.booked, o.waitlisted])).toEqual([
      // The delegation's 20 seats and the most wanted tour are full, with people waiting.
      ['TOUR-GUMI', 'tour', 45, 45, 3],
      ['TOUR-POHANG', 'tour', 45, 45, 13],
      ['TOUR-ULSAN', 'tour', 40, 33, 0],
      ['TOUR-CHANGWON', 'tour', 40, 17, 0],
      ['TOUR-SEONGSEO', 'tour', 45, 16, 0],
      ['TOUR-TECHNOPOLIS', 'tour', 45, 24, 0],
      ['TOUR-MEDICAL', 'tour', 40, 19, 0],
      // Waiting seats: those of the press waiting for a place.
      ['WELCOME-DINNER', 'meal', 600, 289, 4],
      ['NIGHT-TOUR', 'social', 120, 110, 2],
      ['CULTURE', 'social', 150, 77, 0],
    ]);
    const tours = options.filter((o) => o.kind === 'tour');
    expect(tours.reduce((sum, o) => sum + (o.capacity ?? 0), 0)).toBe(300);

    expect(
      (await setup.consents({ eventId })).map((c) => [c.kind, c.version, c.required, c.current]),
    ).toEqual([
      ['photography', 1, false, true],
      ['privacy', 1, true, true],
    ]);
    expect(
      (await setup.codes({ eventId })).map((c) => [c.code, c.maxUses, c.used, c.reservesPlaces, c.expiresAt]),
    ).toEqual([['MPI-VN-2015', 25, 20, true, null]]);

    // On the portal the delegation's category shows only to holders of the code.
    const form = await h.caller(null).portalRegistration.form({ eventId });
    expect(form.open).toBe(true);
    expect(form.categories.map((c) => [c.label.en, c.full])).toEqual([
      ['Government and policy makers', false],
      ['Universities and research institutes', false],
      ['Large companies', false],
      ['SMEs', false],
      ['International organisations', false],
      ['Press', true],
      ['Guests', false],
    ]);
    const withCode = await h.caller(null).portalRegistration.form({ eventId, invitationCode: 'mpi-vn-2015' });
    expect(withCode.invitationCode).toEqual({ valid: true, reason: null });
    expect(withCode.categories.filter((c) => c.viaCode).map((c) => c.label.en)).toEqual([
      'Ministry delegation',
    ]);
  });

  it('registers participants from 78 countries in every state the desk meets', async () => {
    const eventId = ids()['tci-2015'];
    const stats = await h.caller(admin).registrations.stats({ eventId });
    expect(stats.total).toBe(385);
    expect(stats.byStatus).toEqual([
      { status: 'pending', count: 12 },
      // The fee category's registrations the desk marked paid are confirmed; 4 still await payment.
      { status: 'confirmed', count: 357 },
      { status: 'waitlisted', count: 6 },
      { status: 'offered', count: 0 },
      { status: 'awaiting_payment', count: 4 },
      { status: 'cancelled', count: 6 },
      { status: 'rejected', count: 0 },
    ]);
    expect(stats.byCountry.length).toBe(78);
    expect(stats.byCountry.slice(0, 3)).toEqual([
      { country: 'KR', count: 122 },
      { country: 'VN', count: 27 },
      { country: 'US', count: 14 },
    ]);
    expect(stats.checkedIn).toBe(40);

    const q = async (sql: string) => (await h.database.query<Record<string, unknown>>(sql, [eventId])).rows;
    expect(
      await q(
        `select payment_status, count(*)::int as n from registrations where event_id = $1 group by 1 order by 1`,
      ),
    ).toEqual([
      { payment_status: 'not_required', n: 355 },
      { payment_status: 'paid', n: 24 },
      { payment_status: 'unpaid', n: 4 },
      { payment_status: 'waived', n: 2 },
    ]);
    expect(
      await q(
        `select count(*) filter (where p.local_name is not null)::int as local,
                count(*) filter (where (r.answers->>'presenting_paper')::boolean)::int as papers,
                count(*) filter (where r.answers ? 'paper_title')::int as titles,
                count(distinct r.source)::int as sources
         from registrations r join persons p on p.id = r.person_id where r.event_id = $1`,
      ),
    ).toEqual([{ local: 209, papers: 68, titles: 68, sources: 1 }]);

    // Names as people write them: Hangul, Chinese, Japanese, Vietnamese, Arabic, accented Latin.
    const list = await h
      .caller(admin)
      .registrations.list({ eventId, limit: 200, sort: 'familyName', direction: 'asc' });
    expect(list.total).toBe(385);
    const locals = await q(
      `select p.country, p.local_name from registrations r join persons p on p.id = r.person_id where r.event_id = $1 and p.local_name is not null`,
    );
    const scripts = {
      KR: /^[\uac00-\ud7a3]+$/,
      CN: /^[\u4e00-\u9fff]+$/,
      JP: /^[\u4e00-\u9fff\u3040-\u30ff]+ [\u4e00-\u9fff\u3040-\u30ff]+$/,
      VN: /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúýÀ-ỹ]/i,
      EG: /^[\u0600-\u06ff ]+$/,
    };
    for (const [country, script] of Object.entries(scripts)) {
      const names = locals.filter((r) => r.country === country).map((r) => String(r.local_name));
      expect(names.length, country).toBeGreaterThan(0);
      expect(
        names.every((n) => script.test(n)),
        `${country}: ${names.join(', ')}`,
      ).toBe(true);
    }
    const accented = await q(
      `select count(*)::int as n from registrations r join persons p on p.id = r.person_id where r.event_id = $1 and p.given_name || p.family_name ~ '[À-ž]'`,
    );
    expect(accented[0]?.n).toBeGreaterThan(20);

    const [summary] = await h.caller(admin).delegations.list({ eventId });
    const delegation = await h.caller(admin).delegations.get({ eventId, delegationId: summary?.id ?? '' });
    expect(delegation).toMatchObject({
      name: 'Ministry of Planning and Investment, Viet Nam',
      contactName: 'Nguyễn Thị Lan',
    });
    expect(delegation.members.map((m) => m.status)).toEqual(Array(20).fill('confirmed'));
  });

  it('records who did what: the owner set registration up, the desk registered everyone', async () => {
    const log = await wholeAuditLog(ids()['tci-2015']);
    const counts: Record<string, number> = {};
    // Registration's part of the log (the fair and the agreements have tests of their own).
    for (const e of log.filter((e) => /^(registration\w*|invitationCode|consent|delegation)\./.test(e.action))) {
      const key = `${e.action} by ${e.actorLabel}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    const owner = demoPeople.owner.email;
    const desk = demoPeople.registrationDesk.email;
    expect(counts).toEqual({
      [`registrationSettings.update by ${owner}`]: 1,
      [`registrationSettings.updateForm by ${owner}`]: 1,
      [`registrationCategory.create by ${owner}`]: 8,
      [`invitationCode.create by ${owner}`]: 1,
      [`consent.publish by ${owner}`]: 2,
      [`registrationOption.create by ${owner}`]: 10,
      [`delegation.create by ${desk}`]: 1,
      [`registration.create by ${desk}`]: 385,
      [`registration.cancel by ${desk}`]: 6,
      [`registration.payment by ${desk}`]: 26,
      [`registration.paymentConfirmed by ${desk}`]: 26,
      [`registration.check_in by ${desk}`]: 40,
    });
  });

  it('makes the same people every time', async () => {
    const { individuals, delegates } = demoParticipants();
    expect(demoParticipants()).toEqual({ individuals, delegates });
    const emails = await h.database.query<{ email: string }>(
      `select p.email from registrations r join persons p on p.id = r.person_id where r.event_id = $1 order by p.email`,
      [ids()['tci-2015']],
    );
    expect(emails.rows.map((r) => r.email)).toEqual(
      [...individuals, ...delegates].map((p) => p.participant.email).sort(),
    );
  });

  it("names the event's organisations in both languages and matches every registration to one", async () => {
    const kicox = await h.caller(admin).organisations.list({ search: '한국산업단지공단' });
    expect(kicox.items.map((o) => [o.name.en, o.type, o.country])).toEqual([
      ['Korea Industrial Complex Corporation (KICOX)', 'public_corporation', 'KR'],
    ]);
    expect(kicox.items[0]!.registrations).toBeGreaterThan(0);
    const unmatched = await h.database.query<{ n: number }>(
      `select count(*)::int as n from registrations where organisation_id is null`,
    );
    expect(unmatched.rows[0]!.n).toBe(0);
  });
});
