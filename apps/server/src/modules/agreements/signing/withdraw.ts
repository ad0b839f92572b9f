import type { EventCaller } from '@plenary/contracts';
import type { UnitOfWork } from '../../../core/runtime';
import * as repo from './signing.repo';

/**
 * Cancels the agreement's open envelope, if any, in the caller's transaction (the
 * agreement row is already locked by it), with a trail entry naming why.
 */
export async function withdrawOpenEnvelope(
  uow: UnitOfWork,
  caller: EventCaller,
  agreementId: string,
  why: string,
  now: Date,
) {
  const open = await repo.openEnvelopeOf(uow.tx, agreementId);
  if (!open) return;
  const e = await repo.updateEnvelope(uow.tx, open.id, { status: 'cancelled', declinedReason: why });
  await repo.insertTrail(uow.tx, {
    envelopeId: e.id,
    action: 'cancelled',
    actorName: caller.actor.displayName,
    ip: caller.request.ip,
    userAgent: caller.request.userAgent,
    sha256: e.versionSha256,
    detail: why,
    at: now,
  });
}
