import type {
  B2bServices,
  DomainMessageKey,
  MeetingStatus,
  MoveMeetingInput,
  RecordOutcomeInput,
} from '@plenary/contracts';
import type { Executor } from '@plenary/db';
import { inTransaction, type Runtime, type UnitOfWork } from '../../core/runtime';
import { sqlState } from '../../core/unique-violations';
import { recordAudit, type AuditCaller } from '../audit/audit.service';
import { recordDomainEvent } from '../domain-events/record';
import type { DomainEventType, EventCaller } from '@plenary/contracts';
import * as repo from './b2b.repo';
import { requirePair } from './pairs.service';
import { refuse, requireFair, toMeetingDto } from './shared';

type S = B2bServices['b2b'];

/** Which guard a unique violation on live meetings came from, in the words a coordinator reads. */
const busy: Record<string, { key: DomainMessageKey; field: string }> = {
  b2b_meetings_table_busy: { key: 'b2bTableTaken', field: 'tableId' },
  b2b_meetings_buyer_busy: { key: 'b2bBuyerBusy', field: 'slotId' },
  b2b_meetings_seller_busy: { key: 'b2bSellerBusy', field: 'slotId' },
  b2b_meetings_interpreter_busy: { key: 'b2bInterpreterBusy', field: 'interpreterId' },
  b2b_meetings_pair_once: { key: 'b2bPairMet', field: 'sellerProfileId' },
};

/**
 * Runs a write on live meetings; a unique violation (another writer took the
 * slot's table, company or interpreter first) becomes the 409 that names it.
 */
async function guarded<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    const { code, constraint } = sqlState(err);
    const hit = code === '23505' && constraint ? busy[constraint] : undefined;
    if (hit) throw refuse('CONFLICT', hit.key, hit.field);
    throw err;
  }
}

/** Status changes by hand; a cancelled meeting stays cancelled (its slot may be taken since). */
const nextStatuses: Record<MeetingStatus, readonly MeetingStatus[]> = {
  scheduled: ['published', 'held', 'no_show', 'cancelled'],
  published: ['held', 'no_show', 'cancelled'],
  held: ['no_show'],
  no_show: ['held'],
  cancelled: [],
};

interface Placement {
  buyerProfileId: string;
  sellerProfileId: string;
  slotId: string;
  tableId: string;
  interpreterId: string | null;
  meetingId: string | null;
}

/**
 * The checks a placement must pass, with a message for each, before it is written.
 * They read without locks: two writers can both pass them, and then the unique
 * indexes decide (see guarded).
 */
async function checkPlacement(db: Executor, fairId: string, p: Placement): Promise<void> {
  const { buyer, seller } = await requirePair(db, fairId, p.buyerProfileId, p.sellerProfileId);
  const slot = await repo.findSlot(db, fairId, p.slotId);
  if (!slot) throw refuse('NOT_FOUND', 'b2bSlotNotFound', 'slotId');
  if (!(await repo.findTable(db, fairId, p.tableId)))
    throw refuse('NOT_FOUND', 'b2bTableNotFound', 'tableId');
  if (p.interpreterId) {
    const interpreter = await repo.findInterpreter(db, fairId, p.interpreterId);
    if (!interpreter) throw refuse('NOT_FOUND', 'b2bInterpreterNotFound', 'interpreterId');
    if (interpreter.availableSlots && !interpreter.availableSlots.includes(slot.index))
      throw refuse('CONFLICT', 'b2bInterpreterUnavailable', 'interpreterId');
    const covers = interpreter.languagePairs.some(
      ([a, b]) =>
        (buyer.languages.includes(a) && seller.languages.includes(b)) ||
        (buyer.languages.includes(b) && seller.languages.includes(a)),
    );
    if (!covers) throw refuse('CONFLICT', 'b2bInterpreterLanguages', 'interpreterId');
    if ((await repo.interpreterLoad(db, interpreter.id, p.meetingId)) >= interpreter.maxMeetings)
      throw refuse('CONFLICT', 'b2bInterpreterFull', 'interpreterId', { max: interpreter.maxMeetings });
  } else if (!buyer.languages.some((l) => seller.languages.includes(l))) {
    throw refuse('CONFLICT', 'b2bInterpreterNeeded', 'interpreterId');
  }
  const holders = await repo.slotHolders(db, { ...p, exceptMeetingId: p.meetingId });
  for (const h of holders) {
    if (h.tableId === p.tableId) throw refuse('CONFLICT', 'b2bTableTaken', 'tableId');
    if (h.buyerProfileId === p.buyerProfileId) throw refuse('CONFLICT', 'b2bBuyerBusy', 'slotId');
    if (h.sellerProfileId === p.sellerProfileId) throw refuse('CONFLICT', 'b2bSellerBusy', 'slotId');
    if (p.interpreterId && h.interpreterId === p.interpreterId)
      throw refuse('CONFLICT', 'b2bInterpreterBusy', 'interpreterId');
  }
}

