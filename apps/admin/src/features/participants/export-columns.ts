import { consentKinds, registrationExportColumns } from '@plenary/contracts/schemas';

/**
 * The export columns a staff member chose (issue 8, item 15), remembered in
 * this browser per user and event (an event's questions are its own). The
 * server takes the list as it is (exports.registrations `columns`); nothing
 * remembered means the server's default: every column.
 */

const key = (userId: string, eventId: string) => `plenary.exportColumns.${userId}.${eventId}`;

/** Every column an event offers: the standard ones, then each question's answer, then each consent. */
export function allExportColumns(questionIds: readonly string[]): string[] {
  return [
    ...registrationExportColumns,
    ...questionIds.map((id) => `answer:${id}`),
    ...consentKinds.map((k) => `consent:${k}`),
  ];
}

/** The remembered choice, kept to the columns the event still offers, in their order; null when none. */
export function rememberedColumns(
  storage: Pick<Storage, 'getItem'>,
  userId: string,
  eventId: string,
  offered: readonly string[],
): string[] | null {
  let saved: unknown;
  try {
    saved = JSON.parse(storage.getItem(key(userId, eventId)) ?? 'null');
  } catch {
    return null;
  }
  if (!Array.isArray(saved)) return null;
  const chosen = new Set(saved.filter((c): c is string => typeof c === 'string'));
  const kept = offered.filter((c) => chosen.has(c));
  return kept.length ? kept : null;
}

export function rememberColumns(
  storage: Pick<Storage, 'setItem' | 'removeItem'>,
  userId: string,
  eventId: string,
  columns: readonly string[] | null,
): void {
  if (columns === null) storage.removeItem(key(userId, eventId));
  else storage.setItem(key(userId, eventId), JSON.stringify(columns));
}
