/**
 * The capacity module: the only code that locks limits, counts places and
 * decides who gets one. Its API:
 *
 * - place a batch: `holdLimits` (lock, then read limits and counts) and the
 *   pure `decidePlacements`; placement.ts writes what was decided.
 * - change a limit: `changeLimit` (locks the whole event, refuses a limit below
 *   what is taken), for categories, options and the event.
 * - release: `lockWholeEvent`, then `readAvailability` on the transaction and
 *   `placesLeft` / `takePlace` per person offered a place (promotion.ts).
 * - availability: `readAvailability` + `placesLeft` / `seatsLeft` for anyone
 *   who shows places left (portal, partner API, setup screens).
 *
 * The lock order is written once, in locks.ts.
 */
import { DomainError, domainMessage, type DomainMessage } from '@plenary/contracts';
import type { Executor } from '@plenary/db';
import { RetryTransaction, type Runtime, type UnitOfWork } from '../../../core/runtime';
import { readLimits } from './counts';
import { lockLimits, lockWholeEvent, type LimitKey } from './locks';
import { eventLimitBinds, type LimitsSnapshot } from './types';

export {
  bookSeat,
  categoryHasRoom,
  eventPlacesLeft,
  heldBack,
  joinWaitingList,
  optionHasRoom,
  placesLeft,
  seatsLeft,
  takePlace,
  useCode,
} from './availability';
export { decidePlacements, type Candidate, type Decision, type Wait } from './decide';
export { eventRuleColumns, holdsPlace, ruleOf } from './counts';
export { lockLimits, lockWholeEvent, type LimitKey } from './locks';
export * from './types';

/** The objects a batch touches. */
export interface BatchScope {
  categoryIds: string[];
  codeIds: string[];
  optionIds: string[];
}

/**
 * Locks every object the batch touches, by identity (options and codes with or
 * without a limit), plus the event when its limit can bind, then reads the
 * limits and counts under those locks. `eventBinds` is what the caller saw
 * before the locks; if the event's limit binds now and was not locked, the
 * transaction starts again (every change of a limit locks every category, so
 * under our category locks the rule read here is current).
 */
export async function holdLimits(
  runtime: Runtime,
  uow: UnitOfWork,
  eventId: string,
  scope: BatchScope,
  eventBinds: boolean,
): Promise<LimitsSnapshot> {
  const read = { ...scope, eventBinds };
  const stale = runtime.config.limitsReadBeforeLocks
    ? await readLimits(uow.tx, eventId, runtime.now(), read)
    : null;
  const keys: LimitKey[] = [
    ...(eventBinds ? [{ kind: 'event' as const, id: eventId }] : []),
    ...scope.categoryIds.map((id) => ({ kind: 'category' as const, id })),
    ...scope.codeIds.map((id) => ({ kind: 'code' as const, id })),
    ...scope.optionIds
      .filter((id) => !stale || stale.options.get(id)?.capacity != null)
      .map((id) => ({ kind: 'option' as const, id })),
  ];
  await lockLimits(runtime, uow, keys);
  const snap = await readLimits(uow.tx, eventId, runtime.now(), read);
  if (stale) useStaleLimits(snap, stale);
  if (!eventBinds && eventLimitBinds(snap.rule)) throw new RetryTransaction('the event-wide limit now binds');
  return snap;
}

/** The control run's flaw (limitsReadBeforeLocks): fresh counts compared with the limits read before the locks. */
function useStaleLimits(snap: LimitsSnapshot, stale: LimitsSnapshot): void {
  for (const [id, c] of snap.categories) c.capacity = stale.categories.get(id)?.capacity ?? c.capacity;
  for (const [id, o] of snap.options) o.capacity = stale.options.get(id)?.capacity ?? o.capacity;
}

/** Every limit of an event and the places counted against it: exact under lockWholeEvent, a display otherwise. */
export function readAvailability(db: Executor, eventId: string, now: Date): Promise<LimitsSnapshot> {
  return readLimits(db, eventId, now, 'whole event');
}

export type LimitChange =
  | { kind: 'event'; capacity: number | null }
  | { kind: 'category' | 'option'; id: string; capacity: number | null };

/**
 * Takes the locks a limit change needs (the whole event: a limit may change
 * what every category and the event have left) and refuses a new limit below
 * what is already taken, both read under those locks. Call before writing the new limit, in the same
 * transaction; the caller offers freed places (promotion) after writing.
 * Returns the snapshot read under the locks.
 */
export async function changeLimit(
  runtime: Runtime,
  uow: UnitOfWork,
  eventId: string,
  change: LimitChange,
): Promise<LimitsSnapshot> {
  await lockWholeEvent(runtime, uow, eventId);
  const snap = await readAvailability(uow.tx, eventId, runtime.now());
  const current =
    change.kind === 'event'
      ? snap.event.capacity
      : (change.kind === 'category' ? snap.categories : snap.options).get(change.id)?.capacity;
  // An unchanged limit is never refused (an edit of other fields sends it back as it was).
  if (change.capacity === null || change.capacity === current) return snap;
  const taken =
    change.kind === 'event'
      ? snap.event.taken
      : change.kind === 'category'
        ? (snap.categories.get(change.id)?.taken ?? 0)
        : (snap.options.get(change.id)?.booked ?? 0);
  if (change.capacity >= taken) return snap;
  const params = { taken };
  const one = taken === 1;
  // Written out key by key, so domain-messages.test.ts sees each one.
  const words: DomainMessage =
    change.kind === 'event'
      ? one
        ? { key: 'eventCapacityBelowTakenOne', params }
        : { key: 'eventCapacityBelowTaken', params }
      : change.kind === 'category'
        ? one
          ? { key: 'categoryCapacityBelowTakenOne', params }
          : { key: 'categoryCapacityBelowTaken', params }
        : one
          ? { key: 'optionCapacityBelowBookedOne', params }
          : { key: 'optionCapacityBelowBooked', params };
  throw new DomainError('INVALID_INPUT', words, { capacity: [domainMessage(words.key, params)] });
}