export async function meetingView(db: Executor, fairId: string, id: string) {
  const [view] = await repo.meetingsOf(db, fairId, id);
  return view!;
}

export async function announce(
  runtime: Runtime,
  uow: UnitOfWork,
  type: DomainEventType,
  v: repo.MeetingView,
  eventId: string,
) {
  await recordDomainEvent(runtime, uow, {
    type,
    eventId,
    subject: { kind: 'b2bMeeting', id: v.meeting.id },
    data: {
      // A meeting has two companies, each perhaps a different partner's: both are told.
      partnerIds: [...new Set([v.buyerPartnerId, v.sellerPartnerId])].filter(
        (id): id is string => id !== null,
      ),
      meeting: {
        id: v.meeting.id,
        eventId,
        buyerOrganisationId: v.buyerOrganisationId,
        sellerOrganisationId: v.sellerOrganisationId,
        slotIndex: v.slotIndex,
        startsAt: v.startsAt.toISOString(),
        table: v.tableName,
        interpreterId: v.meeting.interpreterId,
        status: v.meeting.status,
      },
    },
  });
}

type OutcomeFields = Omit<RecordOutcomeInput, 'eventId' | 'meetingId'>;

/**
 * Records what came of a locked meeting (the coordinator's and a partner's
 * path both end here): only a meeting that took place has an outcome.
 */
export async function writeOutcome(
  runtime: Runtime,
  uow: UnitOfWork,
  caller: AuditCaller,
  eventId: string,
  meeting: repo.MeetingRow,
  input: OutcomeFields,
) {
  const { tx } = uow;
  if (meeting.status !== 'held')
    throw refuse('CONFLICT', 'b2bMeetingClosed', 'meetingId', { status: meeting.status });
  const outcome = {
    meetingId: meeting.id,
    productsDiscussed: input.productsDiscussed,
    interest: input.interest,
    stage: input.stage,
    estimatedValue: input.estimatedValue,
    currency: input.currency,
    signedAmount: input.signedAmount,
    signedOn: input.signedOn,
  };
  await repo.upsertOutcome(tx, { ...outcome, recordedAt: runtime.now() });
  await recordAudit(tx, caller, {
    eventId,
    action: 'b2b.meeting.outcome',
    objectType: 'b2bMeeting',
    objectId: meeting.id,
    after: { ...outcome, meetingId: undefined },
  });
  await announce(
    runtime,
    uow,
    'meeting.outcome_recorded',
    await meetingView(tx, meeting.fairId, meeting.id),
    eventId,
  );
  return outcome;
}

/**
 * Moves a meeting to another slot, table or interpreter, with the checks of a new
 * placement. `afterCheck` is a seam for the concurrency test only: it holds two
 * coordinators between their checks and their writes, so both pass the checks.
 */
export function moveMeeting(
  runtime: Runtime,
  caller: EventCaller,
  input: MoveMeetingInput,
  afterCheck?: () => Promise<void>,
) {
  return inTransaction(runtime, async (uow) => {
    const { tx } = uow;
    const fair = await requireFair(tx, caller.eventId);
    const meeting = await repo.lockMeeting(tx, fair.id, input.meetingId);
    if (!meeting) throw refuse('NOT_FOUND', 'b2bMeetingNotFound', 'meetingId');
    if (meeting.status !== 'scheduled' && meeting.status !== 'published')
      throw refuse('CONFLICT', 'b2bMeetingClosed', 'meetingId', { status: meeting.status });
    await checkPlacement(tx, fair.id, {
      buyerProfileId: meeting.buyerProfileId,
      sellerProfileId: meeting.sellerProfileId,
      slotId: input.slotId,
      tableId: input.tableId,
      interpreterId: input.interpreterId,
      meetingId: meeting.id,
    });
    await afterCheck?.();
    await guarded(() =>
      repo.updateMeeting(tx, meeting.id, {
        slotId: input.slotId,
        tableId: input.tableId,
        interpreterId: input.interpreterId,
        updatedAt: runtime.now(),
      }),
    );
    await recordAudit(tx, caller, {
      eventId: caller.eventId,
      action: 'b2b.meeting.move',
      objectType: 'b2bMeeting',
      objectId: meeting.id,
      before: { slotId: meeting.slotId, tableId: meeting.tableId, interpreterId: meeting.interpreterId },
      after: { slotId: input.slotId, tableId: input.tableId, interpreterId: input.interpreterId },
    });
    const view = await meetingView(tx, fair.id, meeting.id);
    await announce(runtime, uow, 'meeting.changed', view, caller.eventId);
    return toMeetingDto(view);
  });
}

