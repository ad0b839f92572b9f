import { DomainError, type Caller, type Services } from '@plenary/contracts';
import { inTransaction, RetryTransaction, type Runtime, type UnitOfWork } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { placeRegistration } from './placement-batcher';
import { cancelRegistration, offerPlaceNow } from './promotion';
import { loadRegistrationDto } from './registration.dto';
import { categoryHasRoom, lockWholeEvent, optionHasRoom, readAvailability } from './capacity';
import {
  choicesOf,
  findRegistration,
  lockRegistrations,
  updateRegistration,
  type RegistrationRow,
} from './registration.repo';
import { moveRegistration } from './transitions';

export { createPortalRegistrationService, createMyRegistrationService } from './portal.service';
export { createDelegationService } from './delegations.service';

export type RegistrationCommands = Pick<
  Services['registrations'],
  'create' | 'approve' | 'reject' | 'cancel' | 'setPayment' | 'offerNow'
>;

/** A registration of the caller's event, or NOT_FOUND (ids of other events are not told apart). */
export async function registrationOfEvent(runtime: Runtime, eventId: string, registrationId: string) {
  const dto = await loadRegistrationDto(runtime.db, registrationId, runtime.now());
  if (!dto || dto.eventId !== eventId) throw new DomainError('NOT_FOUND', { key: 'registrationNotFound' });
  return dto;
}

export function createRegistrationCommands(runtime: Runtime): RegistrationCommands {
  async function loadOwn(eventId: string, id: string) {
    return registrationOfEvent(runtime, eventId, id);
  }
  return {
    async create(caller, input) {
      const { eventId, approve, sendConfirmation, consents, ...request } = input;
      const placed = await placeRegistration(runtime, eventId, request, {
        source: 'staff',
        partnerId: null,
        caller,
        emailVerified: true,
        approve,
        consents: [],
        // What the person told staff they accept: the portal's rule, required ones enforced.
        consentsGiven: consents,
        ignoreOpeningDates: true,
        sendMail: sendConfirmation,
      });
      return loadOwn(eventId, placed.registrationId);
    },

    async approve(caller, input) {
      const skipped: Array<{ id: string; reason: string }> = [];
      let changed = 0;
      await inTransaction(runtime, async (uow) => {
        // Approving changes no count (a pending registration already holds its place), so
        // no limit is locked; the rows are locked in id order, as every path takes them.
        const rows = await lockRegistrations(uow.tx, input.eventId, input.registrationIds);
        const found = new Set(rows.map((r) => r.id));
        for (const id of input.registrationIds) if (!found.has(id)) skipped.push({ id, reason: 'not found' });
        for (const r of rows) {
          if (r.status !== 'pending') {
            skipped.push({ id: r.id, reason: `is ${r.status}` });
            continue;
          }
          await moveRegistration(runtime, uow, r, {
            to: 'confirmed',
            caller,
            action: 'registration.approve',
            set: { statusReason: input.reason },
            mail: {},
          });
          changed += 1;
        }
      });
      return { changed, skipped };
    },

    async reject(caller, input) {
      const skipped: Array<{ id: string; reason: string }> = [];
      let changed = 0;
      for (const id of input.registrationIds) {
        try {
          await loadOwn(input.eventId, id);
          await inTransaction(runtime, (uow) =>
            cancelRegistration(runtime, uow, id, { caller, reason: input.reason }, 'rejected'),
          );
          changed += 1;
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          skipped.push({ id, reason: err.message });
        }
      }
      return { changed, skipped };
    },

    async cancel(caller, input) {
      await loadOwn(input.eventId, input.registrationId);
      await inTransaction(runtime, (uow) =>
        cancelRegistration(runtime, uow, input.registrationId, { caller, reason: input.reason }),
      );
      return loadOwn(input.eventId, input.registrationId);
    },

    async offerNow(caller, input) {
      await loadOwn(input.eventId, input.registrationId);
      await inTransaction(runtime, (uow) =>
        offerPlaceNow(runtime, uow, caller, input.eventId, input.registrationId, input.addPlace),
      );
      return loadOwn(input.eventId, input.registrationId);
    },

    async setPayment(caller, input) {
      const before = await loadOwn(input.eventId, input.registrationId);
      await inTransaction(runtime, (uow) => recordPayment(runtime, uow, caller, input, before));
      return loadOwn(input.eventId, input.registrationId);
    },
  };
}

