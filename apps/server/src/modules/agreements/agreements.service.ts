import {
  agreementTransitionRules,
  DomainError,
  textFrozenStatuses,
  type Clause,
  type Services,
} from '@plenary/contracts';
import type { EventCaller } from '@plenary/contracts';
import { inTransaction, type Runtime, type UnitOfWork } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { recordDomainEvent } from '../domain-events/record';
import { findOrCreatePersons } from '../people/people.service';
import { findEventStanding } from '../team/team.repo';
import { textSha256 } from './agreement-text';
import * as repo from './agreements.repo';
import { loadAgreementDto, toSummary, toVersionSummary } from './agreements.dto';
import { createAgreementFollowUps } from './agreements.followups';
import { redlineOf, versionOf, versionsOf } from './agreements.versions';
import { withdrawOpenEnvelope } from './signing/withdraw';

const notFound = () => new DomainError('NOT_FOUND', { key: 'agreementNotFound' });

/** The agreement of the caller's event, locked for a read-modify-write. */
export async function lockAgreement(uow: UnitOfWork, caller: EventCaller, id: string) {
  const row = await repo.findAgreement(uow.tx, caller.eventId, id, true);
  if (!row) throw notFound();
  return row;
}

export async function readAgreement(runtime: Runtime, caller: EventCaller, id: string) {
  const row = await repo.findAgreement(runtime.db, caller.eventId, id);
  if (!row) throw notFound();
  return row;
}

function checkDates(effectiveOn: string | null, expiresOn: string | null) {
  if (effectiveOn && expiresOn && expiresOn < effectiveOn)
    throw new DomainError('INVALID_INPUT', { key: 'endBeforeStart' }, { expiresOn: ['The expiry must not be before the start'] });
}

async function checkOnTeam(uow: UnitOfWork, eventId: string, userId: string, field: string) {
  const standing = await findEventStanding(uow.tx, eventId, userId);
  if (!standing?.role)
    throw new DomainError('INVALID_INPUT', { key: 'agreementOwnerNotOnTeam' }, { [field]: ['Not on the team'] });
}

const today = (runtime: Runtime) => runtime.now().toISOString().slice(0, 10);

/** What a domain event says of the instrument (the public registry's facts). */
function eventAgreement(r: repo.AgreementRow, version: repo.VersionRow | undefined) {
  return {
    id: r.id,
    eventId: r.eventId,
    kind: r.kind,
    title: r.title,
    versionNumber: version?.number ?? null,
    versionSha256: version?.sha256 ?? null,
  };
}

