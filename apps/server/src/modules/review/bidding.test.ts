import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, schema } from '@plenary/db';
import type { Actor } from '@plenary/contracts';
import { createHarness, errorOf, type TestHarness } from '../../testing/harness';
import { registrationEvent } from '../../testing/registration-fixtures';
import { signInPerson } from '../../testing/persons';
import { insertMember } from '../team/team.repo';
import { instantToWallClock } from '../papers/zoned-time';

/** Issue 11 §3: review phases in the event's zone, and bids taken only while bidding is open. */
let h: TestHarness;
let chair: Actor;
let eventId: string;
const reviewers: Actor[] = [];
const papers: string[] = [];

const HOUR = 3_600_000;
const local = (ms: number) => instantToWallClock(new Date(h.runtime.now().getTime() + ms), 'Asia/Seoul');

beforeAll(async () => {
  h = await createHarness();
  const admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
  eventId = (await registrationEvent(h, admin, { slug: 'bids-2015', categories: [{ code: 'OPEN' }] }))
    .eventId;
  chair = await h.signUp('chair@plenary.test');
  await insertMember(h.runtime.db, { eventId, userId: chair.userId, role: 'program_chair' });
  for (let i = 0; i < 3; i++) {
    const r = await h.signUp(`bidder${i}@reviewers.example.com`);
    await insertMember(h.runtime.db, { eventId, userId: r.userId, role: 'reviewer' });
    reviewers.push(r);
  }
  await h.caller(chair).papers.saveSettings({
    eventId,
    opensAt: local(-HOUR),
    deadline: local(HOUR),
    graceMinutes: 0,
    blindMode: 'double',
  });
  const author = (await signInPerson(h, 'author@papers.example.org')).person;
  for (let i = 0; i < 2; i++) {
    const [row] = await h.runtime.db
      .insert(schema.submissions)
      .values({
        eventId,
        submitterPersonId: author.personId,
        status: 'submitted',
        submittedAt: new Date(h.runtime.now().getTime() + i * 1000),
        title: { en: `Paper ${i}` },
      })
      .returning({ id: schema.submissions.id });
    papers.push(row!.id);
  }
  await h.runtime.db.insert(schema.submissionAuthors).values({
    submissionId: papers[0]!,
    position: 1,
    personId: author.personId,
    givenName: 'Zebulon',
    familyName: 'Quillfeather',
    affiliation: 'Xanadu Institute',
    country: 'NZ',
  });
  // Reviewer 2 is conflicted with paper 1 (declared by the authors).
  await h.runtime.db
    .insert(schema.submissionReviewerConflicts)
    .values({ submissionId: papers[1]!, userId: reviewers[2]!.userId, type: 'personal' });
}, 120_000);
afterAll(() => h.close());

describe('review phases', () => {
  it('keeps the dates in the event’s zone and says which phases are open now', async () => {
    expect(await h.caller(chair).review.phases({ eventId })).toEqual({
      timeZone: 'Asia/Seoul',
      phases: [],
      open: [],
    });
    const saved = await h.caller(chair).review.savePhases({
      eventId,
      phases: [
        { phase: 'reviewing', startsAt: local(2 * HOUR), endsAt: local(48 * HOUR) },
        { phase: 'bidding', startsAt: '2015-09-01T09:00', endsAt: '2015-09-08T18:00' },
      ],
    });
    expect(saved.phases.map((p) => p.phase)).toEqual(['bidding', 'reviewing']);
    expect(saved.phases[0]).toEqual({
      phase: 'bidding',
      startsAt: '2015-09-01T09:00',
      endsAt: '2015-09-08T18:00',
    });
    expect(saved.open).toEqual([]);
    const [row] = await h.runtime.db
      .select()
      .from(schema.reviewPhaseDates)
      .where(eq(schema.reviewPhaseDates.phase, 'bidding'));
    // 09:00 in Seoul (UTC+9) is midnight UTC.
    expect(row!.startsAt.toISOString()).toBe('2015-09-01T00:00:00.000Z');
  });

  it('refuses a phase that ends before it starts, and a phase twice', async () => {
    const backwards = await errorOf(
      h.caller(chair).review.savePhases({
        eventId,
        phases: [{ phase: 'bidding', startsAt: local(HOUR), endsAt: local(-HOUR) }],
      }),
    );
    expect([backwards.code, backwards.message]).toEqual(['BAD_REQUEST', 'A phase must end after it starts']);
    const twice = await errorOf(
      h.caller(chair).review.savePhases({
        eventId,
        phases: [
          { phase: 'bidding', startsAt: local(-HOUR), endsAt: local(HOUR) },
          { phase: 'bidding', startsAt: local(-HOUR), endsAt: local(HOUR) },
        ],
      }),
    );
    expect(twice.code).toBe('BAD_REQUEST');
    expect((await h.caller(chair).review.phases({ eventId })).phases).toHaveLength(2);
  });
});

