import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFName } from 'pdf-lib';
import { and, count, desc, eq, schema } from '@plenary/db';
import type { Actor, PersonActor } from '@plenary/contracts';
import { createHarness, errorOf, type TestHarness } from '../../testing/harness';
import { registrationEvent } from '../../testing/registration-fixtures';
import { signInPerson } from '../../testing/persons';
import { exe } from '../files/test-files';
import { insertMember } from '../team/team.repo';
import { instantToWallClock, wallClockToInstant } from './zoned-time';

let h: TestHarness;
let admin: Actor;
let chair: Actor;
let reviewer: Actor;
let eventId: string;
let trackId: string;
let paperTypeId: string;
let alice: PersonActor;
let bob: PersonActor;
let carol: PersonActor;

const ZONE = 'Asia/Seoul';
const HOUR = 3_600_000;
const local = (ms: number) => instantToWallClock(new Date(h.runtime.now().getTime() + ms), ZONE);
const as = (person: PersonActor) => h.caller(null, {}, { person });

async function pdfOf(pages: number, encrypted = false): Promise<string> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`Page ${i + 1}`);
  // pdf-lib cannot encrypt; a trailer naming an Encrypt dictionary is what readers go by.
  if (encrypted)
    doc.context.trailerInfo.Encrypt = doc.context.obj({
      Filter: PDFName.of('Standard'),
      V: 1,
      R: 2,
      Length: 40,
    });
  return Buffer.from(await doc.save({ useObjectStreams: false })).toString('base64');
}

const author = (email: string, given: string, family: string, presenting = false) => ({
  email,
  givenName: given,
  familyName: family,
  affiliation: 'Keimyung University',
  country: 'KR',
  orcid: null,
  presenting,
});

function draft(extra: Record<string, unknown> = {}) {
  return {
    eventId,
    trackId,
    typeId: paperTypeId,
    title: { en: 'Clusters after the crisis', ko: '위기 이후의 클러스터' },
    abstract: { en: 'We study clusters in Daegu.' },
    keywords: ['cluster policy'],
    authors: [
      author('alice@example.org', 'Alice', 'Kim', true),
      author('bob@example.org', 'Bob', 'Lee'),
      {
        ...author('dan@example.org', 'Dan', 'Park'),
        affiliation: 'Universidad de Chile',
        country: 'CL',
        orcid: '0000-0002-1825-0097',
      },
    ],
    ...extra,
  };
}

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
  const setup = await registrationEvent(h, admin, { categories: [{ code: 'OPEN' }] });
  eventId = setup.eventId;
  chair = await h.signUp('chair@plenary.test');
  reviewer = await h.signUp('reviewer@plenary.test');
  await insertMember(h.runtime.db, { eventId, userId: chair.userId, role: 'program_chair' });
  await insertMember(h.runtime.db, { eventId, userId: reviewer.userId, role: 'reviewer' });
  const staff = h.caller(chair).papers;
  await staff.saveSettings({
    eventId,
    opensAt: local(-HOUR),
    deadline: local(2 * HOUR),
    graceMinutes: 15,
    blindMode: 'double',
  });
  trackId = (
    await staff.saveTrack({
      eventId,
      code: 'cluster',
      name: { en: 'Cluster policy', ko: '클러스터 정책' },
      position: 0,
    })
  ).id;
  paperTypeId = (
    await staff.saveType({
      eventId,
      kind: 'full_paper',
      name: { en: 'Full paper', ko: '논문' },
      pageLimit: 3,
      abstractWordLimit: 12,
      fileRequired: true,
      maxMegabytes: 1,
      position: 0,
    })
  ).id;
  await staff.publishConsent({ eventId, kind: 'publication', text: { en: 'Publish it v1' }, required: true });
  await staff.publishConsent({ eventId, kind: 'publication', text: { en: 'Publish it v2' }, required: true });
  alice = (await signInPerson(h, 'alice@example.org')).person;
  bob = (await signInPerson(h, 'bob@example.org')).person;
  carol = (await signInPerson(h, 'carol@example.org')).person;
}, 120_000);
afterAll(() => h.close());

