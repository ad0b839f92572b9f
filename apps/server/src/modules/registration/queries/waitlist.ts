import type { z } from 'zod';
import { and, asc, eq, notInArray, or, schema, sql, type Executor } from '@plenary/db';
import {
  DomainError,
  type EventCaller,
  type moveInWaitlistInput,
  type waitlistEntryDto,
} from '@plenary/contracts';
import { inTransaction, type Runtime } from '../../../core/runtime';
import { recordAudit } from '../../audit/audit.service';
import { lockLimits } from '../capacity';

const { registrations: r, registrationCategories: c, registrationChoices: ch, persons: pe } = schema;

type WaitlistEntry = z.output<typeof waitlistEntryDto>;

/** Ranks are renumbered with gaps so a later insert between two places stays possible. */
export const RANK_STEP = 10;

/** The order of the waiting list: rank, then who came first; the id settles the rest. */
const waitlistOrder = [sql`${r.waitlistRank} asc nulls last`, asc(r.createdAt), asc(r.id)];

/**
 * A waiting list in order, numbered 1..n: an option's when one is given (its
 * own ranks, people holding a place or waiting for one); else a category's,
 * or the event's, with the open offers first (they hold their place until their
 * deadline, so staff see who may still accept).
 */
export async function listWaitlist(
  db: Executor,
  eventId: string,
  now: Date,
  scope: { categoryId?: string | undefined; optionId?: string | undefined } = {},
): Promise<WaitlistEntry[]> {
  if (scope.optionId) return listOptionWaitlist(db, eventId, scope.optionId);
  const openOffer = and(eq(r.status, 'offered'), sql`${r.offerExpiresAt} > ${now.toISOString()}`);
  const rows = await db
    .select({ ...entryColumns, waiting: sql<boolean>`${r.status} = 'waitlisted'` })
    .from(r)
    .innerJoin(c, eq(c.id, r.categoryId))
    .innerJoin(pe, eq(pe.id, r.personId))
    .where(
      and(
        eq(r.eventId, eventId),
        or(eq(r.status, 'waitlisted'), openOffer),
        scope.categoryId ? eq(r.categoryId, scope.categoryId) : undefined,
      ),
    )
    .orderBy(sql`${r.status} = 'waitlisted'`, asc(r.offerExpiresAt), ...waitlistOrder);
  let position = 0;
  return rows.map(({ waiting, ...row }) => toEntry(row, waiting ? ++position : null));
}

const entryColumns = {
  registrationId: r.id,
  reference: r.reference,
  status: r.status,
  offerExpiresAt: r.offerExpiresAt,
  givenName: pe.givenName,
  familyName: pe.familyName,
  organisation: r.organisation,
  country: sql<string>`coalesce(${pe.country}, '')`,
  categoryId: r.categoryId,
  categoryLabel: c.label,
  createdAt: r.createdAt,
};

interface EntryRow {
  registrationId: string;
  reference: string;
  status: WaitlistEntry['status'];
  offerExpiresAt: Date | null;
  givenName: string;
  familyName: string;
  organisation: string;
  country: string;
  categoryId: string;
  categoryLabel: WaitlistEntry['categoryLabel'];
  createdAt: Date;
}

function toEntry(
  { givenName, familyName, createdAt, offerExpiresAt, ...row }: EntryRow,
  position: number | null,
): WaitlistEntry {
  return {
    ...row,
    position,
    name: `${givenName} ${familyName}`,
    offerExpiresAt: offerExpiresAt?.toISOString() ?? null,
    createdAt: createdAt.toISOString(),
  };
}

/** An option's list: live registrations waiting for a seat, in the option's own rank order. */
async function listOptionWaitlist(db: Executor, eventId: string, optionId: string): Promise<WaitlistEntry[]> {
  const rows = await db
    .select(entryColumns)
    .from(ch)
    .innerJoin(r, eq(r.id, ch.registrationId))
    .innerJoin(c, eq(c.id, r.categoryId))
    .innerJoin(pe, eq(pe.id, r.personId))
    .where(
      and(
        eq(r.eventId, eventId),
        eq(ch.optionId, optionId),
        eq(ch.status, 'waitlisted'),
        notInArray(r.status, ['cancelled', 'rejected']),
      ),
    )
    .orderBy(sql`${ch.waitlistRank} asc nulls last`, asc(r.createdAt), asc(r.id));
  return rows.map((row, i) => toEntry(row, i + 1));
}

/**
 * Puts a waiting registration just before another one (or last). The event's whole
 * waiting list is locked and renumbered 10, 20, 30... in one transaction, so two
 * staff moving people at once are applied one after the other, never interleaved.
 */
