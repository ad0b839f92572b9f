import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, schema } from '@plenary/db';
import type { Actor, PersonActor } from '@plenary/contracts';
import { createHarness, errorOf, type TestHarness } from '../../testing/harness';
import { registrationEvent } from '../../testing/registration-fixtures';
import { signInPerson } from '../../testing/persons';
import { insertMember } from '../team/team.repo';
import { PDFDocument } from 'pdf-lib';
import { participant } from '../../testing/registration-fixtures';
import { instantToWallClock } from './zoned-time';

let h: TestHarness;
let admin: Actor;
let chair: Actor;
let reviewer: Actor;
let eventId: string;
let otherEventId: string;
let trackId: string;
let typeId: string;
let alice: PersonActor;
let bob: PersonActor;
let carol: PersonActor;
/** Submitted papers: [0] and [1] by Alice (Bob co-authors [0]), [2] by Carol. */
const papers: string[] = [];
let draftId: string;
let otherEventPaper: string;
let openCategory: string;

const HOUR = 3_600_000;
const local = (ms: number) => instantToWallClock(new Date(h.runtime.now().getTime() + ms), 'Asia/Seoul');
const as = (person: PersonActor) => h.caller(null, {}, { person });

const author = (email: string, given: string, presenting = false) => ({
  email,
  givenName: given,
  familyName: 'Kim',
  affiliation: 'Keimyung University',
  country: 'KR',
  orcid: null,
  presenting,
});

async function openCall(event: string) {
  const staff = h.caller(admin).papers;
  await staff.saveSettings({
    eventId: event,
    opensAt: local(-HOUR),
    deadline: local(2 * HOUR),
    graceMinutes: 0,
    blindMode: 'double',
  });
  const track = await staff.saveTrack({
    eventId: event,
    code: 'cluster',
    name: { en: 'Cluster policy' },
    position: 0,
  });
  const type = await staff.saveType({
    eventId: event,
    kind: 'extended_abstract',
    name: { en: 'Extended abstract' },
    pageLimit: null,
    abstractWordLimit: null,
    fileRequired: false,
    maxMegabytes: 1,
    position: 0,
  });
  return { trackId: track.id, typeId: type.id };
}

async function submitPaper(
  by: PersonActor,
  event: string,
  ids: { trackId: string; typeId: string },
  title: string,
  authors = [author(by.email, 'Author', true)],
) {
  const made = await as(by).mySubmissions.create({
    eventId: event,
    trackId: ids.trackId,
    typeId: ids.typeId,
    title: { en: title },
    abstract: { en: 'About clusters.' },
    keywords: [],
    authors,
  });
  await as(by).mySubmissions.submit({ submissionId: made.id, consents: [] });
  return made.id;
}

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
  const setup = await registrationEvent(h, admin, { categories: [{ code: 'OPEN' }] });
  eventId = setup.eventId;
  openCategory = setup.categories.OPEN!;
  otherEventId = (await registrationEvent(h, admin, { slug: 'other-2015', categories: [{ code: 'OPEN' }] }))
    .eventId;
  chair = await h.signUp('chair@plenary.test');
  reviewer = await h.signUp('reviewer@plenary.test');
  await insertMember(h.runtime.db, { eventId, userId: chair.userId, role: 'program_chair' });
  await insertMember(h.runtime.db, { eventId, userId: reviewer.userId, role: 'reviewer' });
  ({ trackId, typeId } = await openCall(eventId));
  const other = await openCall(otherEventId);
  alice = (await signInPerson(h, 'alice@example.org')).person;
  bob = (await signInPerson(h, 'bob@example.org')).person;
  carol = (await signInPerson(h, 'carol@example.org')).person;
  const ids = { trackId, typeId };
  papers.push(
    await submitPaper(alice, eventId, ids, 'Clusters after the crisis', [
      author('alice@example.org', 'Alice', true),
      author('bob@example.org', 'Bob'),
    ]),
  );
  papers.push(await submitPaper(alice, eventId, ids, 'Regional innovation'));
  papers.push(await submitPaper(carol, eventId, ids, 'Creative economy'));
  draftId = (
    await as(carol).mySubmissions.create({
      eventId,
      trackId,
      typeId,
      title: { en: 'Unfinished' },
      abstract: {},
      keywords: [],
      authors: [author('carol@example.org', 'Carol', true)],
    })
  ).id;
  otherEventPaper = await submitPaper(carol, otherEventId, other, 'Elsewhere');
}, 120_000);
afterAll(() => h.close());

