import { eventLimitBinds, type LimitsSnapshot, type WaitingList } from './types';

/**
 * "Places left", one way for everyone (issue 8, item 8): the portal form, the
 * partner API, the setup screens, placement and promotion all ask these
 * functions, on a snapshot read by counts.ts. Pure: no database, no clock.
 */

/** Places codes hold back in a category (or, with null, in the whole event), except the registrant's own code's. */
export function heldBack(
  snap: LimitsSnapshot,
  categoryId: string | null,
  exceptCodeId: string | null,
): number {
  const lists = categoryId === null ? [...snap.reserved.values()] : [snap.reserved.get(categoryId) ?? []];
  return lists.flat().reduce((sum, r) => (r.codeId === exceptCodeId ? sum : sum + r.unused), 0);
}

/**
 * Places left in the event as a whole for someone with this code, or null when
 * the event-wide limit cannot bind (every category limited and together within
 * it: the category limits decide).
 */
export function eventPlacesLeft(snap: LimitsSnapshot, exceptCodeId: string | null = null): number | null {
  if (!eventLimitBinds(snap.rule) || snap.event.capacity === null) return null;
  return Math.max(0, snap.event.capacity - snap.event.taken - heldBack(snap, null, exceptCodeId));
}

/**
 * Places left in a category for someone with this code (their code's own
 * reservation is theirs to use): the category's limit less what is taken and
 * held back, within what the event has left. null: no limit applies. A
 * category not in the snapshot has none left.
 */
export function placesLeft(
  snap: LimitsSnapshot,
  categoryId: string,
  exceptCodeId: string | null = null,
): number | null {
  const category = snap.categories.get(categoryId);
  if (!category) return 0;
  const own =
    category.capacity === null
      ? null
      : Math.max(0, category.capacity - category.taken - heldBack(snap, categoryId, exceptCodeId));
  const event = eventPlacesLeft(snap, exceptCodeId);
  if (own === null) return event;
  return event === null ? own : Math.min(own, event);
}

/** Seats left on an option; null: no limit. An option not in the snapshot has none. */
export function seatsLeft(snap: LimitsSnapshot, optionId: string): number | null {
  const option = snap.options.get(optionId);
  if (!option) return 0;
  return option.capacity === null ? null : Math.max(0, option.capacity - option.booked);
}

const hasRoom = (left: number | null) => left === null || left > 0;
export const categoryHasRoom = (snap: LimitsSnapshot, categoryId: string, codeId: string | null = null) =>
  hasRoom(placesLeft(snap, categoryId, codeId));
export const optionHasRoom = (snap: LimitsSnapshot, optionId: string) => hasRoom(seatsLeft(snap, optionId));

/** Counts a place given in a category (with the code used, if any), so the next decision sees it. */
export function takePlace(snap: LimitsSnapshot, categoryId: string, codeId: string | null): void {
  const category = snap.categories.get(categoryId);
  if (category) category.taken += 1;
  snap.event.taken += 1;
  if (codeId) useCode(snap, codeId);
}

/** Counts a use of a code (a place or a waiting entry): it holds back one place fewer. */
export function useCode(snap: LimitsSnapshot, codeId: string): void {
  const code = snap.codes.get(codeId);
  if (!code) return;
  code.uses += 1;
  const reserve = snap.reserved.get(code.categoryId)?.find((r) => r.codeId === codeId);
  if (reserve) reserve.unused = Math.max(code.maxUses - code.uses, 0);
}

/** Counts a seat booked on an option. */
export function bookSeat(snap: LimitsSnapshot, optionId: string): void {
  const option = snap.options.get(optionId);
  if (option) option.booked += 1;
}

/**
 * Puts a newcomer at the end of a waiting list held under its lock: a rank
 * after every rank on it (the time in microseconds, or one more than the
 * last), and its position, 1 being next.
 */
export function joinWaitingList(list: WaitingList, now: Date): { rank: number; position: number } {
  list.lastRank = Math.max(list.lastRank + 1, now.getTime() * 1000);
  list.waiting += 1;
  return { rank: list.lastRank, position: list.waiting };
}
