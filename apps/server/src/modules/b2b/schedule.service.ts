import type { B2bScheduleServices, EventCaller } from '@plenary/contracts';
import type { Executor } from '@plenary/db';
import { inTransaction, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import * as repo from './b2b.repo';
import { announce } from './meetings.service';
import { scheduleMeetings, type SchedulerInput } from './scheduler';
import { requireFair } from './shared';

type S = B2bScheduleServices['b2bSchedule'];

/** A forced pair (protocol) outranks every approved one, whatever their priorities (1-5). */
const FORCED_BONUS = 100;

/**
 * The language need of a meeting as one key the scheduler can match: the two
 * companies' language lists. An interpreter "speaks" every key whose meeting one of
 * their language pairs covers (one side speaks a, the other b), so the scheduler's
 * single-language rule is exactly the service's pair rule (meetings.service.ts).
 */
const needKey = (buyer: readonly string[], seller: readonly string[]) =>
  `${[...buyer].sort().join('+')}/${[...seller].sort().join('+')}`;

const covers = (
  pairs: ReadonlyArray<readonly [string, string]>,
  buyer: readonly string[],
  seller: readonly string[],
) =>
  pairs.some(
    ([a, b]) => (buyer.includes(a) && seller.includes(b)) || (buyer.includes(b) && seller.includes(a)),
  );

/** The fair as the scheduler sees it; wanted ids are prematch ids, or `meeting:<id>` for meetings that exist. */
async function schedulerInput(db: Executor, fairId: string, seed: number) {
  const [slots, tables, profiles, interpreters, prematches, meetings] = await Promise.all([
    repo.slotsOf(db, fairId),
    repo.tablesOf(db, fairId),
    repo.profilesOf(db, fairId),
    repo.interpretersOf(db, fairId),
    repo.prematchesOf(db, fairId),
    repo.meetingsOf(db, fairId),
  ]);
  const languages = new Map(profiles.map((p) => [p.profile.id, p.profile.languages]));
  const live = meetings.filter((m) => m.meeting.status !== 'cancelled');
  const metPairs = new Set(live.map((m) => `${m.meeting.buyerProfileId}/${m.meeting.sellerProfileId}`));
  const need = (buyerId: string, sellerId: string) => {
    const b = languages.get(buyerId) ?? [];
    const s = languages.get(sellerId) ?? [];
    return b.some((l) => s.includes(l)) ? null : needKey(b, s);
  };
  const wanted: SchedulerInput['wanted'] = [];
  const keep: NonNullable<SchedulerInput['keep']> = [];
  for (const m of live) {
    const id = `meeting:${m.meeting.id}`;
    wanted.push({
      id,
      buyerId: m.meeting.buyerProfileId,
      sellerId: m.meeting.sellerProfileId,
      priority: 1,
      language: null,
    });
    keep.push({
      wantedId: id,
      slotId: m.meeting.slotId,
      tableId: m.meeting.tableId,
      interpreterId: m.meeting.interpreterId,
    });
  }
  for (const { prematch: p } of prematches) {
    if (p.status !== 'approved' && p.status !== 'forced') continue;
    if (metPairs.has(`${p.buyerProfileId}/${p.sellerProfileId}`)) continue;
    wanted.push({
      id: p.id,
      buyerId: p.buyerProfileId,
      sellerId: p.sellerProfileId,
      priority: p.priority + (p.status === 'forced' ? FORCED_BONUS : 0),
      language: need(p.buyerProfileId, p.sellerProfileId),
    });
  }
  const needs = new Map<string, { buyer: string[]; seller: string[] }>();
  for (const w of wanted) {
    if (w.language)
      needs.set(w.language, {
        buyer: languages.get(w.buyerId) ?? [],
        seller: languages.get(w.sellerId) ?? [],
      });
  }
  const allSlots = slots.map((s) => s.id);
  const input: SchedulerInput = {
    slots: slots.map((s) => ({ id: s.id, index: s.index })),
    tables: tables.map((t) => ({ id: t.id })),
    companies: profiles.map((p) => ({ id: p.profile.id })),
    interpreters: interpreters.map(({ interpreter: i }) => ({
      id: i.id,
      languages: [...needs].filter(([, n]) => covers(i.languagePairs, n.buyer, n.seller)).map(([key]) => key),
      availableSlotIds: i.availableSlots
        ? slots.filter((s) => i.availableSlots!.includes(s.index)).map((s) => s.id)
        : allSlots,
      maxMeetings: i.maxMeetings,
    })),
    wanted,
    keep,
    seed,
  };
  const pairOf = new Map(wanted.map((w) => [w.id, w]));
  return { input, pairOf, kept: keep.length };
}

export function createB2bScheduleService(runtime: Runtime): S {
  return {
    run: (caller: EventCaller, { seed }) =>
      inTransaction(runtime, async (uow) => {
        const { tx } = uow;
        // One run at a time per fair: the fair's row is the lock; a coordinator's
        // move meanwhile meets the unique indexes (the run's inserts are guarded by them too).
        const fair = await requireFair(tx, caller.eventId, true);
        const { input, pairOf, kept } = await schedulerInput(tx, fair.id, seed);
        const result = scheduleMeetings(input);
        const at = runtime.now();
        const placed: string[] = [];
        for (const m of result.meetings) {
          if (m.wantedId.startsWith('meeting:')) continue;
          const w = pairOf.get(m.wantedId)!;
          const id = await repo.insertMeeting(tx, {
            fairId: fair.id,
            buyerProfileId: w.buyerId,
            sellerProfileId: w.sellerId,
            slotId: m.slotId,
            tableId: m.tableId,
            interpreterId: m.interpreterId,
            prematchId: m.wantedId,
            status: 'scheduled',
            createdAt: at,
            updatedAt: at,
          });
          placed.push(id);
        }
        const unplaced = result.unplaced.filter((u) => !u.wantedId.startsWith('meeting:'));
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'b2b.schedule.run',
          objectType: 'b2bFair',
          objectId: fair.id,
          after: { seed, placed: placed.length, kept, unplaced: unplaced.length },
        });
        // One read of the fair's meetings for every announcement, not one per meeting.
        const views = new Map((await repo.meetingsOf(tx, fair.id)).map((v) => [v.meeting.id, v]));
        for (const id of placed)
          await announce(runtime, uow, 'meeting.scheduled', views.get(id)!, caller.eventId);
        return {
          placed: placed.length,
          kept,
          unplaced: unplaced.map((u) => ({ prematchId: u.wantedId, reason: u.reason })),
          idleGaps: result.idleGaps,
        };
      }),

    publish: (caller: EventCaller) =>
      inTransaction(runtime, async (uow) => {
        const { tx } = uow;
        const fair = await requireFair(tx, caller.eventId, true);
        const scheduled = (await repo.meetingsOf(tx, fair.id)).filter(
          (m) => m.meeting.status === 'scheduled',
        );
        const at = runtime.now();
        for (const m of scheduled)
          await repo.updateMeeting(tx, m.meeting.id, { status: 'published', updatedAt: at });
        // The rows read above with what was just written: one read, not one per meeting.
        const published = scheduled.map((m) => ({
          ...m,
          meeting: { ...m.meeting, status: 'published' as const, updatedAt: at },
        }));
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'b2b.schedule.publish',
          objectType: 'b2bFair',
          objectId: fair.id,
          after: { published: scheduled.length },
        });
        for (const m of published) await announce(runtime, uow, 'meeting.changed', m, caller.eventId);
        return { published: scheduled.length };
      }),
  };
}