export function createAgreementsService(runtime: Runtime): Services['agreements'] {
  const audit = (
    uow: UnitOfWork,
    caller: EventCaller,
    action: string,
    id: string,
    before?: Record<string, unknown>,
    after?: Record<string, unknown>,
  ) =>
    recordAudit(uow.tx, caller, {
      eventId: caller.eventId,
      action,
      objectType: 'agreement',
      objectId: id,
      ...(before !== undefined ? { before } : {}),
      ...(after !== undefined ? { after } : {}),
    });

  return {
    async list(caller, input) {
      const rows = await repo.listAgreements(runtime.db, input);
      const ids = rows.map((r) => r.id);
      const parties = await repo.partiesOf(runtime.db, ids);
      const latest = await repo.latestNumbers(runtime.db, ids);
      return rows.map((r) =>
        toSummary(
          r,
          parties.filter((p) => p.agreementId === r.id),
          latest.get(r.id) ?? null,
        ),
      );
    },

    async get(caller, input) {
      return loadAgreementDto(runtime.db, await readAgreement(runtime, caller, input.agreementId));
    },

    async create(caller, input) {
      checkDates(input.effectiveOn, input.expiresOn);
      return inTransaction(runtime, async (uow) => {
        const row = await repo.insertAgreement(uow.tx, {
          eventId: caller.eventId,
          kind: input.kind,
          title: input.title,
          purpose: input.purpose,
          scope: input.scope,
          effectiveOn: input.effectiveOn,
          expiresOn: input.expiresOn,
          ownerUserId: caller.actor.userId,
        });
        await audit(uow, caller, 'agreement.create', row.id, undefined, {
          kind: row.kind,
          title: row.title,
          status: row.status,
        });
        return loadAgreementDto(uow.tx, row);
      });
    },

    async update(caller, input) {
      const { eventId: _e, agreementId, ...fields } = input;
      return inTransaction(runtime, async (uow) => {
        const before = await lockAgreement(uow, caller, agreementId);
        checkDates(
          fields.effectiveOn === undefined ? before.effectiveOn : fields.effectiveOn,
          fields.expiresOn === undefined ? before.expiresOn : fields.expiresOn,
        );
        if (fields.ownerUserId) await checkOnTeam(uow, caller.eventId, fields.ownerUserId, 'ownerUserId');
        const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
        const after = await repo.updateAgreement(uow.tx, agreementId, patch);
        const view = (r: repo.AgreementRow) => ({
          title: r.title,
          purpose: r.purpose,
          scope: r.scope,
          effectiveOn: r.effectiveOn,
          expiresOn: r.expiresOn,
          ownerUserId: r.ownerUserId,
        });
        await audit(uow, caller, 'agreement.update', agreementId, view(before), view(after));
        return loadAgreementDto(uow.tx, after);
      });
    },

    async setParties(caller, input) {
      return inTransaction(runtime, async (uow) => {
        const row = await lockAgreement(uow, caller, input.agreementId);
        if (textFrozenStatuses.includes(row.status))
          throw new DomainError('INVALID_STATE', { key: 'agreementPartiesFrozen' });
        const orgIds = input.parties.map((p) => p.organisationId);
        if (new Set(orgIds).size !== orgIds.length)
          throw new DomainError('INVALID_INPUT', { key: 'agreementDuplicateParty' }, { parties: ['Named twice'] });
        const known = await repo.existingOrganisations(uow.tx, orgIds);
        const unknown = input.parties.findIndex((p) => !known.has(p.organisationId));
        if (unknown >= 0)
          throw new DomainError(
            'INVALID_INPUT',
            { key: 'agreementUnknownOrganisation' },
            { [`parties.${unknown}.organisationId`]: ['No such organisation'] },
          );
        const signatories = input.parties.flatMap((p) => p.signatories);
        // Staff name the signatory; typing an address proves nothing, so a known person is not rewritten.
        const people = await findOrCreatePersons(
          uow.tx,
          signatories.map((s) => ({
            email: s.email,
            givenName: s.givenName,
            familyName: s.familyName,
            localName: s.localName,
            country: null,
            phone: null,
            jobTitle: null,
          })),
          { vouched: false, locale: 'en', now: runtime.now() },
        );
        const before = await repo.partiesOf(uow.tx, [row.id]);
        await repo.deleteParties(uow.tx, row.id);
        let n = 0;
        for (const [position, party] of input.parties.entries()) {
          const partyId = await repo.insertParty(uow.tx, {
            agreementId: row.id,
            organisationId: party.organisationId,
            position,
          });
          await repo.insertSignatories(
            uow.tx,
            party.signatories.map((s, i) => ({
              partyId,
              personId: people[n++]!.personId,
              role: s.role,
              title: s.title,
              onBehalfOf: s.onBehalfOf,
              position: i,
            })),
          );
        }
        await repo.updateAgreement(uow.tx, row.id, {});
        await audit(
          uow,
          caller,
          'agreement.parties',
          row.id,
          { parties: before.map((p) => p.organisationId) },
          {
            parties: input.parties.map((p) => ({
              organisationId: p.organisationId,
              signatories: p.signatories.map((s) => ({ email: s.email, role: s.role })),
            })),
          },
        );
        return loadAgreementDto(uow.tx, row);
      });
    },

    async saveText(caller, input) {
      return inTransaction(runtime, async (uow) => {
        // The agreement's lock orders two saves: the second sees the first's version and is refused.
        const row = await lockAgreement(uow, caller, input.agreementId);
        if (textFrozenStatuses.includes(row.status))
          throw new DomainError('INVALID_STATE', { key: 'agreementTextFrozen' });
        const latest = await repo.latestVersion(uow.tx, row.id);
        if ((latest?.number ?? null) !== input.baseVersion)
          throw new DomainError('CONFLICT', {
            key: 'agreementVersionConflict',
            params: { latest: latest?.number ?? 0 },
          });
        const clauses: Clause[] = input.clauses;
        const sha256 = textSha256(clauses);
        // Saving the same text again is not a new version: the list would fill with copies.
        if (latest && latest.sha256 === sha256) return toVersionSummary(latest);
        const version = await repo.insertVersion(uow.tx, {
          agreementId: row.id,
          number: (latest?.number ?? 0) + 1,
          clauses,
          sha256,
          createdByUserId: caller.actor.userId,
          createdByName: caller.actor.displayName,
          createdAt: runtime.now(),
        });
        await repo.updateAgreement(uow.tx, row.id, {});
        await audit(uow, caller, 'agreement.text', row.id, latest ? { version: latest.number } : undefined, {
          version: version.number,
          sha256,
        });
        return toVersionSummary(version);
      });
    },

    async transition(caller, input) {
      const rule = agreementTransitionRules[input.to];
      return inTransaction(runtime, async (uow) => {
        const before = await lockAgreement(uow, caller, input.agreementId);
        if (!rule.kinds.includes(before.kind) || !rule.from.includes(before.status))
          throw new DomainError('INVALID_STATE', {
            key: 'agreementTransitionRefused',
            params: { status: before.status, to: input.to },
          });
        const latest = await repo.latestVersion(uow.tx, before.id);
        if (!latest && ['approve', 'send_for_signature', 'adopt'].includes(input.to))
          throw new DomainError('INVALID_STATE', { key: 'agreementNeedsText' });
        if (input.to === 'send_for_signature') {
          const parties = await repo.partiesOf(uow.tx, [before.id]);
          const signing = new Set(
            (await repo.signatoriesOf(uow.tx, parties.map((p) => p.id)))
              .filter((s) => s.role === 'signatory')
              .map((s) => s.partyId),
          );
          if (parties.length < 2 || parties.some((p) => !signing.has(p.id)))
            throw new DomainError('INVALID_STATE', { key: 'agreementNeedsParties' });
        }
        const patch: Parameters<typeof repo.updateAgreement>[2] = { status: rule.to };
        if (input.to === 'record_signature') {
          patch.signedVersionId = latest!.id;
          patch.signedOn = input.on ?? today(runtime);
        }
        if (input.to === 'bring_into_effect') patch.effectiveOn = input.on ?? before.effectiveOn ?? today(runtime);
        if (input.to === 'adopt') {
          if (!input.adoptedAtSession || !input.adoptedAt)
            throw new DomainError(
              'INVALID_INPUT',
              { key: 'agreementNeedsAdoption' },
              { adoptedAtSession: ['Required'], adoptedAt: ['Required'] },
            );
          patch.signedVersionId = latest!.id;
          patch.adoptedAtSession = input.adoptedAtSession;
          patch.adoptedAt = new Date(input.adoptedAt);
        }
        const after = await repo.updateAgreement(uow.tx, before.id, patch);
        // Leaving signature by hand (reopened, or signed on paper) withdraws the open envelope,
        // so its links stop working and a later send is not refused as "already out".
        if (before.status === 'out_for_signature') await withdrawOpenEnvelope(uow, caller, before.id, `agreement.${input.to}`, runtime.now());
        if (input.to === 'renew') await createRenewal(uow, caller, after, latest);
        await audit(
          uow,
          caller,
          `agreement.${input.to}`,
          before.id,
          { status: before.status },
          {
            status: after.status,
            ...(patch.signedVersionId ? { version: latest!.number, sha256: latest!.sha256 } : {}),
          },
        );
        if (input.to === 'record_signature' || input.to === 'adopt')
          await recordDomainEvent(runtime, uow, {
            type: input.to === 'adopt' ? 'declaration.adopted' : 'agreement.signed',
            eventId: after.eventId,
            subject: { kind: 'agreement', id: after.id },
            data: { agreement: eventAgreement(after, latest) },
          });
        return loadAgreementDto(uow.tx, after);
      });
    },

    async setPublished(caller, input) {
      return inTransaction(runtime, async (uow) => {
        const before = await lockAgreement(uow, caller, input.agreementId);
        if (input.published && !['signed', 'in_effect', 'expired', 'terminated', 'renewed', 'adopted'].includes(before.status))
          throw new DomainError('INVALID_STATE', { key: 'agreementNotPublishable' });
        const after = await repo.updateAgreement(uow.tx, before.id, { published: input.published });
        await audit(uow, caller, input.published ? 'agreement.publish' : 'agreement.unpublish', before.id, {
          published: before.published,
        }, { published: after.published });
        return loadAgreementDto(uow.tx, after);
      });
    },

    async versions(caller, input) {
      return versionsOf(runtime.db, await readAgreement(runtime, caller, input.agreementId));
    },
    async version(caller, input) {
      return versionOf(runtime.db, await readAgreement(runtime, caller, input.agreementId), input.number);
    },
    async redline(caller, input) {
      return redlineOf(runtime.db, await readAgreement(runtime, caller, input.agreementId), input.from, input.to);
    },

    ...createAgreementFollowUps(runtime),
  };

  /** A renewal starts as a draft with the original's parties and latest text (version 1). */
  async function createRenewal(
    uow: UnitOfWork,
    caller: EventCaller,
    original: repo.AgreementRow,
    latest: repo.VersionRow | undefined,
  ) {
    const renewal = await repo.insertAgreement(uow.tx, {
      eventId: original.eventId,
      kind: original.kind,
      title: original.title,
      purpose: original.purpose,
      scope: original.scope,
      renewalOfId: original.id,
      ownerUserId: original.ownerUserId,
    });
    const parties = await repo.partiesOf(uow.tx, [original.id]);
    const signatories = await repo.signatoriesOf(uow.tx, parties.map((p) => p.id));
    for (const p of parties) {
      const partyId = await repo.insertParty(uow.tx, {
        agreementId: renewal.id,
        organisationId: p.organisationId,
        position: p.position,
      });
      await repo.insertSignatories(
        uow.tx,
        signatories
          .filter((s) => s.partyId === p.id)
          .map((s, i) => ({ partyId, personId: s.personId, role: s.role, title: s.title, onBehalfOf: s.onBehalfOf, position: i })),
      );
    }
    if (latest)
      await repo.insertVersion(uow.tx, {
        agreementId: renewal.id,
        number: 1,
        clauses: latest.clauses,
        sha256: latest.sha256,
        createdByUserId: caller.actor.userId,
        createdByName: caller.actor.displayName,
        createdAt: runtime.now(),
      });
    await audit(uow, caller, 'agreement.create', renewal.id, undefined, { renewalOf: original.id });
  }
}
