import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, schema } from '@plenary/db';
import type { Actor } from '@plenary/contracts';
import { createHarness, errorOf, type TestHarness } from '../../testing/harness';
import { registrationEvent } from '../../testing/registration-fixtures';
import { signInPerson } from '../../testing/persons';
import { insertMember } from '../team/team.repo';

/** Issue 11 §3: the automatic assignment wired to the event's papers, reviewers and conflicts. */
let h: TestHarness;
let chair: Actor;
let eventId: string;
const reviewers: Actor[] = [];
const papers: string[] = [];

beforeAll(async () => {
  h = await createHarness();
  const admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
  eventId = (await registrationEvent(h, admin, { slug: 'auto-2015', categories: [{ code: 'OPEN' }] }))
    .eventId;
  chair = await h.signUp('chair@plenary.test');
  await insertMember(h.runtime.db, { eventId, userId: chair.userId, role: 'program_chair' });
  for (let i = 0; i < 5; i++) {
    const r = await h.signUp(`reviewer${i}@reviewers.example.com`);
    await insertMember(h.runtime.db, { eventId, userId: r.userId, role: 'reviewer' });
    reviewers.push(r);
  }
  const author = (await signInPerson(h, 'author@papers.example.org')).person;
  // Seven submitted papers and one draft (a draft is never proposed).
  for (let i = 0; i < 8; i++) {
    const [row] = await h.runtime.db
      .insert(schema.submissions)
      .values({
        eventId,
        submitterPersonId: author.personId,
        status: i < 7 ? 'submitted' : 'draft',
        submittedAt: i < 7 ? new Date(h.runtime.now().getTime() + i * 1000) : null,
        title: { en: `Paper ${i}` },
        keywords: i % 2 === 0 ? ['Cluster Policy'] : ['creative economy'],
      })
      .returning({ id: schema.submissions.id });
    papers.push(row!.id);
  }
  // A conflict confirmed by staff on paper 0 x reviewer 0, one declared by the authors on paper 1 x reviewer 1.
  await h.runtime.db.insert(schema.reviewConflicts).values({
    eventId,
    submissionId: papers[0]!,
    userId: reviewers[0]!.userId,
    source: 'detected',
    type: 'same_institution',
    reason: 'Same institution as an author',
    status: 'confirmed',
  });
  await h.runtime.db
    .insert(schema.submissionReviewerConflicts)
    .values({ submissionId: papers[1]!, userId: reviewers[1]!.userId, type: 'collaborator' });
  // Reviewer 2 wants paper 0: a bid is not there yet, a topic is.
  await h.caller(chair).review.saveReviewer({
    eventId,
    userId: reviewers[2]!.userId,
    topics: ['cluster policy'],
    affiliation: null,
  });
}, 120_000);
afterAll(() => h.close());

const has = (pairs: Array<{ submissionId: string; userId: string }>, s: number, r: number) =>
  pairs.some((p) => p.submissionId === papers[s] && p.userId === reviewers[r]!.userId);

