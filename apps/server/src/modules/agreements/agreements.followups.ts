import { DomainError, type EventCaller, type Services } from '@plenary/contracts';
import { inTransaction, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { recordDomainEvent } from '../domain-events/record';
import { findEventStanding } from '../team/team.repo';
import * as repo from './agreements.repo';
import { loadAgreementDto } from './agreements.dto';

type Followups = Pick<
  Services['agreements'],
  'comments' | 'addComment' | 'addAction' | 'updateAction' | 'endorsements' | 'verifyEndorsement' | 'organisations'
>;

const notFound = () => new DomainError('NOT_FOUND', { key: 'agreementNotFound' });

function endorsementDto(e: Awaited<ReturnType<typeof repo.listEndorsements>>[number]) {
  return {
    id: e.id,
    organisation: e.organisationName,
    country: e.country,
    personName: e.personName,
    title: e.title,
    status: e.status,
    createdAt: e.createdAt.toISOString(),
    verifiedAt: e.verifiedAt?.toISOString() ?? null,
  };
}

/** Comments per clause, follow-up actions, and the staff side of endorsements. */
export function createAgreementFollowUps(runtime: Runtime): Followups {
  const read = async (caller: EventCaller, id: string) => {
    const row = await repo.findAgreement(runtime.db, caller.eventId, id);
    if (!row) throw notFound();
    return row;
  };
  return {
    async comments(caller, input) {
      await read(caller, input.agreementId);
      return (await repo.listComments(runtime.db, input.agreementId)).map((c) => ({
        id: c.id,
        clauseKey: c.clauseKey,
        version: c.versionNumber,
        author: c.authorName,
        body: c.body,
        createdAt: c.createdAt.toISOString(),
      }));
    },

    async addComment(caller, input) {
      return inTransaction(runtime, async (uow) => {
        const row = await repo.findAgreement(uow.tx, caller.eventId, input.agreementId);
        if (!row) throw notFound();
        const latest = await repo.latestVersion(uow.tx, row.id);
        if (!latest?.clauses.some((c) => c.key === input.clauseKey))
          throw new DomainError(
            'INVALID_INPUT',
            { key: 'agreementUnknownClause', params: { key: input.clauseKey } },
            { clauseKey: ['No such clause'] },
          );
        const c = await repo.insertComment(uow.tx, {
          agreementId: row.id,
          clauseKey: input.clauseKey,
          versionNumber: latest.number,
          authorUserId: caller.actor.userId,
          authorName: caller.actor.displayName,
          body: input.body,
          createdAt: runtime.now(),
        });
        return {
          id: c.id,
          clauseKey: c.clauseKey,
          version: c.versionNumber,
          author: c.authorName,
          body: c.body,
          createdAt: c.createdAt.toISOString(),
        };
      });
    },

    async addAction(caller, input) {
      return inTransaction(runtime, async (uow) => {
        const row = await repo.findAgreement(uow.tx, caller.eventId, input.agreementId, true);
        if (!row) throw notFound();
        const standing = await findEventStanding(uow.tx, caller.eventId, input.ownerUserId);
        if (!standing?.role)
          throw new DomainError('INVALID_INPUT', { key: 'agreementOwnerNotOnTeam' }, { ownerUserId: ['Not on the team'] });
        await repo.insertAction(uow.tx, {
          agreementId: row.id,
          title: input.title,
          ownerUserId: input.ownerUserId,
          dueOn: input.dueOn,
        });
        await recordAudit(uow.tx, caller, {
          eventId: caller.eventId,
          action: 'agreement.action.add',
          objectType: 'agreement',
          objectId: row.id,
          after: { title: input.title, ownerUserId: input.ownerUserId, dueOn: input.dueOn },
        });
        return loadAgreementDto(uow.tx, row);
      });
    },

    async updateAction(caller, input) {
      return inTransaction(runtime, async (uow) => {
        const row = await repo.findAgreement(uow.tx, caller.eventId, input.agreementId, true);
        if (!row) throw notFound();
        if (!(await repo.setActionStatus(uow.tx, row.id, input.actionId, input.status)))
          throw new DomainError('NOT_FOUND', { key: 'agreementActionNotFound' });
        await recordAudit(uow.tx, caller, {
          eventId: caller.eventId,
          action: 'agreement.action.update',
          objectType: 'agreement',
          objectId: row.id,
          after: { actionId: input.actionId, status: input.status },
        });
        return loadAgreementDto(uow.tx, row);
      });
    },

    async endorsements(caller, input) {
      await read(caller, input.agreementId);
      return (await repo.listEndorsements(runtime.db, input.agreementId, false)).map(endorsementDto);
    },

    async verifyEndorsement(caller, input) {
      return inTransaction(runtime, async (uow) => {
        // The declaration's lock orders its endorsement events.
        const row = await repo.findAgreement(uow.tx, caller.eventId, input.agreementId, true);
        if (!row) throw notFound();
        const before = (await repo.listEndorsements(uow.tx, row.id, false)).find((e) => e.id === input.endorsementId);
        if (!before) throw new DomainError('NOT_FOUND', { key: 'endorsementNotFound' });
        await repo.decideEndorsement(uow.tx, row.id, input.endorsementId, {
          status: input.decision,
          verifiedByUserId: caller.actor.userId,
          verifiedAt: runtime.now(),
        });
        await recordAudit(uow.tx, caller, {
          eventId: caller.eventId,
          action: `endorsement.${input.decision}`,
          objectType: 'endorsement',
          objectId: input.endorsementId,
          before: { status: before.status },
          after: { status: input.decision },
        });
        // Told once: the first time it becomes public.
        if (input.decision === 'verified' && before.status !== 'verified')
          await recordDomainEvent(runtime, uow, {
            type: 'declaration.endorsed',
            eventId: row.eventId,
            subject: { kind: 'agreement', id: row.id },
            data: {
              agreement: {
                id: row.id,
                eventId: row.eventId,
                kind: row.kind,
                title: row.title,
                versionNumber: null,
                versionSha256: null,
              },
              endorsement: { id: before.id, organisation: before.organisationName, country: before.country },
            },
          });
        const after = (await repo.listEndorsements(uow.tx, row.id, false)).find((e) => e.id === input.endorsementId);
        return endorsementDto(after!);
      });
    },

    async organisations(_caller, input) {
      return repo.searchOrganisations(runtime.db, input.search, 20);
    },
  };
}