describe('the call for papers', () => {
  it('turns wall-clock times in the event zone into instants and back', () => {
    expect(wallClockToInstant('2015-10-15T23:59', ZONE).toISOString()).toBe('2015-10-15T14:59:00.000Z');
    expect(instantToWallClock(new Date('2015-10-15T14:59:00.000Z'), ZONE)).toBe('2015-10-15T23:59');
    expect(wallClockToInstant('2026-03-29T02:30', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('is shown to the public while open, with current consents only', async () => {
    const call = await h.caller(null).cfp.openCall({ slug: 'tci-2015' });
    expect(call?.eventId).toBe(eventId);
    expect(call?.window.open).toBe(true);
    expect(call?.window.timeZone).toBe(ZONE);
    expect(call?.window.graceMinutes).toBe(15);
    expect(call?.tracks.map((t) => t.name)).toEqual([{ en: 'Cluster policy', ko: '클러스터 정책' }]);
    expect(call?.types.map((t) => [t.kind, t.pageLimit, t.abstractWordLimit])).toEqual([
      ['full_paper', 3, 12],
    ]);
    expect(call?.consents.map((c) => [c.kind, c.version])).toEqual([['publication', 2]]);
    expect(await h.caller(null).cfp.openCall({ slug: 'no-such-event' })).toBeNull();
    const setup = await h.caller(chair).papers.setup({ eventId });
    expect(setup.consents.map((c) => [c.version, c.current])).toEqual([
      [2, true],
      [1, false],
    ]);
  });

  it('refuses a deadline before the opening, and staff outside the chairs', async () => {
    const err = await errorOf(
      h
        .caller(chair)
        .papers.saveSettings({
          eventId,
          opensAt: local(HOUR),
          deadline: local(0),
          graceMinutes: 0,
          blindMode: 'open',
        }),
    );
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toBe('The deadline must come after the opening');
    expect((await errorOf(h.caller(reviewer).papers.setup({ eventId }))).code).toBe('FORBIDDEN');
  });
});

describe('an author submits', () => {
  let id: string;

  it('makes a draft with authors as persons and organisations, mails the co-authors, keeps version 1', async () => {
    const made = await as(alice).mySubmissions.create(draft());
    id = made.id;
    expect(made.status).toBe('draft');
    expect(made.version).toBe(1);
    expect(made.editable).toBe(true);
    expect(made.authors.map((a) => [a.position, a.email, a.presenting, a.confirmed, a.orcid])).toEqual([
      [1, 'alice@example.org', true, true, null],
      [2, 'bob@example.org', false, false, null],
      [3, 'dan@example.org', false, false, '0000-0002-1825-0097'],
    ]);
    expect(made.authors[0]!.organisationId).toBe(made.authors[1]!.organisationId);
    expect(made.authors[2]!.organisationId).not.toBe(made.authors[0]!.organisationId);
    const mails = await h.runtime.db
      .select({ to: schema.mailOutbox.toAddress, subject: schema.mailOutbox.subject })
      .from(schema.mailOutbox)
      .where(eq(schema.mailOutbox.template, 'papers.confirmAuthorship'))
      .orderBy(schema.mailOutbox.toAddress);
    expect(mails).toEqual([
      { to: 'bob@example.org', subject: 'Please confirm your authorship: Clusters after the crisis' },
      { to: 'dan@example.org', subject: 'Please confirm your authorship: Clusters after the crisis' },
    ]);
    const detail = await as(alice).mySubmissions.get({ submissionId: id });
    expect(detail.versions.map((v) => [v.version, v.action, v.changes.map((c) => c.field)])).toEqual([
      [
        1,
        'create',
        [
          'status',
          'trackId',
          'typeId',
          'title',
          'abstract',
          'keywords',
          'authors',
          'reviewerConflicts',
          'institutionConflicts',
        ],
      ],
    ]);
  });

  it('refuses a wrong ORCID checksum, two presenters, a long abstract, naming the field', async () => {
    const orcid = await errorOf(
      as(alice).mySubmissions.create(
        draft({
          authors: [{ ...author('alice@example.org', 'Alice', 'Kim', true), orcid: '0000-0002-1825-0098' }],
        }),
      ),
    );
    expect(orcid.code).toBe('BAD_REQUEST');
    expect(
      (orcid.cause as unknown as { issues: Array<{ path: unknown[] }> }).issues.map((i) => i.path.join('.')),
    ).toEqual(['authors.0.orcid']);
    const two = await errorOf(
      as(alice).mySubmissions.create(
        draft({
          authors: [
            author('alice@example.org', 'Alice', 'Kim', true),
            author('bob@example.org', 'Bob', 'Lee', true),
          ],
        }),
      ),
    );
    expect(two.message).toBe('Mark exactly one presenting author');
    const long = await errorOf(
      as(alice).mySubmissions.create(
        draft({
          abstract: { en: 'one two three four five six seven eight nine ten eleven twelve thirteen' },
        }),
      ),
    );
    expect(long.message).toBe('The abstract has 13 words; this type allows at most 12');
  });

  it('refuses a PDF that is not one, encrypted, too long or too big, each saying which, and keeps none', async () => {
    const files = async () => (await h.runtime.db.select({ n: count() }).from(schema.files))[0]!.n;
    const before = await files();
    const upload = (contentBase64: string) =>
      errorOf(as(alice).mySubmissions.uploadPdf({ submissionId: id, filename: 'paper.pdf', contentBase64 }));
    const notPdf = await upload(exe.toString('base64'));
    expect([notPdf.code, notPdf.message]).toEqual([
      'BAD_REQUEST',
      'Send a PDF file (this one is EXE, whatever its name says)',
    ]);
    const encrypted = await upload(await pdfOf(1, true));
    expect([encrypted.code, encrypted.message]).toEqual([
      'BAD_REQUEST',
      'This PDF is encrypted or password-protected: save it without protection and send it again',
    ]);
    const long = await upload(await pdfOf(4));
    expect([long.code, long.message]).toEqual([
      'BAD_REQUEST',
      'This PDF has 4 pages; this submission type allows at most 3',
    ]);
    const big = await upload(Buffer.alloc(1024 * 1024 + 1, 1).toString('base64'));
    expect([big.code, big.message]).toEqual(['PAYLOAD_TOO_LARGE', 'The file is too large (at most 1 MB)']);
    expect(await files()).toBe(before);
    const done = await as(alice).mySubmissions.uploadPdf({
      submissionId: id,
      filename: 'paper.pdf',
      contentBase64: await pdfOf(2),
    });
    expect(done.file?.pages).toBe(2);
    expect(done.version).toBe(2);
    expect(await files()).toBe(before + 1);
  });

  it('submits only with the current required consent, and records submission.submitted', async () => {
    const none = await errorOf(as(alice).mySubmissions.submit({ submissionId: id, consents: [] }));
    expect(none.message).toBe('Accept the current publication consent to submit');
    const old = await errorOf(
      as(alice).mySubmissions.submit({ submissionId: id, consents: [{ kind: 'publication', version: 1 }] }),
    );
    expect(old.message).toBe('Accept the current publication consent to submit');
    const sent = await as(alice).mySubmissions.submit({
      submissionId: id,
      consents: [{ kind: 'publication', version: 2 }],
    });
    expect([sent.status, sent.version]).toEqual(['submitted', 3]);
    const events = await h.runtime.db
      .select({ type: schema.domainEvents.type, data: schema.domainEvents.data })
      .from(schema.domainEvents)
      .where(eq(schema.domainEvents.subjectId, id));
    expect(events).toEqual([
      {
        type: 'submission.submitted',
        data: {
          submissionId: id,
          version: 3,
          title: { en: 'Clusters after the crisis', ko: '위기 이후의 클러스터' },
        },
      },
    ]);
  });

  it('keeps other people out: a stranger hears "no such submission" from every procedure', async () => {
    const stranger = as(carol).mySubmissions;
    const onePage = await pdfOf(1);
    // Thunks, called one at a time: a refused promise made early would go unhandled meanwhile.
    const calls = [
      () => stranger.get({ submissionId: id }),
      () => stranger.update({ submissionId: id, ...draft() }),
      () => stranger.uploadPdf({ submissionId: id, filename: 'x.pdf', contentBase64: onePage }),
      () => stranger.submit({ submissionId: id, consents: [] }),
      () => stranger.withdraw({ submissionId: id }),
    ];
    for (const call of calls) {
      const err = await errorOf(call());
      expect([err.code, err.message]).toEqual(['NOT_FOUND', 'No such submission']);
    }
    expect(await stranger.list({})).toEqual([]);
    // A co-author reads it but does not change it.
    expect((await as(bob).mySubmissions.get({ submissionId: id })).editable).toBe(false);
    expect((await as(bob).mySubmissions.list({ eventId })).map((s) => s.id)).toEqual([id]);
    expect((await errorOf(as(bob).mySubmissions.withdraw({ submissionId: id }))).code).toBe('NOT_FOUND');
  });

  it('lets a co-author confirm by the emailed link, once', async () => {
    const [mail] = await h.runtime.db
      .select({ text: schema.mailOutbox.textBody })
      .from(schema.mailOutbox)
      .where(
        and(
          eq(schema.mailOutbox.template, 'papers.confirmAuthorship'),
          eq(schema.mailOutbox.toAddress, 'bob@example.org'),
        ),
      );
    const token = /\/authorship\/([\w-]+)/.exec(mail!.text)![1]!;
    expect(await h.caller(null).cfp.confirmAuthorship({ token })).toEqual({
      title: { en: 'Clusters after the crisis', ko: '위기 이후의 클러스터' },
    });
    expect((await errorOf(h.caller(null).cfp.confirmAuthorship({ token }))).code).toBe('BAD_REQUEST');
    const s = await as(alice).mySubmissions.get({ submissionId: id });
    expect(s.authors.map((a) => a.confirmed)).toEqual([true, true, false]);
  });

  it('shows staff a page of submissions and the history with field changes', async () => {
    await as(bob).mySubmissions.create({
      ...draft(),
      title: { en: 'Zebra economics' },
      authors: [author('bob@example.org', 'Bob', 'Lee', true)],
      reviewerConflicts: [{ userId: reviewer.userId, type: 'collaborator' }],
    });
    const page = await h
      .caller(chair)
      .papers.list({ eventId, limit: 1, offset: 0, sort: 'title', order: 'asc' });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => [r.title.en, r.firstAuthor, r.authors, r.countries, r.status])).toEqual([
      ['Clusters after the crisis', 'Alice Kim', 3, ['KR', 'CL'], 'submitted'],
    ]);
    const next = await h
      .caller(chair)
      .papers.list({ eventId, limit: 1, offset: 1, sort: 'title', order: 'asc' });
    expect(next.rows.map((r) => r.title.en)).toEqual(['Zebra economics']);
    const detail = await h.caller(chair).papers.get({ eventId, submissionId: page.rows[0]!.id });
    expect(detail.versions.map((v) => [v.version, v.action, v.changes.map((c) => c.field)])).toEqual([
      [3, 'submit', ['status']],
      [2, 'upload', ['file']],
      [
        1,
        'create',
        [
          'status',
          'trackId',
          'typeId',
          'title',
          'abstract',
          'keywords',
          'authors',
          'reviewerConflicts',
          'institutionConflicts',
        ],
      ],
    ]);
    const zebra = (await as(bob).mySubmissions.list({ eventId })).find(
      (s) => s.title.en === 'Zebra economics',
    );
    expect(zebra?.reviewerConflicts).toEqual([{ userId: reviewer.userId, type: 'collaborator' }]);
  });

  it('edits before the deadline with a field-level change list', async () => {
    const changed = await as(alice).mySubmissions.update({
      submissionId: id,
      ...draft({ keywords: ['clusters', 'Daegu'] }),
    });
    expect(changed.version).toBe(4);
    const [v] = await h.runtime.db
      .select({ changes: schema.submissionVersions.changes, actor: schema.submissionVersions.actorId })
      .from(schema.submissionVersions)
      .where(eq(schema.submissionVersions.submissionId, id))
      .orderBy(desc(schema.submissionVersions.version))
      .limit(1);
    expect(v).toEqual({
      actor: alice.personId,
      changes: [{ field: 'keywords', before: ['cluster policy'], after: ['clusters', 'Daegu'] }],
    });
  });

  it('refuses changes after the deadline plus grace, in the event zone, and half-saves nothing', async () => {
    const { deadline } = (await h.caller(chair).papers.setup({ eventId })).window;
    // Within the grace minutes: still taken.
    h.advanceClock(new Date(deadline!).getTime() - h.runtime.now().getTime() + 10 * 60_000);
    await as(alice).mySubmissions.update({ submissionId: id, ...draft({ keywords: ['in grace'] }) });
    h.advanceClock(6 * 60_000);
    const filesBefore = (await h.runtime.db.select({ n: count() }).from(schema.files))[0]!.n;
    const before = await as(alice).mySubmissions.get({ submissionId: id });
    const late = await errorOf(
      as(alice).mySubmissions.uploadPdf({
        submissionId: id,
        filename: 'late.pdf',
        contentBase64: await pdfOf(1),
      }),
    );
    const shown = instantToWallClock(new Date(deadline!), ZONE).replace('T', ' ');
    expect([late.code, late.message]).toEqual([
      'CONFLICT',
      `The submission deadline has passed (${shown}, Asia/Seoul time): nothing was changed`,
    ]);
    const edit = await errorOf(
      as(alice).mySubmissions.update({ submissionId: id, ...draft({ keywords: ['late'] }) }),
    );
    expect(edit.code).toBe('CONFLICT');
    const after = await as(alice).mySubmissions.get({ submissionId: id });
    expect(after).toEqual({ ...before, editable: false });
    expect(after.keywords).toEqual(['in grace']);
    expect((await h.runtime.db.select({ n: count() }).from(schema.files))[0]!.n).toBe(filesBefore);
    expect(await h.caller(null).cfp.openCall({ slug: 'tci-2015' })).toBeNull();
  });

  it('withdraws after the deadline too, and records submission.withdrawn', async () => {
    const out = await as(alice).mySubmissions.withdraw({ submissionId: id });
    expect(out.status).toBe('withdrawn');
    const types = await h.runtime.db
      .select({ type: schema.domainEvents.type })
      .from(schema.domainEvents)
      .where(eq(schema.domainEvents.subjectId, id))
      .orderBy(schema.domainEvents.id);
    expect(types.map((t) => t.type)).toEqual(['submission.submitted', 'submission.withdrawn']);
    expect((await errorOf(as(alice).mySubmissions.withdraw({ submissionId: id }))).message).toBe(
      'This submission was withdrawn and cannot change',
    );
  });

  it('shows the submissions on My conference', async () => {
    const mine = await as(bob).me.conference({ eventId });
    expect(mine.sections.find((s) => s.kind === 'submissions')).toEqual({
      kind: 'submissions',
      submissions: [
        {
          id,
          title: { en: 'Clusters after the crisis', ko: '위기 이후의 클러스터' },
          status: 'withdrawn',
          mine: false,
        },
        expect.objectContaining({ title: { en: 'Zebra economics' }, status: 'draft', mine: true }),
      ],
    });
  });
});
