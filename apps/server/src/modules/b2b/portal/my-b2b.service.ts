import { DomainError, type MyB2bMeetingDto, type MyB2bServices } from '@plenary/contracts';
import type { Executor } from '@plenary/db';
import type { Runtime } from '../../../core/runtime';
import { instantToWallClock } from '../../papers/zoned-time';
import { contactsMeetings, type ContactsMeetingRow } from './my-b2b.repo';

/**
 * The interpreter's pair for this meeting: the one that joins a language of the
 * buyer to one of the seller (the scheduler assigned the interpreter for it).
 */
function interpreterPair(row: ContactsMeetingRow): [string, string] | null {
  const pairs = row.interpreterPairs;
  if (!pairs || pairs.length === 0) return null;
  const joins = ([a, b]: [string, string]) =>
    (row.buyerLanguages.includes(a) && row.sellerLanguages.includes(b)) ||
    (row.buyerLanguages.includes(b) && row.sellerLanguages.includes(a));
  return pairs.find(joins) ?? pairs[0]!;
}

function toDto(row: ContactsMeetingRow, personId: string): MyB2bMeetingDto {
  // A person who is the contact of both sides (one firm buying and selling) sees the buyer's view.
  const side = row.buyerContact === personId ? 'buyer' : 'seller';
  const start = instantToWallClock(row.startsAt, row.timeZone);
  const end = instantToWallClock(row.endsAt, row.timeZone);
  return {
    id: row.id,
    eventId: row.eventId,
    side,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timeZone: row.timeZone,
    localDate: start.slice(0, 10),
    localStart: start.slice(11, 16),
    localEnd: end.slice(11, 16),
    tableName: row.tableName,
    counterpart:
      side === 'buyer'
        ? { name: row.sellerName, country: row.sellerCountry }
        : { name: row.buyerName, country: row.buyerCountry },
    interpreterLanguages: interpreterPair(row),
    status: row.status as MyB2bMeetingDto['status'],
  };
}

/** The person's companies' visible meetings at one event, as the portal shows them. */
export async function meetingsOfEvent(db: Executor, personId: string, eventId: string) {
  return (await contactsMeetings(db, personId, { eventId })).map((r) => toDto(r, personId));
}

export function createMyB2bService(runtime: Runtime): MyB2bServices {
  return {
    myB2b: {
      meetings: (caller, input) => meetingsOfEvent(runtime.db, caller.person.personId, input.eventId),
      async meeting(caller, input) {
        // The object rule has let this meeting through; the same scope again, as the service is also called directly.
        const [row] = await contactsMeetings(runtime.db, caller.person.personId, { meetingId: input.meetingId });
        if (!row) throw new DomainError('NOT_FOUND', { key: 'b2bMeetingNotFound' });
        return toDto(row, caller.person.personId);
      },
    },
  };
}
