import { buildProblem, type Problem } from './model';
import { seededRandom } from './random';
import { compact, construct, improve, perturb } from './search';
import { Schedule } from './state';
import type { ScheduledMeeting, SchedulerInput, SchedulerResult, UnplacedReason } from './types';

export type * from './types';
export { violations } from './violations';

/** About half a second of search on one core of the benchmark machine at scale (b). */
const DEFAULT_EFFORT = 6_000_000;

/**
 * Places the wanted meetings of a B2B fair in slots, at tables, with interpreters,
 * maximising the placed priority, then fewer idle slots per company. Pure and
 * deterministic: the same input (and seed) gives the same schedule.
 */
export function scheduleMeetings(input: SchedulerInput): SchedulerResult {
  const problem = buildProblem(input);
  const schedule = new Schedule(problem);
  applyKept(schedule, input);
  const seed = input.seed ?? 1;
  const order = searchOrder(problem, seed);
  const effort = input.effort ?? DEFAULT_EFFORT;
  construct(schedule, order);
  improve(schedule, order, effort);
  perturb(schedule, order, effort, seededRandom(seed + 1));
  // The tiebreak gets a budget of its own, so that it runs even when the search spent all of its.
  compact(schedule, schedule.work + effort / 6);
  return result(schedule, input);
}

/** The constructive pass alone: the benchmark's baseline. */
export function scheduleGreedy(input: SchedulerInput): SchedulerResult {
  const problem = buildProblem(input);
  const schedule = new Schedule(problem);
  applyKept(schedule, input);
  construct(schedule, searchOrder(problem, input.seed ?? 1));
  return result(schedule, input);
}

function applyKept(schedule: Schedule, input: SchedulerInput): void {
  const p = schedule.p;
  for (const kept of input.keep ?? []) {
    const w = p.wantedPos.get(kept.wantedId);
    const s = p.slotPos.get(kept.slotId);
    if (w === undefined || s === undefined || schedule.slotOf[w] !== -1 || p.infeasible[w] === 1) continue;
    const interpreter = kept.interpreterId === null ? -1 : (p.interpreterPos.get(kept.interpreterId) ?? -1);
    schedule.keep(w, s, interpreter);
  }
}

/**
 * Highest priority first; among equals, meetings needing an interpreter (the scarcest
 * resource), then companies with the most wanted meetings, then a seeded shuffle.
 */
function searchOrder(p: Problem, seed: number): number[] {
  const random = seededRandom(seed);
  const demand = new Int32Array(p.companyCount);
  for (let w = 0; w < p.wantedCount; w++) {
    demand[p.buyer[w]!]!++;
    demand[p.seller[w]!]!++;
  }
  const tiebreak = Float64Array.from({ length: p.wantedCount }, () => random());
  const order: number[] = [];
  for (let w = 0; w < p.wantedCount; w++) if (p.infeasible[w] === 0) order.push(w);
  const load = (w: number) => demand[p.buyer[w]!]! + demand[p.seller[w]!]!;
  return order.sort(
    (a, b) =>
      p.priority[b]! - p.priority[a]! ||
      p.needsInterpreter[b]! - p.needsInterpreter[a]! ||
      load(b) - load(a) ||
      tiebreak[a]! - tiebreak[b]!,
  );
}

function result(schedule: Schedule, input: SchedulerInput): SchedulerResult {
  const p = schedule.p;
  const meetings: ScheduledMeeting[] = (input.keep ?? []).map((k) => ({ ...k }));
  const tables = assignTables(schedule, input);
  for (let w = 0; w < p.wantedCount; w++) {
    const s = schedule.slotOf[w]!;
    if (s < 0 || schedule.kept[w] === 1) continue;
    const i = schedule.interpreterOf[w]!;
    meetings.push({
      wantedId: p.wantedIds[w]!,
      slotId: p.slotIds[s]!,
      tableId: tables.get(w)!,
      interpreterId: i >= 0 ? p.interpreterIds[i]! : null,
    });
  }
  const unplaced: SchedulerResult['unplaced'] = [];
  const keptIds = new Set((input.keep ?? []).map((k) => k.wantedId));
  for (let w = 0; w < p.wantedCount; w++) {
    if (schedule.slotOf[w] !== -1 || keptIds.has(p.wantedIds[w]!)) continue;
    unplaced.push({ wantedId: p.wantedIds[w]!, reason: reason(schedule, w) });
  }
  let idleGaps = 0;
  for (let c = 0; c < p.companyCount; c++) idleGaps += schedule.idle(c);
  return { meetings, unplaced, objective: schedule.objective, idleGaps, work: schedule.work };
}

/**
 * Tables for the new meetings: around the tables kept meetings hold, a seller keeps
 * the same table from slot to slot when it is free (buyers walk, sellers stay).
 */
function assignTables(schedule: Schedule, input: SchedulerInput): Map<number, string> {
  const p = schedule.p;
  const takenBySlot = new Map<number, Set<string>>();
  for (const kept of input.keep ?? []) {
    const s = p.slotPos.get(kept.slotId);
    if (s === undefined) continue;
    const taken = takenBySlot.get(s) ?? new Set<string>();
    taken.add(kept.tableId);
    takenBySlot.set(s, taken);
  }
  const home = new Map<number, number>();
  const tables = new Map<number, string>();
  for (let s = 0; s < p.slotCount; s++) {
    const taken = new Uint8Array(p.tableCount);
    for (const id of takenBySlot.get(s) ?? []) {
      const t = p.tablePos.get(id);
      if (t !== undefined) taken[t] = 1;
    }
    const waiting: number[] = [];
    for (let k = 0; k < schedule.used[s]!; k++) {
      const w = schedule.member(s, k);
      if (schedule.kept[w] === 1) continue;
      const t = home.get(p.seller[w]!);
      if (t !== undefined && taken[t] === 0) {
        taken[t] = 1;
        tables.set(w, p.tableIds[t]!);
      } else waiting.push(w);
    }
    waiting.sort((a, b) => a - b);
    let t = 0;
    for (const w of waiting) {
      while (taken[t] === 1) t++;
      taken[t] = 1;
      tables.set(w, p.tableIds[t]!);
      if (!home.has(p.seller[w]!)) home.set(p.seller[w]!, t);
    }
  }
  return tables;
}

/** Why w found no place: the furthest any slot got (companies free, then a table, then an interpreter). */
function reason(schedule: Schedule, w: number): UnplacedReason {
  const p = schedule.p;
  if (p.infeasible[w] === 1) return 'infeasible';
  const b = p.buyer[w]!;
  const c = p.seller[w]!;
  if (schedule.companyMeetings[b]! >= p.companyCap[b]! || schedule.companyMeetings[c]! >= p.companyCap[c]!) {
    return 'company_cap';
  }
  let stage = 0;
  for (let s = 0; s < p.slotCount; s++) {
    if (!schedule.companyFree(b, s) || !schedule.companyFree(c, s)) continue;
    stage = Math.max(stage, schedule.used[s]! < schedule.tablesInSlot[s]! ? 2 : 1);
  }
  return stage === 0 ? 'company_busy' : stage === 1 ? 'no_table' : 'no_interpreter';
}
