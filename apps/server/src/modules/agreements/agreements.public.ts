import {
  DomainError,
  type PublicAgreementSummaryDto,
  type Services,
} from '@plenary/contracts';
import type { Executor } from '@plenary/db';
import { inTransaction, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { resolveOrganisation } from '../organisations/organisations.service';
import * as repo from './agreements.repo';
import { personName } from './agreements.dto';

const notFound = () => new DomainError('NOT_FOUND', { key: 'agreementNotFound' });

async function summaries(db: Executor, rows: repo.AgreementRow[]): Promise<PublicAgreementSummaryDto[]> {
  const parties = await repo.partiesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    status: r.status,
    parties: parties.filter((p) => p.agreementId === r.id).map((p) => ({ name: p.name, country: p.country })),
    signedOn: r.signedOn,
    adoptedAt: r.adoptedAt?.toISOString() ?? null,
    effectiveOn: r.effectiveOn,
    expiresOn: r.expiresOn,
  }));
}

/** A published instrument of a public event (null: not there, or not published: the same to a stranger). */
async function findPublished(db: Executor, slug: string, agreementId: string) {
  const event = await repo.findEventBySlug(db, slug);
  if (!event) return null;
  return (await repo.listPublished(db, event.id)).find((r) => r.id === agreementId) ?? null;
}

/** The public registry: on the portal by event slug, in the partner API by the key's event. */
export function createPublicAgreementServices(
  runtime: Runtime,
): Pick<Services, 'portalAgreements' | 'agreementsApi'> {
  return {
    portalAgreements: {
      async registry(_caller, input) {
        const event = await repo.findEventBySlug(runtime.db, input.slug);
        if (!event) throw new DomainError('NOT_FOUND', { key: 'publishedEventNotFound' });
        return summaries(runtime.db, await repo.listPublished(runtime.db, event.id));
      },

      async agreement(_caller, input) {
        const row = await findPublished(runtime.db, input.slug, input.agreementId);
        if (!row) throw notFound();
        const [summary] = await summaries(runtime.db, [row]);
        const parties = await repo.partiesOf(runtime.db, [row.id]);
        const signatories = await repo.signatoriesOf(
          runtime.db,
          parties.map((p) => p.id),
        );
        const version = row.signedVersionId ? await repo.findVersionById(runtime.db, row.signedVersionId) : undefined;
        const endorsements =
          row.kind === 'declaration' ? await repo.listEndorsements(runtime.db, row.id, true) : [];
        const byCountry = new Map<string | null, number>();
        for (const e of endorsements) byCountry.set(e.country, (byCountry.get(e.country) ?? 0) + 1);
        return {
          ...summary!,
          purpose: row.purpose,
          scope: row.scope,
          adoptedAtSession: row.adoptedAtSession,
          parties: parties.map((p) => ({
            name: p.name,
            country: p.country,
            signatories: signatories
              .filter((s) => s.partyId === p.id)
              .map((s) => ({
                role: s.role,
                name: personName(s),
                localName: s.localName,
                title: s.title,
                onBehalfOf: s.onBehalfOf,
              })),
          })),
          version: version
            ? { number: version.number, sha256: version.sha256, clauses: version.clauses }
            : null,
          endorsements: endorsements.map((e) => ({
            organisation: e.organisationName,
            country: e.country,
            personName: e.personName,
            title: e.title,
          })),
          endorsementsByCountry: [...byCountry]
            .map(([country, count]) => ({ country, count }))
            .sort((a, b) => b.count - a.count || String(a.country).localeCompare(String(b.country))),
        };
      },

      async endorse(caller, input) {
        return inTransaction(runtime, async (uow) => {
          const row = await findPublished(uow.tx, input.slug, input.agreementId);
          if (!row) throw notFound();
          if (row.kind !== 'declaration' || row.status !== 'adopted')
            throw new DomainError('INVALID_STATE', { key: 'endorsementNotOpen' });
          const now = runtime.now();
          const organisationId = await resolveOrganisation(uow.tx, input.organisation, input.country, now);
          const created = await repo.insertEndorsement(uow.tx, {
            agreementId: row.id,
            personId: caller.person.personId,
            organisationId,
            organisationName: input.organisation,
            personName: input.name,
            country: input.country,
            title: input.title,
            createdAt: now,
          });
          if (!created) throw new DomainError('CONFLICT', { key: 'endorsementExists' });
          await recordAudit(
            uow.tx,
            { actor: null, request: caller.request, agent: { kind: 'person', personId: caller.person.personId } },
            {
              eventId: row.eventId,
              action: 'endorsement.create',
              objectType: 'endorsement',
              objectId: created.id,
              after: { agreementId: row.id, organisation: input.organisation, country: input.country },
            },
          );
          return { status: created.status };
        });
      },
    },

    agreementsApi: {
      async registry(caller) {
        if (!caller.eventId) throw new DomainError('NOT_FOUND', { key: 'eventNotFound' });
        return summaries(runtime.db, await repo.listPublished(runtime.db, caller.eventId));
      },
    },
  };
}
