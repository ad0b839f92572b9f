import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@plenary/db';
import type { Actor, conflictDto, PersonActor } from '@plenary/contracts';
import type { z } from 'zod';
import { createHarness, errorOf, type TestHarness } from '../../testing/harness';
import { registrationEvent } from '../../testing/registration-fixtures';
import { signInPerson } from '../../testing/persons';
import { insertMember } from '../team/team.repo';
import { instantToWallClock } from '../papers/zoned-time';

let h: TestHarness;
let admin: Actor;
let chair: Actor;
let eventId: string;
let paperId: string;
const reviewers: Record<string, Actor> = {};
let alice: PersonActor;

const HOUR = 3_600_000;
const local = (ms: number) => instantToWallClock(new Date(h.runtime.now().getTime() + ms), 'Asia/Seoul');
const as = (person: PersonActor) => h.caller(null, {}, { person });

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
  eventId = (await registrationEvent(h, admin, { categories: [{ code: 'OPEN' }] })).eventId;
  chair = await h.signUp('chair@plenary.test');
  await insertMember(h.runtime.db, { eventId, userId: chair.userId, role: 'program_chair' });
  for (const [name, email] of [
    ['ruth', 'ruth@cs.kmu.ac.kr'],
    ['sam', 'sam@gmail.com'],
    ['tom', 'tom@tu-berlin.de'],
    ['uma', 'uma@uchile.cl'],
    ['vic', 'vic@naver.com'],
  ] as const) {
    reviewers[name] = await h.signUp(email);
    await insertMember(h.runtime.db, { eventId, userId: reviewers[name].userId, role: 'reviewer' });
  }
  await h.caller(chair).papers.saveSettings({
    eventId,
    opensAt: local(-HOUR),
    deadline: local(2 * HOUR),
    graceMinutes: 0,
    blindMode: 'double',
  });
  alice = (await signInPerson(h, 'alice@kmu.ac.kr')).person;
  // Uma (a reviewer, and on the platform a participant) wrote another paper with Alice.
  const uma = (await signInPerson(h, 'uma@uchile.cl')).person;
  const [earlier] = await h.runtime.db
    .insert(schema.submissions)
    .values({
      eventId,
      submitterPersonId: uma.personId,
      status: 'submitted',
      title: { en: 'An earlier paper' },
    })
    .returning({ id: schema.submissions.id });
  await h.runtime.db.insert(schema.submissionAuthors).values([
    {
      submissionId: earlier!.id,
      position: 1,
      personId: uma.personId,
      givenName: 'Uma',
      familyName: 'Rojas',
      affiliation: 'Universidad de Chile',
      country: 'CL',
    },
    {
      submissionId: earlier!.id,
      position: 2,
      personId: alice.personId,
      givenName: 'Alice',
      familyName: 'Kim',
      affiliation: 'Keimyung University',
      country: 'KR',
    },
  ]);
  paperId = (
    await as(alice).mySubmissions.create({
      eventId,
      trackId: null,
      typeId: null,
      title: { en: 'Clusters after the crisis' },
      authors: [
        {
          email: 'alice@kmu.ac.kr',
          givenName: 'Alice',
          familyName: 'Kim',
          affiliation: 'Keimyung University',
          country: 'KR',
          orcid: null,
          presenting: true,
        },
      ],
      reviewerConflicts: [{ userId: reviewers.tom!.userId, type: 'collaborator' }],
    })
  ).id;
}, 120_000);
afterAll(() => h.close());

const byName = async (): Promise<Record<string, z.output<typeof conflictDto>>> => {
  const rows = await h.caller(chair).review.conflicts({ eventId, submissionId: paperId });
  const nameOf = (userId: string) => Object.keys(reviewers).find((n) => reviewers[n]!.userId === userId);
  return Object.fromEntries(rows.map((r) => [nameOf(r.userId) ?? r.userId, r]));
};