async function pdfOf(pages: number): Promise<string> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`Page ${i + 1}`);
  return Buffer.from(await doc.save({ useObjectStreams: false })).toString('base64');
}

/** What an author's procedures show of their submissions (the portal's whole view of them). */
async function authorView(person: PersonActor) {
  const me = as(person);
  const list = await me.mySubmissions.list({ eventId });
  const details = await Promise.all(list.map((s) => me.mySubmissions.get({ submissionId: s.id })));
  const decisions = await Promise.all(list.map((s) => me.myDecisions.get({ submissionId: s.id })));
  const conference = await me.me.conference({ eventId });
  return { list, details, decisions, conference };
}

describe('decisions while pending', () => {
  let before: Awaited<ReturnType<typeof authorView>>;
  let undecidedRefusal: string;

  it('lists the submitted papers without a decision, and the built-in kinds', async () => {
    before = await authorView(alice);
    undecidedRefusal = JSON.stringify(
      await errorOf(as(alice).myDecisions.confirmPresenter({ submissionId: papers[0]! })),
    );
    expect(before.decisions).toEqual([null, null]);
    const list = await h.caller(chair).decisions.list({ eventId });
    expect(list.rows.map((r) => [r.submissionId, r.decision])).toEqual(papers.map((id) => [id, null]));
    expect(list).toMatchObject({ pending: 0, released: 0, pendingMails: 0 });
    expect((await h.caller(chair).decisions.kinds({ eventId })).map((k) => [k.code, k.accepted])).toEqual([
      ['accept_oral', true],
      ['accept_poster', true],
      ['reject', false],
    ]);
  });

  it('adds a custom kind, but not over a built-in one', async () => {
    const kind = await h.caller(chair).decisions.saveKind({
      eventId,
      code: 'accept_short',
      name: { en: 'Accepted as short talk', ko: '짧은 발표 채택' },
      accepted: true,
    });
    expect(kind).toEqual({
      code: 'accept_short',
      name: { en: 'Accepted as short talk', ko: '짧은 발표 채택' },
      accepted: true,
      builtIn: false,
    });
    const err = await errorOf(
      h.caller(chair).decisions.saveKind({ eventId, code: 'reject', name: { en: 'No' }, accepted: false }),
    );
    expect([err.code, err.message]).toEqual(['BAD_REQUEST', 'The built-in decision kinds cannot be changed']);
    // The other event does not have it.
    const elsewhere = await errorOf(
      h
        .caller(admin)
        .decisions.record({ eventId: otherEventId, submissionIds: [otherEventPaper], kind: 'accept_short' }),
    );
    expect([elsewhere.code, elsewhere.message]).toEqual([
      'BAD_REQUEST',
      'No such decision kind for this event: accept_short',
    ]);
  });

  it('records one, records many at once, and changes one while pending', async () => {
    const chairs = h.caller(chair).decisions;
    expect(await chairs.record({ eventId, submissionIds: [papers[0]!], kind: 'reject' })).toEqual({
      recorded: 1,
    });
    expect(
      await chairs.record({
        eventId,
        submissionIds: [papers[0]!, papers[1]!, papers[0]!],
        kind: 'accept_poster',
      }),
    ).toEqual({ recorded: 2 });
    await chairs.record({ eventId, submissionIds: [papers[0]!], kind: 'accept_oral' });
    await chairs.record({ eventId, submissionIds: [papers[2]!], kind: 'accept_short' });
    const list = await chairs.list({ eventId });
    expect(list.rows.map((r) => [r.decision?.kind, r.decision?.state])).toEqual([
      ['accept_oral', 'pending'],
      ['accept_poster', 'pending'],
      ['accept_short', 'pending'],
    ]);
    // One notice per confirmed author, as release sends (below).
    expect(list).toMatchObject({ pending: 3, released: 0, pendingMails: 3 });
  });

  it('refuses a draft, another event’s paper, an unknown kind, and saves none of a refused batch', async () => {
    const chairs = h.caller(chair).decisions;
    const draft = await errorOf(
      chairs.record({ eventId, submissionIds: [papers[1]!, draftId], kind: 'reject' }),
    );
    expect([draft.code, draft.message]).toEqual([
      'CONFLICT',
      'Only submitted papers get a decision (this one is a draft or withdrawn)',
    ]);
    const foreign = await errorOf(
      chairs.record({ eventId, submissionIds: [papers[1]!, otherEventPaper], kind: 'reject' }),
    );
    expect([foreign.code, foreign.message]).toEqual(['NOT_FOUND', 'No such submission']);
    const unknown = await errorOf(chairs.record({ eventId, submissionIds: [papers[1]!], kind: 'maybe' }));
    expect(unknown.code).toBe('BAD_REQUEST');
    // papers[1] stayed as it was in both refused batches.
    const row = (await chairs.list({ eventId })).rows.find((r) => r.submissionId === papers[1]);
    expect(row?.decision?.kind).toBe('accept_poster');
  });

  it('shows authors nothing: every author procedure answers exactly as before the decisions', async () => {
    const now = await authorView(alice);
    expect(now).toEqual(before);
    expect(now.decisions).toEqual([null, null]);
    const json = JSON.stringify([now.list, now.details, now.conference]);
    for (const word of ['accept', 'pending', 'decision']) expect(json).not.toContain(word);
    expect(await as(bob).myDecisions.get({ submissionId: papers[0]! })).toBeNull();
    // The camera-ready upload refuses a pending acceptance exactly as a paper without a decision.
    const refusal = (id: string) => errorOf(as(alice).myDecisions.confirmPresenter({ submissionId: id }));
    const pending = await refusal(papers[0]!);
    expect([pending.code, pending.message]).toEqual([
      'CONFLICT',
      'Only an accepted paper, once the decisions are out, takes a camera-ready version',
    ]);
    expect(JSON.stringify(pending)).toBe(undecidedRefusal);
    expect(await as(carol).myDecisions.get({ submissionId: papers[2]! })).toBeNull();
  });

  it('refuses reviewers and strangers', async () => {
    expect((await errorOf(h.caller(reviewer).decisions.list({ eventId }))).code).toBe('FORBIDDEN');
    expect((await errorOf(h.caller(reviewer).decisions.release({ eventId }))).code).toBe('FORBIDDEN');
    // Carol is no author of Alice's paper: 404, as if it did not exist.
    expect((await errorOf(as(carol).myDecisions.get({ submissionId: papers[0]! }))).code).toBe('NOT_FOUND');
  });
});

