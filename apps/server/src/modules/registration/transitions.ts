import {
  canMoveCheckedIn,
  canMoveRegistration,
  DomainError,
  type Caller,
  type RegistrationStatus,
  type DomainEventType,
} from '@plenary/contracts';
import type { Runtime, UnitOfWork } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { recordDomainEvent } from '../domain-events/record';
import { addRegistrationLink } from './links';
import { mailParticipant, registrationLink, type MailFacts, type RegistrationMailKind } from './mails';
import { eventTitle, updateRegistration, type RegistrationPatch, type RegistrationRow } from './registration.repo';
import { mustPayFirst, paymentTerms } from './payment';
import { registrationEvent } from './webhook-data';

/** A status change: who makes it, why, and what else the row takes with it. */
export interface Move {
  to: RegistrationStatus;
  caller: Caller | 'system';
  /** The audit's action, e.g. registration.approve. */
  action: string;
  /** Who to name in the audit log when there is no signed-in actor. */
  actorLabel?: string;
  reason?: string | null;
  /** Columns beside the status (an offer's deadline). */
  set?: RegistrationPatch;
  /** More facts for the audit's "after". */
  audit?: Record<string, string | number | boolean | null>;
  /**
   * The link the person used to make this change, repeated in the mail. Without
   * one the mail carries a new link (only links' hashes are kept, so an old one
   * cannot be written out again), and the newest link is the one that works.
   */
  linkToken?: string | null;
  /** Facts for the mail beyond name, reference and link; null sends no mail. */
  mail?: Partial<MailFacts> | null;
}

const mailKind: Record<RegistrationStatus, RegistrationMailKind | null> = {
  pending: 'pending',
  confirmed: 'confirmed',
  waitlisted: 'waitlisted',
  offered: 'offer',
  awaiting_payment: 'payment',
  cancelled: 'cancelled',
  rejected: 'rejected',
};

const domainEventType: Record<RegistrationStatus, Extract<DomainEventType, `registration.${string}`> | null> = {
  pending: null,
  confirmed: 'registration.confirmed',
  waitlisted: 'registration.waitlisted',
  offered: 'registration.promoted',
  // Partners hear of the place when it is confirmed (paid or waived).
  awaiting_payment: null,
  cancelled: 'registration.cancelled',
  rejected: 'registration.cancelled',
};

/** The columns a status brings with it. */
function columnsFor(to: RegistrationStatus, now: Date, reason: string | null | undefined): RegistrationPatch {
  switch (to) {
    case 'confirmed':
      return { confirmedAt: now, offerExpiresAt: null, waitlistRank: null, paymentDueAt: null };
    case 'awaiting_payment':
      return { offerExpiresAt: null, waitlistRank: null };
    case 'pending':
      return { offerExpiresAt: null, waitlistRank: null };
    case 'cancelled':
    case 'rejected':
      return { cancelledAt: now, statusReason: reason ?? null, waitlistRank: null, offerExpiresAt: null };
    default:
      return {};
  }
}

/**
 * The one place a registration's status changes: checks the move against the
 * table in the contracts, writes the row (on condition that its status is the
 * one read under its lock), the audit entry, the domain event (partners' webhooks hear of it) and the
 * participant's mail, all in the caller's transaction. `row` must be locked.
 *
 * A move to confirmed of a registration with a fee still to pay becomes a move
 * to awaiting_payment (payment.ts), whichever path gives the place (approval,
 * an accepted offer): only a paid or waived fee reaches confirmed and its ticket.
 */
export async function moveRegistration(
  runtime: Runtime,
  uow: UnitOfWork,
  row: RegistrationRow,
  given: Move,
): Promise<RegistrationRow> {
  const move = given.to === 'confirmed' && mustPayFirst(row) ? await awaitPayment(runtime, uow, row, given) : given;
  if (!canMoveCheckedIn(row.checkedInAt !== null))
    throw new DomainError(
      'INVALID_STATE',
      { key: move.to === 'rejected' ? 'undoCheckInBeforeRejecting' : 'undoCheckInBeforeCancelling' },
    );
  if (!canMoveRegistration(row.status, move.to))
    throw new DomainError('INVALID_STATE', {
      key: 'statusChangeRefused',
      params: { from: row.status, to: move.to },
    });
  const now = runtime.now();
  const sendsMail = move.mail !== null && mailKind[move.to] !== null;
  const after = await updateRegistration(uow.tx, row.id, row.status, {
    ...columnsFor(move.to, now, move.reason),
    ...move.set,
    status: move.to,
    updatedAt: now,
  });
  if (!after) throw new DomainError('INVALID_STATE', { key: 'changedMeanwhile' });
  // A mail the participant did not ask for carries a new link (only its hash is
  // kept, so the old one cannot be read back), added beside the old one: a link
  // the participant bookmarked keeps working.
  const token = sendsMail && !move.linkToken ? await addRegistrationLink(uow.tx, row.id) : null;
  await recordAudit(uow.tx, move.caller, {
    eventId: row.eventId,
    action: move.action,
    objectType: 'registration',
    objectId: row.id,
    before: { status: row.status },
    after: { status: move.to, ...(move.reason !== undefined ? { reason: move.reason } : {}), ...move.audit },
    ...(move.actorLabel ? { actorLabel: move.actorLabel } : {}),
  });
  const type = domainEventType[move.to];
  if (type) await recordDomainEvent(runtime, uow, registrationEvent(type, after));
  const kind = mailKind[move.to];
  if (sendsMail && kind) {
    await mailParticipant(
      runtime,
      uow,
      kind,
      { email: after.email, locale: after.locale, eventId: after.eventId },
      {
        eventTitle: await eventTitle(uow.tx, after.eventId),
        name: `${after.givenName} ${after.familyName}`,
        reference: after.reference,
        link: registrationLink(runtime, move.linkToken ?? token ?? ''),
        reason: move.reason ?? null,
        ...move.mail,
      },
    );
  }
  return after;
}

/** The move to awaiting_payment that replaces a move to confirmed while the fee is unpaid. */
async function awaitPayment(runtime: Runtime, uow: UnitOfWork, row: RegistrationRow, move: Move): Promise<Move> {
  const terms = await paymentTerms(uow.tx, row.eventId, runtime.now());
  return {
    ...move,
    to: 'awaiting_payment',
    set: { ...move.set, paymentDueAt: terms.dueAt },
    audit: { ...move.audit, paymentDueAt: terms.dueAt.toISOString() },
    mail:
      move.mail === null
        ? null
        : { ...move.mail, payment: { deadline: terms.dueAt, instructions: terms.instructions } },
  };
}