describe('reviewers and conflicts', () => {
  it('keeps a reviewer’s topics and affiliation, and refuses a user who is not a reviewer', async () => {
    const saved = await h.caller(chair).review.saveReviewer({
      eventId,
      userId: reviewers.sam!.userId,
      topics: ['cluster policy', 'cluster policy', 'innovation'],
      affiliation: 'KEIMYUNG  University.',
    });
    expect(saved.topics).toEqual(['cluster policy', 'innovation']);
    const listed = await h.caller(chair).review.reviewers({ eventId });
    expect(listed.find((r) => r.userId === reviewers.sam!.userId)?.affiliation).toBe('KEIMYUNG  University.');
    const err = await errorOf(
      h.caller(chair).review.saveReviewer({ eventId, userId: chair.userId, topics: [], affiliation: null }),
    );
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toBe('No such reviewer in this event');
  });

  it('detects same mail domain, same institution and co-authorship, and records the authors’ declarations', async () => {
    const run = await h.caller(chair).review.detectConflicts({ eventId });
    // Four on this paper; three on the earlier one (Uma wrote it, Ruth and Sam share Alice's institution).
    expect(run).toEqual({ total: 7, added: 7, removed: 0 });
    const got = await byName();
    expect(Object.keys(got).sort()).toEqual(['ruth', 'sam', 'tom', 'uma']);
    expect([got.ruth!.source, got.ruth!.type, got.ruth!.status]).toEqual([
      'detected',
      'same_institution',
      'detected',
    ]);
    expect(got.ruth!.reason).toContain('kmu.ac.kr');
    // "KEIMYUNG  University." and "Keimyung University" are one organisation once normalised.
    expect([got.sam!.source, got.sam!.type, got.sam!.reason]).toEqual([
      'detected',
      'same_institution',
      'Same institution as an author',
    ]);
    expect([got.tom!.source, got.tom!.type, got.tom!.status]).toEqual([
      'author',
      'collaborator',
      'confirmed',
    ]);
    expect([got.uma!.source, got.uma!.type]).toEqual(['detected', 'collaborator']);
    expect(got.uma!.reason).toBe('Co-author of an author in 1 other submission(s)');
  });

  it('lets staff confirm or dismiss a detected conflict, never a declared one, and a rerun keeps their decisions', async () => {
    const got = await byName();
    const dismissed = await h
      .caller(chair)
      .review.decideConflict({ eventId, conflictId: got.sam!.id, status: 'dismissed' });
    expect(dismissed.status).toBe('dismissed');
    await h.caller(chair).review.decideConflict({ eventId, conflictId: got.ruth!.id, status: 'confirmed' });
    const err = await errorOf(
      h.caller(chair).review.decideConflict({ eventId, conflictId: got.tom!.id, status: 'dismissed' }),
    );
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/declared conflict cannot be dismissed/);
    // Sam's affiliation goes: the dismissed row stays (staff decided), the undecided one on the earlier paper goes.
    await h
      .caller(chair)
      .review.saveReviewer({ eventId, userId: reviewers.sam!.userId, topics: [], affiliation: null });
    expect(await h.caller(chair).review.detectConflicts({ eventId })).toEqual({
      total: 6,
      added: 0,
      removed: 1,
    });
    const after = await byName();
    expect([after.sam!.status, after.ruth!.status, after.tom!.status]).toEqual([
      'dismissed',
      'confirmed',
      'confirmed',
    ]);
    expect((await h.caller(chair).review.conflicts({ eventId, status: 'dismissed' })).length).toBe(1);
  });

  it('drops an undecided detected conflict when its reason is gone; an unknown conflict is not found', async () => {
    await h.runtime.db
      .insert(schema.reviewerProfiles)
      .values({ eventId, userId: reviewers.vic!.userId, affiliation: 'Keimyung University' });
    // Vic now shares Alice's institution on both papers she wrote.
    expect((await h.caller(chair).review.detectConflicts({ eventId })).added).toBe(2);
    await h.caller(chair).review.saveReviewer({
      eventId,
      userId: reviewers.vic!.userId,
      topics: [],
      affiliation: 'Seoul National University',
    });
    expect(await h.caller(chair).review.detectConflicts({ eventId })).toEqual({
      total: 6,
      added: 0,
      removed: 2,
    });
    const err = await errorOf(
      h.caller(chair).review.decideConflict({
        eventId,
        conflictId: '00000000-0000-4000-8000-000000000000',
        status: 'confirmed',
      }),
    );
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toBe('No such conflict');
  });
});