/** How a payment was taken at the desk, kept in the audit entry (reg8, item 5). */
export interface PaymentTaken {
  amount: number;
  method: string;
}

/**
 * Records a payment (paid, waived or back to unpaid) in the caller's transaction: a
 * registration waiting for payment is confirmed and gets its ticket; one past its deadline
 * only while a place is free (item 4). Staff's setPayment and the desk's takePayment.
 */
export async function recordPayment(
  runtime: Runtime,
  uow: UnitOfWork,
  caller: Caller,
  input: { eventId: string; registrationId: string; paymentStatus: 'not_required' | 'unpaid' | 'paid' | 'waived'; paymentReference: string | null },
  before: { fee: unknown; paymentStatus: string; paymentReference: string | null },
  taken?: PaymentTaken,
): Promise<void> {
  if (!before.fee) throw new DomainError('INVALID_STATE', { key: 'categoryHasNoFee' });
  const now = runtime.now();
  // Confirming a registration that waits for payment changes no count (it holds its
  // place until the deadline), so only the row is locked, as approval does. Past the
  // deadline its place is no longer counted: taking it again is a placement, decided
  // under the event's limit locks, taken first as the one lock order says (locks.ts).
  const seen = await findRegistration(uow.tx, input.registrationId);
  const lockedLimits = seen ? lapsed(seen, now) : false;
  if (lockedLimits) await lockWholeEvent(runtime, uow, input.eventId);
  const [row] = await lockRegistrations(uow.tx, input.eventId, [input.registrationId]);
  if (!row) throw new DomainError('NOT_FOUND', { key: 'registrationNotFound' });
  const settles = input.paymentStatus !== 'unpaid' && row.status === 'awaiting_payment';
  if (settles && lapsed(row, now)) {
    if (!lockedLimits) throw new RetryTransaction('the payment deadline passed meanwhile');
    await refuseUnlessPlaceFree(uow, input.eventId, row, now);
  }
  const paid = await updateRegistration(uow.tx, row.id, row.status, {
    paymentStatus: input.paymentStatus,
    paymentReference: input.paymentReference,
    paidAt: input.paymentStatus === 'unpaid' ? null : now,
    updatedAt: now,
  });
  if (!paid) throw new DomainError('INVALID_STATE', { key: 'changedMeanwhile' });
  await recordAudit(uow.tx, caller, {
    eventId: input.eventId,
    action: taken ? 'registration.deskPayment' : 'registration.payment',
    objectType: 'registration',
    objectId: input.registrationId,
    before: { paymentStatus: before.paymentStatus, paymentReference: before.paymentReference },
    after: {
      paymentStatus: input.paymentStatus,
      paymentReference: input.paymentReference,
      ...(taken ? { amount: taken.amount, method: taken.method } : {}),
    },
  });
  // Paid or waived: the place is confirmed and the ticket mailed.
  if (settles)
    await moveRegistration(runtime, uow, paid, {
      to: 'confirmed',
      caller,
      action: 'registration.paymentConfirmed',
      audit: { paymentStatus: input.paymentStatus },
      mail: {},
    });
}

/** A registration waiting for payment whose deadline has passed: its place is no longer counted. */
const lapsed = (row: Pick<RegistrationRow, 'status' | 'paymentDueAt'>, now: Date) =>
  row.status === 'awaiting_payment' && (!row.paymentDueAt || row.paymentDueAt <= now);

/**
 * A late payment takes the place again only if it is still free: the category's and the
 * event's places (the lapsed row is not counted) and a seat on every option it booked.
 * Called under lockWholeEvent.
 */
async function refuseUnlessPlaceFree(uow: UnitOfWork, eventId: string, row: RegistrationRow, now: Date) {
  const places = await readAvailability(uow.tx, eventId, now);
  const booked = (await choicesOf(uow.tx, row.id)).filter((c) => c.status === 'booked');
  const free =
    categoryHasRoom(places, row.categoryId, row.invitationCodeId) &&
    booked.every((c) => optionHasRoom(places, c.optionId));
  if (!free) throw new DomainError('INVALID_STATE', { key: 'paymentLateNoPlace' });
}