describe('release', () => {
  let releasedAt: string;

  it('releases every pending decision together, with a domain event each and programme.published', async () => {
    const startedAt = h.runtime.now().getTime();
    expect(await h.caller(chair).decisions.release({ eventId })).toEqual({
      released: 3,
      accepted: 3,
      mails: 3,
    });
    const list = await h.caller(chair).decisions.list({ eventId });
    expect(list).toMatchObject({ pending: 0, released: 3, pendingMails: 0 });
    // One instant for the whole release.
    expect(new Set(list.rows.map((r) => r.decision?.releasedAt)).size).toBe(1);
    releasedAt = list.rows[0]!.decision!.releasedAt!;
    expect(new Date(releasedAt).getTime()).toBeGreaterThanOrEqual(startedAt);
    const events = await h.runtime.db
      .select({
        type: schema.domainEvents.type,
        subjectId: schema.domainEvents.subjectId,
        data: schema.domainEvents.data,
      })
      .from(schema.domainEvents)
      .where(eq(schema.domainEvents.eventId, eventId))
      .orderBy(asc(schema.domainEvents.id));
    const released = events.filter((e) => e.type === 'decision.released');
    expect(released.map((e) => e.subjectId).sort()).toEqual([...papers].sort());
    expect(released.find((e) => e.subjectId === papers[0])?.data).toEqual({
      submissionId: papers[0],
      kind: 'accept_oral',
      accepted: true,
      title: { en: 'Clusters after the crisis' },
    });
    const published = events.filter((e) => e.type === 'programme.published');
    expect(published.map((e) => e.data)).toEqual([{ eventId, released: 3, accepted: 3, releasedAt }]);
  });

  it('lets the authors read the released decision, co-authors too', async () => {
    const got = await as(alice).myDecisions.get({ submissionId: papers[0]! });
    expect(got).toEqual({
      kind: 'accept_oral',
      name: { en: 'Accepted as oral presentation', ko: '구두 발표 채택' },
      accepted: true,
      releasedAt,
      cameraReady: null,
      presenterConfirmedAt: null,
    });
    expect((await as(bob).myDecisions.get({ submissionId: papers[0]! }))?.kind).toBe('accept_oral');
    expect((await as(carol).myDecisions.get({ submissionId: papers[2]! }))?.name).toEqual({
      en: 'Accepted as short talk',
      ko: '짧은 발표 채택',
    });
  });

  it('refuses to change a released decision, and a release with nothing pending', async () => {
    const changed = await errorOf(
      h.caller(chair).decisions.record({ eventId, submissionIds: [papers[0]!], kind: 'reject' }),
    );
    expect([changed.code, changed.message]).toEqual([
      'CONFLICT',
      'The decision on this submission was released and cannot change',
    ]);
    const again = await errorOf(h.caller(chair).decisions.release({ eventId }));
    expect([again.code, again.message]).toEqual(['CONFLICT', 'There are no pending decisions to release']);
    const [row] = await h.runtime.db
      .select({ kind: schema.paperDecisions.kind })
      .from(schema.paperDecisions)
      .where(and(eq(schema.paperDecisions.submissionId, papers[0]!)));
    expect(row?.kind).toBe('accept_oral');
  });
});

