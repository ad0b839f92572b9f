import { DomainError, type EventCaller, type ReviewServices } from '@plenary/contracts';
import { and, eq, gt, inArray, lte, schema, type Executor } from '@plenary/db';
import { inTransaction, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { instantToWallClock, wallClockToInstant } from '../papers/zoned-time';
import { reviewerView } from './assignments.service';
import type { BidSource } from './auto-assignment.service';
import { biddableByReviewer } from './visibility';

const { events, reviewPhaseDates, reviewBids, reviewPhases } = schema;
type Phase = (typeof reviewPhases)[number];

async function phasesOf(db: Executor, eventId: string, now: Date) {
  const [event] = await db.select({ timeZone: events.timeZone }).from(events).where(eq(events.id, eventId));
  if (!event) throw new DomainError('NOT_FOUND', { key: 'eventNotFound' });
  const rows = await db.select().from(reviewPhaseDates).where(eq(reviewPhaseDates.eventId, eventId));
  rows.sort((a, b) => reviewPhases.indexOf(a.phase) - reviewPhases.indexOf(b.phase));
  return {
    timeZone: event.timeZone,
    phases: rows.map((r) => ({
      phase: r.phase,
      startsAt: instantToWallClock(r.startsAt, event.timeZone),
      endsAt: instantToWallClock(r.endsAt, event.timeZone),
    })),
    open: rows.filter((r) => r.startsAt <= now && now < r.endsAt).map((r) => r.phase),
  };
}

/** Whether the phase is open now; the server's clock and the stored instants, never the caller's. */
export async function phaseOpen(db: Executor, eventId: string, phase: Phase, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ phase: reviewPhaseDates.phase })
    .from(reviewPhaseDates)
    .where(
      and(
        eq(reviewPhaseDates.eventId, eventId),
        eq(reviewPhaseDates.phase, phase),
        lte(reviewPhaseDates.startsAt, now),
        gt(reviewPhaseDates.endsAt, now),
      ),
    );
  return row !== undefined;
}

async function requireBidding(db: Executor, caller: EventCaller, now: Date) {
  if (!(await phaseOpen(db, caller.eventId, 'bidding', now)))
    throw new DomainError('CONFLICT', { key: 'reviewBiddingClosed' });
}

/** The bids of an event, as the automatic assignment reads them (0 is no wish: left out). */
export const eventBids: BidSource = async (db, eventId) =>
  (
    await db
      .select({ submissionId: reviewBids.submissionId, reviewerId: reviewBids.userId, bid: reviewBids.bid })
      .from(reviewBids)
      .where(eq(reviewBids.eventId, eventId))
  ).filter((b) => b.bid !== 0);

/** Review phases (chairs) and bidding (reviewers). */
export function createPhaseServices(runtime: Runtime): {
  phases: ReviewServices['review']['phases'];
  savePhases: ReviewServices['review']['savePhases'];
  reviewing: Pick<ReviewServices['reviewing'], 'bids' | 'bid'>;
} {
  return {
    phases: (caller) => phasesOf(runtime.db, caller.eventId, runtime.now()),
    async savePhases(caller, input) {
      return inTransaction(runtime, async ({ tx }) => {
        const { timeZone } = await phasesOf(tx, caller.eventId, runtime.now());
        const rows = input.phases.map((p) => ({
          eventId: caller.eventId,
          phase: p.phase,
          startsAt: wallClockToInstant(p.startsAt, timeZone),
          endsAt: wallClockToInstant(p.endsAt, timeZone),
          updatedAt: runtime.now(),
        }));
        const backwards = rows.find((r) => r.endsAt <= r.startsAt);
        if (backwards)
          throw new DomainError(
            'INVALID_INPUT',
            { key: 'reviewPhaseEndsBeforeStart' },
            { [backwards.phase]: ['A phase must end after it starts'] },
          );
        await tx.delete(reviewPhaseDates).where(eq(reviewPhaseDates.eventId, caller.eventId));
        if (rows.length > 0) await tx.insert(reviewPhaseDates).values(rows);
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'review.phases',
          objectType: 'review',
          objectId: caller.eventId,
          after: Object.fromEntries(
            rows.map((r) => [r.phase, [r.startsAt.toISOString(), r.endsAt.toISOString()]]),
          ),
        });
        return phasesOf(tx, caller.eventId, runtime.now());
      });
    },
    reviewing: {
      async bids(caller) {
        await requireBidding(runtime.db, caller, runtime.now());
        const papers = await reviewerView(
          runtime.db,
          caller,
          undefined,
          biddableByReviewer(caller.actor.userId),
        );
        const mine =
          papers.length === 0
            ? []
            : await runtime.db
                .select({ submissionId: reviewBids.submissionId, bid: reviewBids.bid })
                .from(reviewBids)
                .where(
                  and(
                    eq(reviewBids.userId, caller.actor.userId),
                    inArray(
                      reviewBids.submissionId,
                      papers.map((p) => p.id),
                    ),
                  ),
                );
        const bidOf = new Map(mine.map((b) => [b.submissionId, b.bid]));
        return papers.map((p) => ({ ...p, bid: bidOf.get(p.id) ?? null }));
      },
      async bid(caller, input) {
        return inTransaction(runtime, async ({ tx }) => {
          await requireBidding(tx, caller, runtime.now());
          // A conflicted paper, or one of another event, is a 404 as if it did not exist.
          const [paper] = await reviewerView(
            tx,
            caller,
            input.submissionId,
            biddableByReviewer(caller.actor.userId),
          );
          if (!paper) throw new DomainError('NOT_FOUND', { key: 'submissionNotFound' });
          await tx
            .insert(reviewBids)
            .values({
              eventId: caller.eventId,
              submissionId: input.submissionId,
              userId: caller.actor.userId,
              bid: input.bid,
            })
            .onConflictDoUpdate({
              target: [reviewBids.submissionId, reviewBids.userId],
              set: { bid: input.bid, updatedAt: runtime.now() },
            });
          return { submissionId: input.submissionId, bid: input.bid };
        });
      },
    },
  };
}
