import type { z } from 'zod';
import {
  DomainError,
  type PaperServices,
  type PersonCaller,
  type submissionFieldsInput,
} from '@plenary/contracts';
import { eq, schema, type Executor } from '@plenary/db';
import type { SubmissionChange } from '@plenary/db/schema';
import { inTransaction, type Runtime, type UnitOfWork } from '../../core/runtime';
import { recordDomainEvent } from '../domain-events/record';
import { attachFiles } from '../files/files.service';
import * as cfp from './cfp.repo';
import { assertOpen, closesAt } from './call-window';
import { eventReviewers, writeAuthors, writeReviewerConflicts } from './authors';
import { storePaperPdf } from './pdf-check';
import {
  findSubmission,
  submissionDetail,
  submissionDtoOf,
  submissionIdsOf,
  type SubmissionDto,
  type SubmissionRow,
} from './submission-queries';

const { submissions, submissionVersions, files } = schema;
type Fields = z.output<typeof submissionFieldsInput>;

export const SUBMISSION_FILE_OWNER = 'submission';
export const SUBMISSION_FILE_PURPOSE = 'submission.pdf';

const notFound = () => new DomainError('NOT_FOUND', { key: 'submissionNotFound' });

/** Words of a text, Korean or Latin: runs of letters or digits between spaces. */
export function wordCount(text: string | undefined): number {
  return text?.trim() ? text.trim().split(/\s+/u).length : 0;
}

/** The fields a version compares; the snapshot keeps them all. */
const versionedFields = [
  'status',
  'trackId',
  'typeId',
  'title',
  'abstract',
  'keywords',
  'authors',
  'reviewerConflicts',
  'institutionConflicts',
  'file',
] as const;

function snapshotOf(dto: SubmissionDto): Record<string, unknown> {
  return Object.fromEntries(versionedFields.map((f) => [f, dto[f]]));
}

function changesBetween(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): SubmissionChange[] {
  return versionedFields
    .filter((f) => JSON.stringify(before?.[f] ?? null) !== JSON.stringify(after[f] ?? null))
    .map((f) => ({ field: f, before: before?.[f] ?? null, after: after[f] ?? null }));
}

/** Checks the fields against the call: its tracks, its types' rules, its reviewers. */
async function checkFields(db: Executor, eventId: string, fields: Fields): Promise<void> {
  if (fields.trackId && !(await cfp.findTrack(db, eventId, fields.trackId)))
    throw new DomainError('INVALID_INPUT', { key: 'submissionTrackUnknown' }, { trackId: ['No such track'] });
  const type = fields.typeId ? await cfp.findType(db, eventId, fields.typeId) : null;
  if (fields.typeId && !type)
    throw new DomainError('INVALID_INPUT', { key: 'submissionTypeUnknown' }, { typeId: ['No such type'] });
  if (type?.abstractWordLimit) {
    const count = Math.max(wordCount(fields.abstract.en), wordCount(fields.abstract.ko));
    if (count > type.abstractWordLimit)
      throw new DomainError(
        'INVALID_INPUT',
        {
          key: 'submissionAbstractTooLong',
          params: { count, max: type.abstractWordLimit },
        },
        { abstract: [`${count} words, at most ${type.abstractWordLimit}`] },
      );
  }
  if (fields.authors.filter((a) => a.presenting).length !== 1)
    throw new DomainError(
      'INVALID_INPUT',
      { key: 'submissionOnePresenter' },
      { authors: ['Exactly one presenting author'] },
    );
  const seen = new Set<string>();
  for (const a of fields.authors) {
    if (seen.has(a.email))
      throw new DomainError(
        'INVALID_INPUT',
        { key: 'submissionAuthorTwice', params: { email: a.email } },
        {
          authors: [`${a.email} twice`],
        },
      );
    seen.add(a.email);
  }
  if (fields.reviewerConflicts.length) {
    const reviewers = new Set((await eventReviewers(db, eventId)).map((r) => r.userId));
    const ids = new Set<string>();
    for (const c of fields.reviewerConflicts) {
      if (!reviewers.has(c.userId) || ids.has(c.userId))
        throw new DomainError(
          'INVALID_INPUT',
          { key: 'submissionReviewerUnknown' },
          {
            reviewerConflicts: ['Not a reviewer of this event'],
          },
        );
      ids.add(c.userId);
    }
  }
}

/** Records the version a change made (the row already carries its new number). */
async function recordVersion(
  tx: Executor,
  caller: PersonCaller,
  row: SubmissionRow,
  action: string,
  before: Record<string, unknown> | null,
  after: SubmissionDto,
): Promise<void> {
  const snapshot = snapshotOf(after);
  await tx.insert(submissionVersions).values({
    submissionId: row.id,
    version: row.version,
    actorKind: 'person',
    actorId: caller.person.personId,
    action,
    snapshot,
    changes: changesBetween(before, snapshot),
    at: row.updatedAt,
  });
}

