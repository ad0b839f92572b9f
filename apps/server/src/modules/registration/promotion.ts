import { DomainError, domainMessage, type Caller } from '@plenary/contracts';
import { inTransaction, type Runtime, type UnitOfWork } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import {
  categoryHasRoom,
  lockLimits,
  readAvailability,
  seatsLeft,
  takePlace,
  type LimitKey,
} from './capacity';
import {
  bookSeat,
  eventsWithLapsedPlaces,
  findRegistration,
  findSettings,
  limitedObjectsOf,
  lockLapsedPlaces,
  lockRegistration,
  lockRegistrations,
  raiseCategoryLimit,
  waitingForSeat,
  waitingPage,
  type RegistrationRow,
} from './registration.repo';
import { moveRegistration } from './transitions';

/**
 * THE LOCK ORDER (issue 8, item 4), one for every path that changes a
 * registration: first the limits' advisory locks in the global order (event,
 * categories, codes, options; one statement, locks.ts), then row locks on
 * registrations, several in id order. A path that must read a row to know
 * which limits to lock reads it without a lock first; a registration's event
 * never changes, so the limits it names stay the same once locked. Paths that
 * take a single row lock and no advisory lock (verifying an address, check-in,
 * approval) cannot close a circle with this order.
 */

/**
 * Locks every limited object of the event, in the global order: what a change
 * that frees places and hands them on needs, since the next person may be in
 * any category and have chosen any option.
 */
export async function lockWholeEvent(runtime: Runtime, uow: UnitOfWork, eventId: string): Promise<void> {
  const { categoryIds, codeIds, optionIds } = await limitedObjectsOf(uow.tx, eventId);
  const keys: LimitKey[] = [
    { kind: 'event', id: eventId },
    ...categoryIds.map((id) => ({ kind: 'category' as const, id })),
    ...codeIds.map((id) => ({ kind: 'code' as const, id })),
    ...optionIds.map((id) => ({ kind: 'option' as const, id })),
  ];
  await lockLimits(runtime, uow, keys);
}

const PAGE = 500;

/**
 * Hands freed places on: the next people on the waiting list (in rank order,
 * within what their category and the event have free, less the places that
 * invitation codes hold back, as placement counts them) get an offer by email
 * that holds the place until it expires; freed option seats go to the next
 * live registration waiting for that option. Call with lockWholeEvent held.
 */
export async function fillFreedPlaces(runtime: Runtime, uow: UnitOfWork, eventId: string): Promise<number> {
  const now = runtime.now();
  const settings = await findSettings(uow.tx, eventId);
  // The capacity module's snapshot and rule (placesLeft), read under lockWholeEvent; each
  // offer is counted in it (takePlace) so the next decision sees it.
  const snap = await readAvailability(uow.tx, eventId, now);
  const offerHours = settings?.offerHours ?? 48;
  const chosen: string[] = [];
  const eventFree = () => (snap.event.capacity === null ? Infinity : snap.event.capacity - snap.event.taken);
  // Page through the list (no cut-off): a long list in a full category must not hide a later one.
  let cursor: { rank: number; id: string } | null = null;
  for (;;) {
    const open = [...snap.categories]
      .filter(([, c]) => c.capacity === null || c.capacity - c.taken > 0)
      .map(([id]) => id);
    if (eventFree() <= 0 || !open.length) break;
    const page = await waitingPage(uow.tx, eventId, open, cursor, PAGE);
    for (const w of page) {
      if (eventFree() <= 0) break;
      if (!categoryHasRoom(snap, w.categoryId, w.invitationCodeId)) continue;
      chosen.push(w.id);
      // Its code's use is counted already (a waiting registration uses its code).
      takePlace(snap, w.categoryId, null);
    }
    const last = page.at(-1);
    if (page.length < PAGE || !last) break;
    cursor = { rank: last.rank, id: last.id };
  }
  const expires = new Date(now.getTime() + offerHours * 3_600_000);
  let offered = 0;
  for (const row of await lockRegistrations(uow.tx, eventId, chosen)) {
    if (row.status !== 'waitlisted') continue;
    await moveRegistration(runtime, uow, row, {
      to: 'offered',
      caller: 'system',
      action: 'registration.offer',
      set: { offerExpiresAt: expires },
      audit: { offerExpiresAt: expires.toISOString() },
      mail: { offerDeadline: expires },
    });
    offered += 1;
  }
  await fillFreedSeats(runtime, uow, eventId);
  return offered;
}

/**
 * Staff offer a waiting registration a place now, ahead of the list (issue 8,
 * item 16). The place must be free by the capacity module's rule, read under
 * the whole event's locks; in a full category `addPlace` raises its limit by
 * one first (audited as a limit change), so no limit is ever exceeded. A full
 * event is refused either way: its limit is the organiser's to raise.
 */