describe('camera-ready', () => {
  it('takes an accepted paper’s final PDF from an author, checked as the submission’s', async () => {
    const notPdf = await errorOf(
      as(alice).myDecisions.uploadCameraReady({
        submissionId: papers[0]!,
        filename: 'final.pdf',
        contentBase64: Buffer.from('hello, not a pdf').toString('base64'),
      }),
    );
    expect(notPdf.code).toBe('BAD_REQUEST');
    const got = await as(alice).myDecisions.uploadCameraReady({
      submissionId: papers[0]!,
      filename: 'final.pdf',
      contentBase64: await pdfOf(2),
    });
    expect(got.cameraReady).toMatchObject({ filename: 'final.pdf', pageCount: 2 });
    // Nothing kept of the refused upload: one camera-ready file for the event.
    const kept = await h.runtime.db
      .select({ id: schema.files.id, owner: schema.files.ownerId })
      .from(schema.files)
      .where(eq(schema.files.purpose, 'submission.cameraReady'));
    expect(kept.map((f) => f.owner)).toEqual([papers[0]]);
    const stranger = await errorOf(
      as(carol).myDecisions.uploadCameraReady({
        submissionId: papers[0]!,
        filename: 'final.pdf',
        contentBase64: await pdfOf(1),
      }),
    );
    expect(stranger.code).toBe('NOT_FOUND');
  });

  it('records a co-author’s promise that the presenter registers; the chair sees each presenter’s registration', async () => {
    const confirmed = await as(bob).myDecisions.confirmPresenter({ submissionId: papers[0]! });
    expect(confirmed.presenterConfirmedAt).not.toBeNull();
    let rows = await h.caller(chair).decisions.presenters({ eventId });
    expect(rows.map((r) => [r.submissionId, r.presenter?.email, r.cameraReady, r.registration])).toEqual([
      [papers[0], 'alice@example.org', true, null],
      [papers[1], 'alice@example.org', false, null],
      [papers[2], 'carol@example.org', false, null],
    ]);
    const registered = await h.caller(null).portalRegistration.register({
      eventId,
      categoryId: openCategory,
      participant: participant({ email: 'alice@example.org', givenName: 'Alice', familyName: 'Kim' }),
    });
    rows = await h.caller(chair).decisions.presenters({ eventId });
    expect(rows.map((r) => r.registration)).toEqual([
      { reference: registered.reference, status: 'confirmed' },
      { reference: registered.reference, status: 'confirmed' },
      null,
    ]);
    expect((await errorOf(h.caller(reviewer).decisions.presenters({ eventId }))).code).toBe('FORBIDDEN');
  });
});
