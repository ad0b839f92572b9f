import {
  agreementTransitionsFrom,
  type AgreementDto,
  type AgreementSummaryDto,
  type VersionDto,
} from '@plenary/contracts';
import type { Executor } from '@plenary/db';
import * as repo from './agreements.repo';

export function personName(p: { givenName: string; familyName: string }): string {
  return [p.givenName, p.familyName].filter(Boolean).join(' ');
}

export function toSummary(r: repo.AgreementRow, parties: repo.PartyRow[], latest: number | null): AgreementSummaryDto {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    status: r.status,
    parties: parties.map((p) => p.name),
    effectiveOn: r.effectiveOn,
    expiresOn: r.expiresOn,
    published: r.published,
    latestVersion: latest,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function toVersionSummary(v: repo.VersionRow) {
  return {
    number: v.number,
    sha256: v.sha256,
    clauseCount: v.clauses.length,
    createdBy: v.createdByName,
    createdAt: v.createdAt.toISOString(),
  };
}

export function toVersionDto(v: repo.VersionRow): VersionDto {
  return { ...toVersionSummary(v), clauses: v.clauses };
}

/** The whole agreement as the console shows it: parties with signatories, follow-ups, allowed moves. */
export async function loadAgreementDto(db: Executor, r: repo.AgreementRow): Promise<AgreementDto> {
  const parties = await repo.partiesOf(db, [r.id]);
  const signatories = await repo.signatoriesOf(
    db,
    parties.map((p) => p.id),
  );
  const latest = await repo.latestVersion(db, r.id);
  const signed = r.signedVersionId ? await repo.findVersionById(db, r.signedVersionId) : undefined;
  const actions = await repo.listActions(db, r.id);
  return {
    ...toSummary(r, parties, latest?.number ?? null),
    eventId: r.eventId,
    purpose: r.purpose,
    scope: r.scope,
    signedOn: r.signedOn,
    signedVersion: signed ? { number: signed.number, sha256: signed.sha256 } : null,
    adoption:
      r.adoptedAt && r.adoptedAtSession !== null
        ? { session: r.adoptedAtSession, at: r.adoptedAt.toISOString() }
        : null,
    renewalOfId: r.renewalOfId,
    renewedById: await repo.findRenewalOf(db, r.id),
    ownerUserId: r.ownerUserId,
    parties: parties.map((p) => ({
      id: p.id,
      organisationId: p.organisationId,
      name: p.name,
      country: p.country,
      signatories: signatories
        .filter((s) => s.partyId === p.id)
        .map((s) => ({
          id: s.id,
          role: s.role,
          personId: s.personId,
          name: personName(s),
          localName: s.localName,
          email: s.email,
          title: s.title,
          onBehalfOf: s.onBehalfOf,
        })),
    })),
    actions: actions.map((a) => ({ ...a, status: a.status })),
    transitions: agreementTransitionsFrom(r.kind, r.status),
    createdAt: r.createdAt.toISOString(),
  };
}
