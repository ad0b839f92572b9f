import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { eq, schema } from '@plenary/db';
import { appRouter, objectRulesOf, type Actor, type Meta, type PersonActor } from '@plenary/contracts';
import { createHarness, errorOf, type TestHarness } from '../../testing/harness';
import { registrationEvent } from '../../testing/registration-fixtures';
import { signInPerson } from '../../testing/persons';
import { insertMember } from '../team/team.repo';
import { instantToWallClock } from '../papers/zoned-time';

/**
 * Issue 11 §8: on a double-blind event, nothing a reviewer can call says who wrote a
 * paper; a conflicted reviewer, or one not assigned, hears 404 about it. The procedures
 * come from the router's access metadata, not from a hand list.
 */
let h: TestHarness;
let chair: Actor;
let eventId: string;
let paperId: string;
let assigned: Actor;
let conflictedReviewer: Actor;
let unassigned: Actor;
let zebulon: PersonActor;

// Distinctive enough that any hit is a leak, not a coincidence. (Not the bare mail domain: the
// conflicted reviewer's own address shares it, and the team list rightly shows it.)
const secrets = [
  'Zebulon',
  'Quillfeather',
  'zebulon.quillfeather@xanadu-institute.example',
  'Xanadu Institute of Obscure Studies',
  'Ottoline',
  'Marchbanks-Vey',
  'ottoline@xanadu-institute.example',
  'Frobisher Polytechnic of Nowhere',
];

/** Every secret found in a value (response or error), as JSON. */
function leaks(value: unknown): string[] {
  const text = JSON.stringify(value, (_k, v: unknown) =>
    v instanceof Error ? { message: v.message, cause: String(v.cause) } : v,
  ).toLowerCase();
  return secrets.filter((s) => text.includes(s.toLowerCase()));
}

type Proc = { _def: { meta?: Meta; type: string } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Proc>);
/** What a signed-in reviewer may call: their event's procedures, signed-in ones, public ones. */
const reviewerCallable = procedures.filter(([, p]) => {
  const a = p._def.meta?.access;
  return (
    !!a &&
    ((a.kind === 'event' && a.roles.includes('reviewer')) || a.kind === 'signedIn' || a.kind === 'public')
  );
});
/**
 * Inputs for the procedures that take more than the shared one (event, paper, slug). Each
 * is called as the assigned and as the conflicted reviewer, and every response scanned.
 */
const inputBuilders: Record<string, () => unknown> = {
  'reviewing.bid': () => ({ eventId, submissionId: paperId, bid: 7 }),
};
/** The reviewer mutations the scan calls (with the builders above); any other would fail the check below. */
const reviewerMutations = ['reviewing.bid'];
/** Mutations on the reviewer's own account (password, second factor, sessions): no paper in them. */
const ownAccount =
  /^auth\.(logoutEverywhere|updateProfile|changePassword|startTotpEnrolment|confirmTotpEnrolment|regenerateRecoveryCodes|disableTotp)$/;

async function call(who: Actor, path: string, input: unknown): Promise<{ ok: boolean; value: unknown }> {
  let target: unknown = h.caller(who);
  for (const segment of path.split('.')) target = (target as Record<string, unknown>)[segment];
  try {
    return { ok: true, value: await (target as (i: unknown) => Promise<unknown>)(input) };
  } catch (err) {
    if (err instanceof TRPCError) return { ok: false, value: err };
    throw err;
  }
}

const local = (ms: number) => instantToWallClock(new Date(h.runtime.now().getTime() + ms), 'Asia/Seoul');