export async function offerPlaceNow(
  runtime: Runtime,
  uow: UnitOfWork,
  caller: Caller,
  eventId: string,
  registrationId: string,
  addPlace: boolean,
): Promise<void> {
  await lockWholeEvent(runtime, uow, eventId);
  const [row] = await lockRegistrations(uow.tx, eventId, [registrationId]);
  if (!row) throw new DomainError('NOT_FOUND', { key: 'registrationNotFound' });
  if (row.status !== 'waitlisted')
    throw new DomainError('INVALID_STATE', { key: 'onlyWaitingCanBeOffered', params: { status: row.status } });
  const now = runtime.now();
  let places = await readAvailability(uow.tx, eventId, now);
  if (!categoryHasRoom(places, row.categoryId, row.invitationCodeId)) {
    const category = places.categories.get(row.categoryId);
    const full = { key: 'noPlaceInCategory' } as const;
    if (!addPlace || !category || category.capacity === null)
      throw new DomainError('INVALID_STATE', full, { addPlace: [domainMessage(full.key)] });
    await raiseCategoryLimit(uow.tx, row.categoryId, category.capacity + 1, now);
    await recordAudit(uow.tx, caller, {
      eventId,
      action: 'registrationCategory.update',
      objectType: 'registrationCategory',
      objectId: row.categoryId,
      before: { capacity: category.capacity },
      after: { capacity: category.capacity + 1, reason: 'offer now' },
    });
    places = await readAvailability(uow.tx, eventId, now);
    if (!categoryHasRoom(places, row.categoryId, row.invitationCodeId)) {
      const text = { key: 'eventFullRaiseLimit' } as const;
      throw new DomainError('INVALID_STATE', text, { addPlace: [domainMessage(text.key)] });
    }
  }
  const settings = await findSettings(uow.tx, eventId);
  const expires = new Date(now.getTime() + (settings?.offerHours ?? 48) * 3_600_000);
  await moveRegistration(runtime, uow, row, {
    to: 'offered',
    caller,
    action: 'registration.offerNow',
    set: { offerExpiresAt: expires },
    audit: { offerExpiresAt: expires.toISOString(), addedPlace: addPlace },
    mail: { offerDeadline: expires },
  });
}

/** Freed option seats go to the next registration holding a place and waiting for that option. */
async function fillFreedSeats(runtime: Runtime, uow: UnitOfWork, eventId: string): Promise<void> {
  const snap = await readAvailability(uow.tx, eventId, runtime.now());
  for (const [optionId, o] of snap.options) {
    const free = seatsLeft(snap, optionId) ?? 10_000;
    if (free <= 0 || o.waiting.waiting === 0) continue;
    for (const w of await waitingForSeat(uow.tx, optionId, free)) {
      await bookSeat(uow.tx, w.registrationId, optionId);
      await recordAudit(uow.tx, 'system', {
        eventId,
        action: 'registration.optionBooked',
        objectType: 'registration',
        objectId: w.registrationId,
        after: { optionId },
      });
    }
  }
}

export interface StatusChange {
  caller: Caller | 'system';
  reason: string | null;
  /** Who to name in the audit log when there is no signed-in actor. */
  actorLabel?: string;
  /** The link the participant used, repeated in the mail. */
  linkToken?: string | null;
}

/** Cancels a live registration and hands its place and seats on, in one transaction. */
export async function cancelRegistration(
  runtime: Runtime,
  uow: UnitOfWork,
  registrationId: string,
  by: StatusChange,
  to: 'cancelled' | 'rejected' = 'cancelled',
): Promise<void> {
  // Read unlocked to learn the event, then the lock order: the event's limits, then the row.
  const current = await findRegistration(uow.tx, registrationId);
  if (!current) throw new DomainError('NOT_FOUND', { key: 'registrationNotFound' });
  await lockWholeEvent(runtime, uow, current.eventId);
  const before = await lockRegistration(uow.tx, registrationId);
  if (!before) throw new DomainError('NOT_FOUND', { key: 'registrationNotFound' });
  if (before.status === 'cancelled' || before.status === 'rejected')
    throw new DomainError('INVALID_STATE', {
      key: 'registrationAlreadyEnded',
      params: { status: before.status },
    });
  if (to === 'rejected' && before.status === 'confirmed')
    throw new DomainError('INVALID_STATE', { key: 'onlyWaitingCanBeRejected' });
  await moveRegistration(runtime, uow, before, {
    to,
    caller: by.caller,
    action: `registration.${to === 'cancelled' ? 'cancel' : 'reject'}`,
    reason: by.reason,
    linkToken: by.linkToken ?? null,
    ...(by.actorLabel ? { actorLabel: by.actorLabel } : {}),
  });
  await fillFreedPlaces(runtime, uow, before.eventId);
}

/**
 * Offers that ran out, and portal registrations whose address was never
 * confirmed, give their place back; the next people get it. Per event, one
 * transaction selects and cancels: the rows are locked with the condition
 * checked again under the lock, so a person who verified (or accepted) a
 * moment earlier keeps the place. Run by a scheduled job.
 */
export async function expireLapsedPlaces(runtime: Runtime, eventIds?: string[]): Promise<number> {
  const now = runtime.now();
  const holdMinutes = runtime.config.unverifiedHoldMinutes ?? UNVERIFIED_HOLD_MINUTES;
  const unverifiedBefore = new Date(now.getTime() - holdMinutes * 60_000);
  let total = 0;
  for (const eventId of await eventsWithLapsedPlaces(runtime.db, now, unverifiedBefore, eventIds)) {
    total += await inTransaction(runtime, async (uow) => {
      await lockWholeEvent(runtime, uow, eventId);
      const rows = await lockLapsedPlaces(uow.tx, eventId, now, unverifiedBefore, 200);
      for (const row of rows)
        await moveRegistration(runtime, uow, row, {
          to: 'cancelled',
          caller: 'system',
          action: 'registration.cancel',
          reason: lapseReason(row, now),
        });
      if (rows.length) await fillFreedPlaces(runtime, uow, eventId);
      return rows.length;
    });
  }
  return total;
}

function lapseReason(row: RegistrationRow, now: Date): string {
  if (row.status === 'offered') return 'The offer expired';
  if (row.status === 'awaiting_payment' && row.paymentDueAt && row.paymentDueAt <= now)
    return 'Payment was not received by the deadline';
  return 'The email address was not confirmed in time';
}

/**
 * A portal registration whose address is not confirmed within this many minutes
 * gives its place back (PLENARY_UNVERIFIED_HOLD_MINUTES): short, as pretix holds a
 * cart, so a script cannot hold an event's places with addresses nobody reads.
 */
export const UNVERIFIED_HOLD_MINUTES = 30;