describe('review.proposeAssignment', () => {
  it('proposes N reviewers for every submitted paper, never a conflicted pair, and writes nothing', async () => {
    // N = 4 of 5 reviewers: the conflicted reviewer is the only one left out of papers 0 and 1.
    const got = await h.caller(chair).review.proposeAssignment({ eventId, reviewsPerSubmission: 4 });
    expect(got.pairs).toHaveLength(28);
    for (let s = 0; s < 7; s++) expect(got.pairs.filter((p) => p.submissionId === papers[s])).toHaveLength(4);
    expect(got.pairs.some((p) => p.submissionId === papers[7])).toBe(false);
    expect([has(got.pairs, 0, 0), has(got.pairs, 1, 1)]).toEqual([false, false]);
    // Reviewer 0 and 1 are not shunned: they review the other papers.
    expect(got.pairs.filter((p) => p.userId === reviewers[0]!.userId)).toHaveLength(6);
    expect(got.shortfalls).toEqual([]);
    expect(got.objective.loadSquares).toBe(got.loads.reduce((sum, l) => sum + l.load * l.load, 0));
    const [n] = await h.runtime.db
      .select({ id: schema.reviewAssignments.submissionId })
      .from(schema.reviewAssignments)
      .where(eq(schema.reviewAssignments.eventId, eventId));
    expect(n).toBeUndefined();
  });

  it('the control: with the staff conflict dismissed and the declaration withdrawn, the pairs come back', async () => {
    await h.runtime.db.update(schema.reviewConflicts).set({ status: 'dismissed' });
    await h.runtime.db.delete(schema.submissionReviewerConflicts);
    const got = await h.caller(chair).review.proposeAssignment({ eventId, reviewsPerSubmission: 5 });
    expect([has(got.pairs, 0, 0), has(got.pairs, 1, 1)]).toEqual([true, true]);
    // Put the conflicts back for what follows.
    await h.runtime.db.update(schema.reviewConflicts).set({ status: 'confirmed' });
    await h.runtime.db
      .insert(schema.submissionReviewerConflicts)
      .values({ submissionId: papers[1]!, userId: reviewers[1]!.userId, type: 'collaborator' });
  });

  it('keeps existing assignments, balances the load within one of the mean, and follows topics', async () => {
    await h.caller(chair).review.assign({ eventId, submissionId: papers[3]!, userId: reviewers[4]!.userId });
    const got = await h.caller(chair).review.proposeAssignment({ eventId });
    expect(got.reviewsPerSubmission).toBe(3);
    expect(got.pairs).toHaveLength(21);
    expect(got.pairs.filter((p) => p.kept)).toEqual([
      { submissionId: papers[3], userId: reviewers[4]!.userId, kept: true, bid: 0, topicMatches: 0 },
    ]);
    const mean = 21 / 5;
    expect(got.objective.meanLoad).toBe(mean);
    for (const l of got.loads) expect(Math.abs(l.load - mean)).toBeLessThanOrEqual(1);
    expect([got.objective.minLoad, got.objective.maxLoad]).toEqual([4, 5]);
    // Reviewer 2's topic (any case) is on the even papers: 0, 2, 4, 6.
    const theirs = got.pairs.filter((p) => p.userId === reviewers[2]!.userId && p.topicMatches === 1);
    expect(theirs.map((p) => papers.indexOf(p.submissionId)).sort()).toEqual([0, 2, 4, 6]);
  });
});

describe('review.acceptAssignment', () => {
  it('writes the proposal in one go, and refuses all of it (409) once a pair became conflicted', async () => {
    const proposal = await h.caller(chair).review.proposeAssignment({ eventId });
    const pairs = proposal.pairs.map(({ submissionId, userId }) => ({ submissionId, userId }));
    const victim = proposal.pairs.find((p) => !p.kept && p.submissionId === papers[5])!;
    // Meanwhile the authors declare a conflict with one proposed reviewer.
    await h.runtime.db
      .insert(schema.submissionReviewerConflicts)
      .values({ submissionId: victim.submissionId, userId: victim.userId, type: 'personal' });
    const err = await errorOf(h.caller(chair).review.acceptAssignment({ eventId, pairs }));
    expect([err.code, err.message]).toEqual([
      'CONFLICT',
      'The proposal is out of date: a pair is now conflicted or a paper is no longer submitted. Propose again',
    ]);
    const count = async () =>
      (
        await h.runtime.db
          .select()
          .from(schema.reviewAssignments)
          .where(eq(schema.reviewAssignments.eventId, eventId))
      ).length;
    expect(await count()).toBe(1);
    // The control: without the new conflict, the same pairs are written (the kept one not again).
    await h.runtime.db
      .delete(schema.submissionReviewerConflicts)
      .where(
        and(
          eq(schema.submissionReviewerConflicts.submissionId, victim.submissionId),
          eq(schema.submissionReviewerConflicts.userId, victim.userId),
        ),
      );
    expect(await h.caller(chair).review.acceptAssignment({ eventId, pairs })).toEqual({ written: 20 });
    expect(await count()).toBe(21);
  });

  it('refuses (409, nothing written) when a paper left submitted meanwhile', async () => {
    await h.runtime.db
      .update(schema.submissions)
      .set({ status: 'withdrawn' })
      .where(eq(schema.submissions.id, papers[6]!));
    const before = await h.runtime.db.select().from(schema.reviewAssignments);
    // A reviewer not yet on paper 2 (no conflicts there): the pair would be written on its own.
    const free = reviewers.find(
      (r) => !before.some((a) => a.submissionId === papers[2] && a.userId === r.userId),
    )!;
    const onSix = reviewers.find(
      (r) => !before.some((a) => a.submissionId === papers[6] && a.userId === r.userId),
    )!;
    const pairs = [
      { submissionId: papers[2]!, userId: free.userId },
      { submissionId: papers[6]!, userId: onSix.userId },
    ];
    const err = await errorOf(h.caller(chair).review.acceptAssignment({ eventId, pairs }));
    expect(err.code).toBe('CONFLICT');
    expect(await h.runtime.db.select().from(schema.reviewAssignments)).toHaveLength(before.length);
  });
});
