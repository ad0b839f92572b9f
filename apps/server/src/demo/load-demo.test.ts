import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@plenary/contracts';
import { createHarness, type TestHarness } from '../testing/harness';
import { loadDemo, type DemoReport } from './load-demo';
import { DEMO_PASSWORD, demoPeople } from './tci-2015';

let h: TestHarness;
let first: DemoReport;
let admin: Actor;

beforeAll(async () => {
  // SMTP is configured but unreachable: the demo must keep its mail in the outbox anyway.
  h = await createHarness({ config: { smtpUrl: 'smtp://127.0.0.1:9' } });
  admin = await h.signUp('admin@plenary.example.org', { platformAdmin: true });
  first = await loadDemo(h.runtime);
});
afterAll(() => h.close());

const ids = () => first.eventIds as { 'tci-2015': string; 'tci-2016': string };

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
    expect(me.memberships.map((m) => [m.slug, m.role])).toEqual([
      ['tci-2016', 'owner'],
      ['tci-2015', 'owner'],
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
    const log = await h.caller(admin).audit.list({ eventId: ids()['tci-2015'], limit: 50 });
    const oldestFirst = [...log.entries].reverse();
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

    const mail = await h.caller(admin).mail.list({ limit: 50 });
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
    expect(again.created).toEqual({ users: [], events: [], memberships: [] });
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
    expect(first.skippedEvents).toEqual([]);
  });
});