export function createSubmissionServices(runtime: Runtime): Pick<PaperServices, 'mySubmissions'> {
  const editableFor = (personId: string, call: cfp.CallRow | null) => (row: SubmissionRow) => {
    const closes = call ? closesAt(call) : null;
    return (
      row.submitterPersonId === personId &&
      row.status !== 'withdrawn' &&
      closes !== null &&
      runtime.now() <= closes
    );
  };

  /**
   * One author change in one transaction: the submission locked, the caller its
   * submitter (anyone else hears "no such submission"), the window open by the
   * server's clock, then the change, its version, and the events it records.
   */
  async function change(
    caller: PersonCaller,
    submissionId: string,
    action: string,
    apply: (
      uow: UnitOfWork,
      row: SubmissionRow,
      call: cfp.CallRow,
    ) => Promise<Partial<typeof submissions.$inferInsert>>,
    options: { windowOpen?: boolean } = {},
  ): Promise<SubmissionDto> {
    return inTransaction(runtime, async (uow) => {
      const { tx } = uow;
      const row = await findSubmission(tx, submissionId, true);
      if (!row || row.submitterPersonId !== caller.person.personId) throw notFound();
      if (row.status === 'withdrawn') throw new DomainError('INVALID_STATE', { key: 'submissionWithdrawn' });
      const call = await cfp.findCall(tx, row.eventId);
      const now = runtime.now();
      if (options.windowOpen !== false) assertOpen(call, now);
      const before = snapshotOf(await submissionDtoOf(tx, row, false));
      const patch = await apply(uow, row, call!);
      const [updated] = await tx
        .update(submissions)
        .set({ ...patch, version: row.version + 1, updatedAt: now })
        .where(eq(submissions.id, row.id))
        .returning();
      const dto = await submissionDtoOf(tx, updated!, editableFor(caller.person.personId, call)(updated!));
      await recordVersion(tx, caller, updated!, action, before, dto);
      return dto;
    });
  }

  async function localeOf(db: Executor, personId: string): Promise<string> {
    const [p] = await db
      .select({ locale: schema.persons.locale })
      .from(schema.persons)
      .where(eq(schema.persons.id, personId));
    return p?.locale ?? 'en';
  }

  return {
    mySubmissions: {
      async list(caller, input) {
        const ids = await submissionIdsOf(runtime.db, caller.person.personId, input.eventId);
        const out: SubmissionDto[] = [];
        for (const id of ids) {
          const row = await findSubmission(runtime.db, id);
          if (!row) continue;
          const call = await cfp.findCall(runtime.db, row.eventId);
          out.push(await submissionDtoOf(runtime.db, row, editableFor(caller.person.personId, call)(row)));
        }
        return out;
      },
      async get(caller, input) {
        const row = await findSubmission(runtime.db, input.submissionId);
        const call = row ? await cfp.findCall(runtime.db, row.eventId) : null;
        const detail = await submissionDetail(
          runtime.db,
          input.submissionId,
          { personId: caller.person.personId },
          editableFor(caller.person.personId, call),
        );
        if (!detail) throw notFound();
        return detail;
      },
      async reviewers(_caller, input) {
        // Only an open call names its reviewers (to people about to submit).
        assertOpen(await cfp.findCall(runtime.db, input.eventId), runtime.now());
        return eventReviewers(runtime.db, input.eventId);
      },
      async create(caller, input) {
        return inTransaction(runtime, async (uow) => {
          const { tx } = uow;
          const call = await cfp.findCall(tx, input.eventId);
          assertOpen(call, runtime.now());
          const { eventId, ...fields } = input;
          await checkFields(tx, eventId, fields);
          const now = runtime.now();
          const [row] = await tx
            .insert(submissions)
            .values({
              eventId,
              submitterPersonId: caller.person.personId,
              status: 'draft',
              trackId: fields.trackId,
              typeId: fields.typeId,
              title: fields.title,
              abstract: fields.abstract,
              keywords: fields.keywords,
              institutionConflicts: fields.institutionConflicts,
              version: 1,
              createdAt: now,
              updatedAt: now,
            })
            .returning();
          await writeAuthors(runtime, uow, row!, fields.authors, await localeOf(tx, caller.person.personId));
          await writeReviewerConflicts(tx, row!.id, fields.reviewerConflicts);
          const dto = await submissionDtoOf(tx, row!, true);
          await recordVersion(tx, caller, row!, 'create', null, dto);
          return dto;
        });
      },
      update(caller, input) {
        const { submissionId, ...fields } = input;
        return change(caller, submissionId, 'update', async (uow, row) => {
          await checkFields(uow.tx, row.eventId, fields);
          await writeAuthors(
            runtime,
            uow,
            { ...row, title: fields.title },
            fields.authors,
            await localeOf(uow.tx, caller.person.personId),
          );
          await writeReviewerConflicts(uow.tx, row.id, fields.reviewerConflicts);
          return {
            trackId: fields.trackId,
            typeId: fields.typeId,
            title: fields.title,
            abstract: fields.abstract,
            keywords: fields.keywords,
            institutionConflicts: fields.institutionConflicts,
          };
        });
      },
      async uploadPdf(caller, input) {
        // Every check that can refuse comes before a byte is kept: the owner, the
        // window, the type's rules, then the PDF itself.
        const row = await findSubmission(runtime.db, input.submissionId);
        if (!row || row.submitterPersonId !== caller.person.personId) throw notFound();
        if (row.status === 'withdrawn')
          throw new DomainError('INVALID_STATE', { key: 'submissionWithdrawn' });
        assertOpen(await cfp.findCall(runtime.db, row.eventId), runtime.now());
        if (!row.typeId)
          throw new DomainError(
            'INVALID_INPUT',
            { key: 'submissionIncomplete' },
            { typeId: ['Choose a type first'] },
          );
        const type = await cfp.findType(runtime.db, row.eventId, row.typeId);
        if (!type) throw new DomainError('INVALID_INPUT', { key: 'submissionTypeUnknown' });
        const { stored, pages } = await storePaperPdf(
          runtime,
          {
            eventId: row.eventId,
            purpose: SUBMISSION_FILE_PURPOSE,
            filename: input.filename,
            contentBase64: input.contentBase64,
          },
          type,
        );
        try {
          return await change(caller, row.id, 'upload', async (uow) => {
            const taken = await attachFiles(
              uow.tx,
              runtime.now(),
              {
                eventId: row.eventId,
                purpose: SUBMISSION_FILE_PURPOSE,
                ownerKind: SUBMISSION_FILE_OWNER,
                ownerId: row.id,
              },
              [stored.fileId],
            );
            if (!taken.has(stored.fileId)) throw new DomainError('INVALID_INPUT', { key: 'uploadFileAgain' });
            return { fileId: stored.fileId, pageCount: pages };
          });
        } catch (err) {
          // The change was refused (the deadline passed while the file came in): the
          // submission is as it was, and the file it would have used goes too.
          await runtime.db.delete(files).where(eq(files.id, stored.fileId));
          throw err;
        }
      },
      submit(caller, input) {
        return change(caller, input.submissionId, 'submit', async (uow, row, call) => {
          if (row.status === 'submitted')
            throw new DomainError('INVALID_STATE', { key: 'submissionAlreadySubmitted' });
          const type = row.typeId ? await cfp.findType(uow.tx, row.eventId, row.typeId) : null;
          if (!row.trackId || !type) throw new DomainError('INVALID_INPUT', { key: 'submissionIncomplete' });
          if (type.fileRequired && !row.fileId)
            throw new DomainError(
              'INVALID_INPUT',
              { key: 'submissionFileRequired' },
              { file: ['Upload the PDF'] },
            );
          const current = cfp.currentConsents(await cfp.listConsents(uow.tx, row.eventId));
          const now = runtime.now();
          for (const c of current) {
            const given = input.consents.some((g) => g.kind === c.kind && g.version === c.version);
            if (c.required && !given)
              throw new DomainError(
                'INVALID_INPUT',
                { key: 'submissionConsentMissing', params: { kind: c.kind } },
                {
                  consents: [`Accept ${c.kind} version ${c.version}`],
                },
              );
          }
          const consents = current
            .filter((c) => input.consents.some((g) => g.kind === c.kind && g.version === c.version))
            .map((c) => ({ kind: c.kind, version: c.version, acceptedAt: now.toISOString() }));
          await recordDomainEvent(runtime, uow, {
            type: 'submission.submitted',
            eventId: call.eventId,
            subject: { kind: 'submission', id: row.id },
            data: { submissionId: row.id, version: row.version + 1, title: row.title },
          });
          return { status: 'submitted', submittedAt: now, consents };
        });
      },
      withdraw(caller, input) {
        // Withdrawing is allowed after the deadline too: it only takes a paper out.
        return change(
          caller,
          input.submissionId,
          'withdraw',
          async (uow, row) => {
            await recordDomainEvent(runtime, uow, {
              type: 'submission.withdrawn',
              eventId: row.eventId,
              subject: { kind: 'submission', id: row.id },
              data: { submissionId: row.id, version: row.version + 1, title: row.title },
            });
            return { status: 'withdrawn', withdrawnAt: runtime.now() };
          },
          { windowOpen: false },
        );
      },
    },
  };
}