export async function moveInWaitlist(
  runtime: Runtime,
  caller: EventCaller,
  input: z.output<typeof moveInWaitlistInput>,
): Promise<void> {
  if (input.optionId) return moveInOptionWaitlist(runtime, caller, { ...input, optionId: input.optionId });
  await inTransaction(runtime, async ({ tx }) => {
    // Rows are locked in id order, the one order every path takes row locks in
    // (registration/promotion.ts), then put in list order here.
    const locked = await tx
      .select({ id: r.id, rank: r.waitlistRank, createdAt: r.createdAt, categoryId: r.categoryId })
      .from(r)
      .where(and(eq(r.eventId, caller.eventId), eq(r.status, 'waitlisted')))
      .orderBy(asc(r.id))
      .for('update');
    const waiting = inListOrder(locked);
    const from = waiting.findIndex((w) => w.id === input.registrationId);
    if (from < 0) throw new DomainError('NOT_FOUND', { key: 'notOnWaitingList' });
    if (input.beforeId === input.registrationId) return;
    const order = waiting.map((w) => w.id);
    const [moved] = order.splice(from, 1);
    if (!moved) return;
    // A position counts within the registration's category (the list staff see).
    if (input.position !== undefined) {
      const category = new Map(waiting.map((w) => [w.id, w.categoryId]));
      const mine = category.get(moved);
      const peers = order.filter((id) => category.get(id) === mine);
      const target = peers[input.position - 1];
      // Past the end: after the last of the category (last of the whole list keeps that).
      if (target) order.splice(order.indexOf(target), 0, moved);
      else order.push(moved);
    } else if (input.beforeId == null) order.push(moved);
    else {
      const to = order.indexOf(input.beforeId);
      if (to < 0) {
        throw new DomainError('NOT_FOUND', { key: 'moveTargetNotOnWaitingList' }, {
          beforeId: ['Not on the waiting list'],
        });
      }
      order.splice(to, 0, moved);
    }
    const oldRank = new Map(waiting.map((w) => [w.id, w.rank]));
    const changed = order
      .map((id, i) => ({ id, rank: (i + 1) * RANK_STEP }))
      .filter((w) => oldRank.get(w.id) !== w.rank);
    if (changed.length === 0) return;
    await tx.execute(sql`
      update registrations set waitlist_rank = v.rank, updated_at = ${runtime.now().toISOString()}
      from (values ${sql.join(
        changed.map((w) => sql`(${w.id}::uuid, ${w.rank}::bigint)`),
        sql`, `,
      )}) as v(id, rank)
      where registrations.id = v.id`);
    await recordAudit(tx, caller, {
      eventId: caller.eventId,
      action: 'registration.moveInWaitlist',
      objectType: 'registration',
      objectId: moved,
      before: { waitlistPosition: from + 1 },
      after: { waitlistPosition: order.indexOf(moved) + 1, beforeId: input.beforeId ?? null },
    });
  });
}

type Waiting = { id: string; rank: number | null; createdAt: Date };

/** The list's order: rank, then who came first, then the id (as listWaitlist shows it). */
function inListOrder<T extends Waiting>(rows: T[]): T[] {
  return rows.sort(
    (a, b) =>
      (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * Reorders an option's (tour's) waiting list. The option's limit lock is taken
 * first, then its waiting choices are locked in registration id order (the one
 * lock order, capacity/locks.ts): placement and promotion append to and take from
 * this list under the same lock, so a move never interleaves with them.
 */
async function moveInOptionWaitlist(
  runtime: Runtime,
  caller: EventCaller,
  input: z.output<typeof moveInWaitlistInput> & { optionId: string },
): Promise<void> {
  await inTransaction(runtime, async (uow) => {
    const { tx } = uow;
    await lockLimits(runtime, uow, [{ kind: 'option', id: input.optionId }]);
    const locked = await tx
      .select({ id: ch.registrationId, rank: ch.waitlistRank, createdAt: r.createdAt })
      .from(ch)
      .innerJoin(r, eq(r.id, ch.registrationId))
      .where(
        and(
          eq(r.eventId, caller.eventId),
          eq(ch.optionId, input.optionId),
          eq(ch.status, 'waitlisted'),
          notInArray(r.status, ['cancelled', 'rejected']),
        ),
      )
      .orderBy(asc(ch.registrationId))
      .for('update', { of: ch });
    const order = inListOrder(locked).map((w) => w.id);
    const from = order.indexOf(input.registrationId);
    if (from < 0) {
      throw new DomainError('NOT_FOUND', { key: 'notOnOptionWaitingList' }, {
        registrationId: ['Not on the waiting list'],
      });
    }
    if (input.beforeId === input.registrationId) return;
    order.splice(from, 1);
    if (input.position !== undefined) order.splice(Math.min(input.position - 1, order.length), 0, input.registrationId);
    else if (input.beforeId == null) order.push(input.registrationId);
    else {
      const to = order.indexOf(input.beforeId);
      if (to < 0) {
        throw new DomainError('NOT_FOUND', { key: 'moveTargetNotOnWaitingList' }, {
          beforeId: ['Not on the waiting list'],
        });
      }
      order.splice(to, 0, input.registrationId);
    }
    const oldRank = new Map(locked.map((w) => [w.id, w.rank]));
    const changed = order
      .map((id, i) => ({ id, rank: (i + 1) * RANK_STEP }))
      .filter((w) => oldRank.get(w.id) !== w.rank);
    if (changed.length === 0) return;
    await tx.execute(sql`
      update registration_choices set waitlist_rank = v.rank
      from (values ${sql.join(
        changed.map((w) => sql`(${w.id}::uuid, ${w.rank}::bigint)`),
        sql`, `,
      )}) as v(id, rank)
      where registration_choices.registration_id = v.id and registration_choices.option_id = ${input.optionId}`);
    await recordAudit(tx, caller, {
      eventId: caller.eventId,
      action: 'registration.moveInOptionWaitlist',
      objectType: 'registration',
      objectId: input.registrationId,
      before: { optionId: input.optionId, optionWaitlistPosition: from + 1 },
      after: { optionId: input.optionId, optionWaitlistPosition: order.indexOf(input.registrationId) + 1 },
    });
  });
}
