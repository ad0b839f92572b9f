import { DomainError, type DecisionServices, type PersonCaller } from '@plenary/contracts';
import { inTransaction, type Runtime } from '../../core/runtime';
import { attachFiles } from '../files/files.service';
import * as cfp from './cfp.repo';
import * as repo from './decisions.repo';
import { storePaperPdf } from './pdf-check';
import { findSubmission, isAuthorOf } from './submission-queries';

export const CAMERA_READY_PURPOSE = 'submission.cameraReady';

const submissionNotFound = () => new DomainError('NOT_FOUND', { key: 'submissionNotFound' });
/** One refusal for pending, rejected and undecided alike: it tells an author nothing before release. */
const notAccepted = () => new DomainError('INVALID_STATE', { key: 'decisionNotAccepted' });

/**
 * The authors' side of decisions: the released decision, then for an accepted
 * paper the camera-ready PDF and the presenter's promise to register.
 */
export function createMyDecisionServices(runtime: Runtime): Pick<DecisionServices, 'myDecisions'> {
  /** The submission, if the caller is one of its authors (else 404, as if missing). */
  async function ownSubmission(caller: PersonCaller, submissionId: string) {
    const row = await findSubmission(runtime.db, submissionId);
    if (!row || !(await isAuthorOf(runtime.db, row, caller.person.personId))) throw submissionNotFound();
    return row;
  }

  async function decisionDto(submissionId: string) {
    const d = await repo.authorDecision(runtime.db, submissionId);
    if (!d?.releasedAt) return null;
    const kind = (await repo.kindsOf(runtime.db, d.eventId)).find((k) => k.code === d.kind);
    return {
      kind: d.kind,
      name: kind?.name ?? {},
      accepted: kind?.accepted ?? false,
      releasedAt: d.releasedAt.toISOString(),
      cameraReady:
        d.cameraReadyAt && d.cameraReadyPageCount !== null
          ? {
              filename: d.cameraReadyFilename ?? '',
              pageCount: d.cameraReadyPageCount,
              uploadedAt: d.cameraReadyAt.toISOString(),
            }
          : null,
      presenterConfirmedAt: d.presenterConfirmedAt?.toISOString() ?? null,
    };
  }

  async function acceptedDecision(submissionId: string) {
    const dto = await decisionDto(submissionId);
    if (!dto?.accepted) throw notAccepted();
    return dto;
  }

  return {
    myDecisions: {
      async get(caller, input) {
        await ownSubmission(caller, input.submissionId);
        return decisionDto(input.submissionId);
      },
      async uploadCameraReady(caller, input) {
        // Every check that can refuse comes before a byte is kept, as for the submission's PDF.
        const row = await ownSubmission(caller, input.submissionId);
        await acceptedDecision(row.id);
        const type = row.typeId ? await cfp.findType(runtime.db, row.eventId, row.typeId) : null;
        if (!type) throw new DomainError('INVALID_INPUT', { key: 'submissionTypeUnknown' });
        const { stored, pages } = await storePaperPdf(
          runtime,
          {
            eventId: row.eventId,
            purpose: CAMERA_READY_PURPOSE,
            filename: input.filename,
            contentBase64: input.contentBase64,
          },
          type,
        );
        await inTransaction(runtime, async ({ tx }) => {
          const taken = await attachFiles(
            tx,
            runtime.now(),
            { eventId: row.eventId, purpose: CAMERA_READY_PURPOSE, ownerKind: 'submission', ownerId: row.id },
            [stored.fileId],
          );
          if (!taken.has(stored.fileId)) throw new DomainError('INVALID_INPUT', { key: 'uploadFileAgain' });
          await repo.setCameraReady(tx, row.id, { fileId: stored.fileId, pages }, runtime.now());
        });
        return acceptedDecision(row.id);
      },
      async confirmPresenter(caller, input) {
        const row = await ownSubmission(caller, input.submissionId);
        await acceptedDecision(row.id);
        await repo.setPresenterConfirmed(runtime.db, row.id, runtime.now());
        return acceptedDecision(row.id);
      },
    },
  };
}