export function createMeetingsService(
  runtime: Runtime,
): Pick<S, 'meetings' | 'scheduleMeeting' | 'moveMeeting' | 'setMeetingStatus' | 'recordOutcome'> {
  return {
    async meetings(caller) {
      const fair = await requireFair(runtime.db, caller.eventId);
      return (await repo.meetingsOf(runtime.db, fair.id)).map(toMeetingDto);
    },

    scheduleMeeting: (caller, input) =>
      inTransaction(runtime, async (uow) => {
        const { tx } = uow;
        const fair = await requireFair(tx, caller.eventId);
        if (input.prematchId) {
          const prematch = await repo.lockPrematch(tx, fair.id, input.prematchId);
          if (!prematch) throw refuse('NOT_FOUND', 'b2bPrematchNotFound', 'prematchId');
          const wanted = prematch.status === 'approved' || prematch.status === 'forced';
          const samePair =
            prematch.buyerProfileId === input.buyerProfileId &&
            prematch.sellerProfileId === input.sellerProfileId;
          if (!wanted || !samePair) throw refuse('CONFLICT', 'b2bPrematchNotWanted', 'prematchId');
        }
        await checkPlacement(tx, fair.id, { ...input, meetingId: null });
        const at = runtime.now();
        const id = await guarded(() =>
          repo.insertMeeting(tx, {
            fairId: fair.id,
            buyerProfileId: input.buyerProfileId,
            sellerProfileId: input.sellerProfileId,
            slotId: input.slotId,
            tableId: input.tableId,
            interpreterId: input.interpreterId,
            prematchId: input.prematchId,
            status: 'scheduled',
            createdAt: at,
            updatedAt: at,
          }),
        );
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'b2b.meeting.schedule',
          objectType: 'b2bMeeting',
          objectId: id,
          after: { ...input, eventId: undefined },
        });
        const view = await meetingView(tx, fair.id, id);
        await announce(runtime, uow, 'meeting.scheduled', view, caller.eventId);
        return toMeetingDto(view);
      }),

    moveMeeting: (caller, input) => moveMeeting(runtime, caller, input),

    setMeetingStatus: (caller, input) =>
      inTransaction(runtime, async (uow) => {
        const { tx } = uow;
        const fair = await requireFair(tx, caller.eventId);
        const meeting = await repo.lockMeeting(tx, fair.id, input.meetingId);
        if (!meeting) throw refuse('NOT_FOUND', 'b2bMeetingNotFound', 'meetingId');
        if (!nextStatuses[meeting.status].includes(input.status))
          throw refuse('CONFLICT', 'b2bMeetingClosed', 'status', { status: meeting.status });
        await repo.updateMeeting(tx, meeting.id, { status: input.status, updatedAt: runtime.now() });
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'b2b.meeting.status',
          objectType: 'b2bMeeting',
          objectId: meeting.id,
          before: { status: meeting.status },
          after: { status: input.status },
        });
        const view = await meetingView(tx, fair.id, meeting.id);
        await announce(runtime, uow, 'meeting.changed', view, caller.eventId);
        return toMeetingDto(view);
      }),

    recordOutcome: (caller, input) =>
      inTransaction(runtime, async (uow) => {
        const fair = await requireFair(uow.tx, caller.eventId);
        const meeting = await repo.lockMeeting(uow.tx, fair.id, input.meetingId);
        if (!meeting) throw refuse('NOT_FOUND', 'b2bMeetingNotFound', 'meetingId');
        return writeOutcome(runtime, uow, caller, caller.eventId, meeting, input);
      }),
  };
}
