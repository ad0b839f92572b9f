import {
  bookSeat,
  categoryHasRoom,
  joinWaitingList,
  optionHasRoom,
  takePlace,
  useCode,
} from './availability';
import type { DomainMessage } from '@plenary/contracts';
import type { LimitsSnapshot } from './types';

/** One registration to decide, as checked before the locks (form, dates, duplicates). */
export interface Candidate {
  categoryId: string;
  codeId: string | null;
  optionIds: string[];
  /** Confirmed at once when there is room: the category needs no approval, or staff approve. */
  confirmAtOnce: boolean;
}

/** Where a waiting place goes: its rank (after everyone on the list) and its position (1 = next). */
export type Wait = { rank: number; position: number };

export type Decision =
  | { ok: false; field: 'categoryId' | 'invitationCode' | 'optionIds'; message: DomainMessage }
  | {
      ok: true;
      status: 'pending' | 'confirmed' | 'waitlisted';
      wait: Wait | null;
      choices: Array<{ optionId: string; status: 'booked' | 'waitlisted'; wait: Wait | null }>;
    };

/** The checks of a code that depend on what is read under its lock (revocation, expiry, uses). */
function codeRefusal(snap: LimitsSnapshot, c: Candidate, now: Date): DomainMessage | null {
  if (!c.codeId) return null;
  const code = snap.codes.get(c.codeId);
  // The same answers as the checks before the locks (placement.ts): only expiry is told apart.
  if (code && !code.revokedAt && code.expiresAt && code.expiresAt <= now)
    return { key: 'invitationCodeExpired' };
  if (!code || code.revokedAt || code.categoryId !== c.categoryId || code.uses >= code.maxUses)
    return { key: 'invitationCodeNotValid' };
  return null;
}

/**
 * Decides a batch in arrival order against limits read under their locks:
 * each gets a place (confirmed or pending approval) if its category and the
 * event have one left, else a waiting place; each option a seat if it has one
 * and the registration holds a place, else a waiting place on the option. The
 * snapshot's counts move as places are given, so the batch decides as if its
 * registrations came one by one. Pure: the caller reads and writes.
 */
export function decidePlacements(snap: LimitsSnapshot, candidates: Candidate[], now: Date): Decision[] {
  return candidates.map((c): Decision => {
    const category = snap.categories.get(c.categoryId);
    if (!category) return { ok: false, field: 'categoryId', message: { key: 'categoryNotInEvent' } };
    const refused = codeRefusal(snap, c, now);
    if (refused) return { ok: false, field: 'invitationCode', message: refused };
    if (c.optionIds.some((id) => !snap.options.has(id)))
      return { ok: false, field: 'optionIds', message: { key: 'optionNotOffered' } };

    const placed = categoryHasRoom(snap, c.categoryId, c.codeId);
    const status = !placed ? 'waitlisted' : c.confirmAtOnce ? 'confirmed' : 'pending';
    const choices = c.optionIds.map((optionId) => {
      if (placed && optionHasRoom(snap, optionId)) {
        bookSeat(snap, optionId);
        return { optionId, status: 'booked' as const, wait: null };
      }
      const list = snap.options.get(optionId)!.waiting;
      return { optionId, status: 'waitlisted' as const, wait: joinWaitingList(list, now) };
    });
    if (placed) takePlace(snap, c.categoryId, c.codeId);
    else if (c.codeId) useCode(snap, c.codeId);
    const wait = placed ? null : joinWaitingList(category.waiting, now);
    return { ok: true, status, wait, choices };
  });
}