beforeAll(async () => {
  h = await createHarness();
  const admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
  eventId = (await registrationEvent(h, admin, { slug: 'blind-2015', categories: [{ code: 'OPEN' }] }))
    .eventId;
  chair = await h.signUp('chair@plenary.test');
  await insertMember(h.runtime.db, { eventId, userId: chair.userId, role: 'program_chair' });
  assigned = await h.signUp('assigned@reviewers.example.com');
  conflictedReviewer = await h.signUp('colleague@xanadu-institute.example');
  unassigned = await h.signUp('unassigned@reviewers.example.com');
  for (const r of [assigned, conflictedReviewer, unassigned])
    await insertMember(h.runtime.db, { eventId, userId: r.userId, role: 'reviewer' });
  await h.caller(chair).papers.saveSettings({
    eventId,
    opensAt: local(-3_600_000),
    deadline: local(3_600_000),
    graceMinutes: 0,
    blindMode: 'double',
  });
  zebulon = (await signInPerson(h, 'zebulon.quillfeather@xanadu-institute.example')).person;
  const made = await h.caller(null, {}, { person: zebulon }).mySubmissions.create({
    eventId,
    trackId: null,
    typeId: null,
    title: { en: 'Regional clusters, revisited' },
    abstract: { en: 'A study of innovation policy.' },
    authors: [
      {
        email: 'zebulon.quillfeather@xanadu-institute.example',
        givenName: 'Zebulon',
        familyName: 'Quillfeather',
        affiliation: 'Xanadu Institute of Obscure Studies',
        country: 'NZ',
        orcid: null,
        presenting: true,
      },
      {
        email: 'ottoline@xanadu-institute.example',
        givenName: 'Ottoline',
        familyName: 'Marchbanks-Vey',
        affiliation: 'Frobisher Polytechnic of Nowhere',
        country: 'IS',
        orcid: null,
        presenting: false,
      },
    ],
  });
  paperId = made.id;
  // The submit step (consents, PDF) is the papers module's and tested there; here it is a fact.
  await h.runtime.db
    .update(schema.submissions)
    .set({ status: 'submitted', submittedAt: h.runtime.now() })
    .where(eq(schema.submissions.id, paperId));
  await h.caller(chair).review.assign({ eventId, submissionId: paperId, userId: assigned.userId });
  // Assigned before anyone noticed the shared mail domain; detection then finds it.
  await h.caller(chair).review.assign({ eventId, submissionId: paperId, userId: conflictedReviewer.userId });
  await h.caller(chair).review.detectConflicts({ eventId });
  // Bidding open, so that the bidding procedures answer with papers rather than a 409.
  await h.caller(chair).review.savePhases({
    eventId,
    phases: [{ phase: 'bidding', startsAt: local(-3_600_000), endsAt: local(3_600_000) }],
  });
}, 120_000);
afterAll(() => h.close());

describe('the reviewer object rule', () => {
  it('lets the assigned, non-conflicted reviewer see the paper, blinded', async () => {
    const mine = await h.caller(assigned).reviewing.assignments({ eventId });
    expect(mine.map((s) => s.id)).toEqual([paperId]);
    const one = await h.caller(assigned).reviewing.submission({ eventId, submissionId: paperId });
    expect([one.title.en, one.blindMode, one.authors]).toEqual([
      'Regional clusters, revisited',
      'double',
      [],
    ]);
  });

  it('answers 404 to a conflicted reviewer and to one not assigned, as for a paper that does not exist', async () => {
    const missing = await errorOf(
      h
        .caller(assigned)
        .reviewing.submission({ eventId, submissionId: '00000000-0000-4000-8000-000000000000' }),
    );
    for (const who of [conflictedReviewer, unassigned]) {
      const err = await errorOf(h.caller(who).reviewing.submission({ eventId, submissionId: paperId }));
      expect([err.code, err.message]).toEqual([missing.code, missing.message]);
      expect(err.message).toBe('No such submission');
      expect(await h.caller(who).reviewing.assignments({ eventId })).toEqual([]);
    }
  });

  it('refuses to assign a conflicted pair; single-blind shows authors to the assigned reviewer', async () => {
    await h
      .caller(chair)
      .review.unassign({ eventId, submissionId: paperId, userId: conflictedReviewer.userId });
    const err = await errorOf(
      h.caller(chair).review.assign({ eventId, submissionId: paperId, userId: conflictedReviewer.userId }),
    );
    expect([err.code, err.message]).toEqual([
      'CONFLICT',
      'This reviewer has a conflict with this submission and cannot be assigned',
    ]);
    await h.runtime.db
      .update(schema.cfpSettings)
      .set({ blindMode: 'single' })
      .where(eq(schema.cfpSettings.eventId, eventId));
    const seen = await h.caller(assigned).reviewing.submission({ eventId, submissionId: paperId });
    expect(seen.authors.map((a) => a.familyName)).toEqual(['Quillfeather', 'Marchbanks-Vey']);
    // The control of the leak scan below: a blinding removed shows up as leaks.
    expect(leaks(seen)).toEqual(expect.arrayContaining(['Zebulon', 'Xanadu Institute of Obscure Studies']));
    await h.runtime.db
      .update(schema.cfpSettings)
      .set({ blindMode: 'double' })
      .where(eq(schema.cfpSettings.eventId, eventId));
    await h.caller(chair).review.assign({ eventId, submissionId: paperId, userId: unassigned.userId });
    await h.caller(chair).review.unassign({ eventId, submissionId: paperId, userId: unassigned.userId });
    // Back to the hard case for the scan: assigned before the conflict was found.
    await h.runtime.db
      .insert(schema.reviewAssignments)
      .values({ eventId, submissionId: paperId, userId: conflictedReviewer.userId });
  });
});

