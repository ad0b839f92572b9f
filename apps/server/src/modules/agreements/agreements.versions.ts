import { DomainError } from '@plenary/contracts';
import type { Executor } from '@plenary/db';
import { redline } from './agreement-text';
import * as repo from './agreements.repo';
import { toVersionDto, toVersionSummary } from './agreements.dto';

async function versionRow(db: Executor, agreement: repo.AgreementRow, number: number) {
  const v = await repo.findVersion(db, agreement.id, number);
  if (!v) throw new DomainError('NOT_FOUND', { key: 'agreementVersionNotFound', params: { number } });
  return v;
}

export async function versionsOf(db: Executor, agreement: repo.AgreementRow) {
  return (await repo.listVersions(db, agreement.id)).map(toVersionSummary);
}

export async function versionOf(db: Executor, agreement: repo.AgreementRow, number: number) {
  return toVersionDto(await versionRow(db, agreement, number));
}

/** The redline between any two versions (either order: "from" is the earlier reading). */
export async function redlineOf(db: Executor, agreement: repo.AgreementRow, from: number, to: number) {
  const a = await versionRow(db, agreement, from);
  const b = await versionRow(db, agreement, to);
  return redline(
    { number: a.number, clauses: a.clauses },
    { number: b.number, clauses: b.clauses },
  );
}
