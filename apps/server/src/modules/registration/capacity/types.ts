/** What the capacity module reads under the locks and decides on: plain data, no database. */

/** A waiting list's length and the last rank on it: a newcomer goes after it. */
export interface WaitingList {
  waiting: number;
  lastRank: number;
}

/** Codes holding places back, by category: each live reserving code's unused uses. */
export type ReservedPlaces = Map<string, Array<{ codeId: string; unused: number }>>;

/** What decides whether the event-wide limit can bind at all. */
export interface EventLimitRule {
  eventCapacity: number | null;
  unlimitedCategories: number;
  categoryCapacityTotal: number;
}

export interface CategoryLimit {
  /** null: no limit. */
  capacity: number | null;
  /** Places held (pending, confirmed, live offers). */
  taken: number;
  waiting: WaitingList;
}

export interface OptionLimit {
  capacity: number | null;
  /** Seats booked by registrations that hold a place. */
  booked: number;
  waiting: WaitingList;
}

export interface CodeLimit {
  categoryId: string;
  maxUses: number;
  /** Registrations made with it that hold or wait for a place. */
  uses: number;
  reservesPlaces: boolean;
  revokedAt: Date | null;
  expiresAt: Date | null;
}

/** The limits as they are and the places counted against them, read together under the locks. */
export interface LimitsSnapshot {
  event: { capacity: number | null; taken: number };
  categories: Map<string, CategoryLimit>;
  codes: Map<string, CodeLimit>;
  /** Every live code of the event that holds places back. */
  reserved: ReservedPlaces;
  options: Map<string, OptionLimit>;
  rule: EventLimitRule;
}

/**
 * Whether the event-wide limit can ever be the one that stops a registration.
 * When every category has a limit and together they fit in the event's, the
 * category limits alone keep the event within its limit, and registrations in
 * different categories need not queue on one event-wide lock.
 */
export function eventLimitBinds(rule: EventLimitRule): boolean {
  return (
    rule.eventCapacity !== null &&
    (rule.unlimitedCategories > 0 || rule.categoryCapacityTotal > rule.eventCapacity)
  );
}