describe('the double-blind leak test', () => {
  it('finds the reviewer-callable procedures in the router, the reviewer ones among them', () => {
    const paths = reviewerCallable.map(([p]) => p);
    expect(paths).toEqual(
      expect.arrayContaining([
        'reviewing.assignments',
        'reviewing.submission',
        'reviewing.bids',
        'reviewing.bid',
        'events.get',
      ]),
    );
    // A reviewer-callable mutation outside their own account would have to be added to the scan's inputs.
    expect(
      reviewerCallable
        .filter(([, p]) => p._def.type === 'mutation' && p._def.meta?.access?.kind !== 'public')
        .map(([path]) => path)
        .filter((path) => !ownAccount.test(path) && !reviewerMutations.includes(path)),
    ).toEqual([]);
  });

  it('the scan itself catches a leak: the chairs’ view of the same paper names its authors', async () => {
    const staffView = await h.caller(chair).papers.get({ eventId, submissionId: paperId });
    expect(leaks(staffView).length).toBeGreaterThanOrEqual(5);
  });

  it('no procedure a reviewer can call names the authors, and the conflicted reviewer gets 404 for the paper', async () => {
    const input = { eventId, submissionId: paperId, slug: 'blind-2015' };
    const found: Record<string, string[]> = {};
    const succeeded: string[] = [];
    const namingPaper: string[] = [];
    for (const [path, p] of reviewerCallable) {
      // Public mutations (sign-ups, tokens) and own-account ones: no paper. Reviewer mutations: called.
      if (p._def.type === 'mutation' && !reviewerMutations.includes(path)) continue;
      for (const who of [assigned, conflictedReviewer]) {
        const got = await call(who, path, inputBuilders[path]?.() ?? input);
        if (got.ok && who === assigned) succeeded.push(path);
        const hit = leaks(got.value);
        if (hit.length > 0) found[`${path} as ${who === assigned ? 'assigned' : 'conflicted'}`] = hit;
        // Everything naming the paper by the submission rule: 404 for the conflicted reviewer.
        if (
          who === conflictedReviewer &&
          objectRulesOf(p._def.meta?.object).some((r) => r.kind === 'submission')
        ) {
          expect((got.value as TRPCError).code, path).toBe('NOT_FOUND');
          namingPaper.push(path);
        }
      }
    }
    expect(found).toEqual({});
    // The scan saw the paper itself, not only refusals.
    expect(succeeded).toEqual(
      expect.arrayContaining([
        'reviewing.assignments',
        'reviewing.submission',
        'reviewing.bids',
        'reviewing.bid',
      ]),
    );
    expect(namingPaper).toContain('reviewing.submission');
  });

  it('bidding: the conflicted reviewer does not see the paper to bid on, and a bid on it is a 404', async () => {
    const theirs = await h.caller(conflictedReviewer).reviewing.bids({ eventId });
    expect(theirs.map((s) => s.id)).not.toContain(paperId);
    const err = await errorOf(
      h.caller(conflictedReviewer).reviewing.bid({ eventId, submissionId: paperId, bid: 20 }),
    );
    expect([err.code, err.message]).toEqual(['NOT_FOUND', 'No such submission']);
    // The assigned reviewer's list has the paper, blinded: the scan above read it.
    const mine = await h.caller(assigned).reviewing.bids({ eventId });
    expect(mine.map((s) => [s.id, s.authors, s.bid])).toEqual([[paperId, [], 7]]);
  });
});
