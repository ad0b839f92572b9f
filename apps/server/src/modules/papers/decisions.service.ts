import {
  DomainError,
  builtInDecisionKinds,
  type DecisionServices,
  type EventCaller,
} from '@plenary/contracts';
import { inTransaction, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { recordDomainEvents } from '../domain-events/record';
import { sendTemplatedMails } from '../mail/mail.service';
import * as repo from './decisions.repo';
import { decisionMails, renderDecisionMails } from './decisions.mail';
import { createProgrammeApi } from './decisions.api';
import { createMyDecisionServices } from './decisions.author';

const submissionNotFound = () => new DomainError('NOT_FOUND', { key: 'submissionNotFound' });

/**
 * Decisions (issue 11 §4): the chairs record them as pending (one or many at a
 * time, changeable while pending) and release the event's together, in one
 * transaction; an author reads a decision only once it is released.
 */
export function createDecisionServices(runtime: Runtime): DecisionServices {
  const { myDecisions } = createMyDecisionServices(runtime);
  const audit = (caller: EventCaller, action: string, objectId: string, after: Record<string, unknown>) =>
    ({ eventId: caller.eventId, action, objectType: 'decision', objectId, after }) as const;
  return {
    myDecisions,
    ...createProgrammeApi(runtime),
    decisions: {
      kinds(caller) {
        return repo.kindsOf(runtime.db, caller.eventId);
      },
      saveKind(caller, input) {
        if ((builtInDecisionKinds as readonly string[]).includes(input.code))
          throw new DomainError(
            'INVALID_INPUT',
            { key: 'decisionKindBuiltIn' },
            { code: ['A built-in kind'] },
          );
        return inTransaction(runtime, async ({ tx }) => {
          await repo.upsertKind(tx, {
            eventId: caller.eventId,
            code: input.code,
            name: input.name,
            accepted: input.accepted,
          });
          await recordAudit(tx, caller, audit(caller, 'decision.kind', caller.eventId, { ...input }));
          const kind = (await repo.kindsOf(tx, caller.eventId)).find((k) => k.code === input.code);
          if (!kind) throw new Error('decision kind vanished inside its own transaction');
          return kind;
        });
      },
      async list(caller) {
        const rows = await repo.decisionRows(runtime.db, caller.eventId);
        const pendingRows = rows.flatMap((r) =>
          r.state === 'pending' && r.kind ? [{ submissionId: r.submissionId, kind: r.kind }] : [],
        );
        // The same recipients release would mail, so the chair's confirmation states what will go out.
        const pendingMails = (
          await decisionMails(
            runtime,
            runtime.db,
            caller.eventId,
            pendingRows,
            await repo.kindsOf(runtime.db, caller.eventId),
          )
        ).length;
        return {
          rows: rows.map((r) => ({
            submissionId: r.submissionId,
            title: r.title,
            status: r.status,
            trackId: r.trackId,
            typeId: r.typeId,
            decision:
              r.kind && r.state && r.recordedAt
                ? {
                    kind: r.kind,
                    state: r.state,
                    recordedAt: r.recordedAt.toISOString(),
                    releasedAt: r.releasedAt?.toISOString() ?? null,
                  }
                : null,
          })),
          pending: rows.filter((r) => r.state === 'pending').length,
          released: rows.filter((r) => r.state === 'released').length,
          pendingMails,
        };
      },
      record(caller, input) {
        const ids = [...new Set(input.submissionIds)];
        return inTransaction(runtime, async ({ tx }) => {
          const kinds = await repo.kindsOf(tx, caller.eventId);
          if (!kinds.some((k) => k.code === input.kind))
            throw new DomainError(
              'INVALID_INPUT',
              { key: 'decisionKindUnknown', params: { kind: input.kind } },
              { kind: ['Not a decision kind of this event'] },
            );
          await repo.lockEvent(tx, caller.eventId);
          const found = await repo.submissionsByIds(tx, ids);
          // Another event's submission answers as missing: its existence is not this chair's to learn.
          if (found.length !== ids.length || found.some((s) => s.eventId !== caller.eventId))
            throw submissionNotFound();
          if (found.some((s) => s.status !== 'submitted'))
            throw new DomainError('INVALID_STATE', { key: 'decisionSubmissionNotSubmitted' });
          if ((await repo.releasedAmong(tx, ids)).length)
            throw new DomainError('INVALID_STATE', { key: 'decisionAlreadyReleased' });
          await repo.upsertPending(tx, caller.eventId, ids, input.kind, caller.actor.userId, runtime.now());
          await recordAudit(
            tx,
            caller,
            audit(caller, 'decision.record', caller.eventId, { kind: input.kind, submissionIds: ids }),
          );
          return { recorded: ids.length };
        });
      },
      async previewMail(caller, input) {
        const decision = await repo.decisionOf(runtime.db, input.submissionId);
        // Another event's submission answers as missing, as in record.
        if (!decision || decision.eventId !== caller.eventId) {
          const [found] = await repo.submissionsByIds(runtime.db, [input.submissionId]);
          if (!found || found.eventId !== caller.eventId) throw submissionNotFound();
          throw new DomainError('INVALID_STATE', { key: 'decisionNone' });
        }
        const kinds = await repo.kindsOf(runtime.db, caller.eventId);
        const mails = await decisionMails(runtime, runtime.db, caller.eventId, [decision], kinds);
        return { mails: await renderDecisionMails(runtime.db, caller.eventId, mails) };
      },
      async presenters(caller) {
        const rows = await repo.presenterRows(runtime.db, caller.eventId);
        const accepted = new Set(
          (await repo.kindsOf(runtime.db, caller.eventId)).filter((k) => k.accepted).map((k) => k.code),
        );
        return rows
          .filter((r) => accepted.has(r.kind))
          .map((r) => ({
            submissionId: r.submissionId,
            title: r.title,
            kind: r.kind,
            presenter:
              r.givenName !== null && r.familyName !== null && r.email !== null
                ? { givenName: r.givenName, familyName: r.familyName, email: r.email }
                : null,
            cameraReady: r.cameraReadyAt !== null,
            presenterConfirmedAt: r.presenterConfirmedAt?.toISOString() ?? null,
            registration:
              r.reference && r.registrationStatus
                ? { reference: r.reference, status: r.registrationStatus }
                : null,
          }));
      },
      release(caller) {
        return inTransaction(runtime, async (uow) => {
          const { tx } = uow;
          await repo.lockEvent(tx, caller.eventId);
          const now = runtime.now();
          const released = await repo.releasePending(tx, caller.eventId, now);
          if (!released.length) throw new DomainError('INVALID_STATE', { key: 'decisionNonePending' });
          const kinds = await repo.kindsOf(tx, caller.eventId);
          const acceptedKinds = new Set(kinds.filter((k) => k.accepted).map((k) => k.code));
          // In the release's transaction: the notices exist if and only if the release
          // commits, and go to the mail queue after it.
          const mails = await decisionMails(runtime, tx, caller.eventId, released, kinds);
          await sendTemplatedMails(runtime, uow, mails);
          const accepted = released.filter((r) => acceptedKinds.has(r.kind)).length;
          await recordDomainEvents(runtime, uow, [
            ...released.map((r) => ({
              type: 'decision.released' as const,
              eventId: caller.eventId,
              subject: { kind: 'submission', id: r.submissionId },
              data: {
                submissionId: r.submissionId,
                kind: r.kind,
                accepted: acceptedKinds.has(r.kind),
                title: r.title,
              },
            })),
            {
              type: 'programme.published' as const,
              eventId: caller.eventId,
              subject: { kind: 'event', id: caller.eventId },
              data: {
                eventId: caller.eventId,
                released: released.length,
                accepted,
                releasedAt: now.toISOString(),
              },
            },
          ]);
          await recordAudit(
            tx,
            caller,
            audit(caller, 'decision.release', caller.eventId, {
              released: released.length,
              accepted,
              mails: mails.length,
            }),
          );
          return { released: released.length, accepted, mails: mails.length };
        });
      },
    },
  };
}