describe('bidding', () => {
  it('is refused (409, keyed) outside the bidding phase, for the list and the bid', async () => {
    const list = await errorOf(h.caller(reviewers[0]!).reviewing.bids({ eventId }));
    const bid = await errorOf(
      h.caller(reviewers[0]!).reviewing.bid({ eventId, submissionId: papers[0]!, bid: 10 }),
    );
    for (const err of [list, bid])
      expect([err.code, err.message]).toEqual([
        'CONFLICT',
        'Bidding is closed: bids are taken only during the bidding phase',
      ]);
    expect(await h.runtime.db.select().from(schema.reviewBids)).toEqual([]);
  });

  it('lists the non-conflicted papers blinded, keeps the bid, and answers 404 for a conflicted paper', async () => {
    await h.caller(chair).review.savePhases({
      eventId,
      phases: [{ phase: 'bidding', startsAt: local(-HOUR), endsAt: local(HOUR) }],
    });
    expect((await h.caller(chair).review.phases({ eventId })).open).toEqual(['bidding']);
    expect(
      await h.caller(reviewers[0]!).reviewing.bid({ eventId, submissionId: papers[0]!, bid: 20 }),
    ).toEqual({ submissionId: papers[0], bid: 20 });
    const mine = await h.caller(reviewers[0]!).reviewing.bids({ eventId });
    expect(mine.map((p) => [p.id, p.bid, p.authors])).toEqual([
      [papers[0], 20, []],
      [papers[1], null, []],
    ]);
    expect(JSON.stringify(mine)).not.toContain('Quillfeather');
    // Reviewer 2 does not see paper 1 at all, and a bid on it is a 404 as for a paper that does not exist.
    expect((await h.caller(reviewers[2]!).reviewing.bids({ eventId })).map((p) => p.id)).toEqual([papers[0]]);
    const conflicted = await errorOf(
      h.caller(reviewers[2]!).reviewing.bid({ eventId, submissionId: papers[1]!, bid: 20 }),
    );
    const missing = await errorOf(
      h
        .caller(reviewers[2]!)
        .reviewing.bid({ eventId, submissionId: '00000000-0000-4000-8000-000000000000', bid: 20 }),
    );
    expect([conflicted.code, conflicted.message]).toEqual([missing.code, missing.message]);
    expect(conflicted.code).toBe('NOT_FOUND');
    const outOfRange = await errorOf(
      h.caller(reviewers[0]!).reviewing.bid({ eventId, submissionId: papers[0]!, bid: 21 }),
    );
    expect(outOfRange.code).toBe('BAD_REQUEST');
  });

  it('feeds the automatic assignment: a +20 bid wins the pair, a -20 bid loses it (the control)', async () => {
    const propose = () => h.caller(chair).review.proposeAssignment({ eventId, reviewsPerSubmission: 1 });
    const onPaper0 = async () => (await propose()).pairs.find((p) => p.submissionId === papers[0]);
    expect(await onPaper0()).toMatchObject({ userId: reviewers[0]!.userId, bid: 20 });
    await h.caller(reviewers[0]!).reviewing.bid({ eventId, submissionId: papers[0]!, bid: -20 });
    expect((await onPaper0())?.userId).not.toBe(reviewers[0]!.userId);
  });
});
