import type { Schedule } from './state';

/**
 * The two phases of the optimiser. A greedy pass places the wanted meetings in
 * priority order, each in the slot that keeps its companies' days compact. Then
 * ejection chains: an unplaced meeting takes a slot by pushing out whatever blocks
 * it there (a company's meeting, the cheapest meeting when the tables are full, an
 * interpreter's meeting, a meeting over a company's cap); the pushed-out meetings
 * look for another slot, themselves pushing others out one level deeper. The move
 * is kept only when the placed priority grows, otherwise rolled back exactly.
 */

/** Slot for w by the greedy rule: free everywhere, next to the companies' other meetings, earliest. */
export function bestDirectSlot(schedule: Schedule, w: number): { slot: number; interpreter: number } | null {
  const p = schedule.p;
  const S = p.slotCount;
  const b = p.buyer[w]! * S;
  const c = p.seller[w]! * S;
  let best: { slot: number; interpreter: number } | null = null;
  let bestScore = -1;
  for (let s = 0; s < S; s++) {
    const interpreter = schedule.fit(w, s);
    if (interpreter === -2) continue;
    let score = 0;
    if (s > 0) score += (schedule.companyAt[b + s - 1] !== -1 ? 1 : 0) + (schedule.companyAt[c + s - 1] !== -1 ? 1 : 0);
    if (s + 1 < S) score += (schedule.companyAt[b + s + 1] !== -1 ? 1 : 0) + (schedule.companyAt[c + s + 1] !== -1 ? 1 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = { slot: s, interpreter };
      if (score === 4) break;
    }
  }
  return best;
}

export function construct(schedule: Schedule, order: readonly number[]): void {
  for (const w of order) {
    if (schedule.slotOf[w] !== -1) continue;
    const spot = bestDirectSlot(schedule, w);
    if (spot) schedule.place(w, spot.slot, spot.interpreter);
  }
  schedule.commit();
}

/** The cheapest movable meeting among those `each` yields, or -1. */
function cheapest(schedule: Schedule, each: (visit: (m: number) => void) => void): number {
  let best = -1;
  each((m) => {
    if (m < 0 || schedule.kept[m] === 1) return;
    if (best < 0 || schedule.p.priority[m]! < schedule.p.priority[best]!) best = m;
  });
  return best;
}

function cheapestOfCompany(schedule: Schedule, c: number): number {
  const S = schedule.p.slotCount;
  return cheapest(schedule, (visit) => {
    for (let s = 0; s < S; s++) visit(schedule.companyAt[c * S + s]!);
  });
}

/**
 * Push out of slot s (and out of capped companies' or interpreters' days) what keeps w
 * from going there. Returns the meetings pushed out, or null when a kept meeting blocks.
 */
function eject(schedule: Schedule, w: number, s: number): number[] | null {
  const p = schedule.p;
  const S = p.slotCount;
  const out: number[] = [];
  const take = (m: number): boolean => {
    if (m < 0) return false;
    schedule.remove(m);
    out.push(m);
    return true;
  };
  for (const c of [p.buyer[w]!, p.seller[w]!]) {
    const m = schedule.companyAt[c * S + s]!;
    if (m === -1) continue;
    if (schedule.kept[m] === 1) return null;
    take(m);
  }
  if (schedule.used[s]! >= schedule.tablesInSlot[s]!) {
    const m = cheapest(schedule, (visit) => {
      for (let k = 0; k < schedule.used[s]!; k++) visit(schedule.member(s, k));
    });
    if (!take(m)) return null;
  }
  for (const c of [p.buyer[w]!, p.seller[w]!]) {
    if (schedule.companyMeetings[c]! < p.companyCap[c]!) continue;
    if (!take(cheapestOfCompany(schedule, c))) return null;
  }
  if (p.needsInterpreter[w] === 1 && schedule.freeInterpreter(w, s) < 0) {
    let victim = -1;
    for (const i of p.candidates[w]!) {
      if (p.interpreterAvailable[i * S + s] === 0) continue;
      // Busy in s: freeing that meeting frees the slot and one of the cap at once.
      const m =
        schedule.interpreterAt[i * S + s] !== -1
          ? schedule.interpreterAt[i * S + s]!
          : cheapest(schedule, (visit) => {
              for (let t = 0; t < S; t++) visit(schedule.interpreterAt[i * S + t]!);
            });
      if (m < 0 || schedule.kept[m] === 1) continue;
      if (victim < 0 || p.priority[m]! < p.priority[victim]!) victim = m;
    }
    if (!take(victim)) return null;
  }
  return out;
}

/**
 * Place the unplaced meeting w so that the placed priority grows, pushing others out
 * up to `depth` levels. On failure the schedule is exactly as before.
 */
export function insert(schedule: Schedule, w: number, depth: number, effort: number): boolean {
  const direct = bestDirectSlot(schedule, w);
  if (direct) {
    schedule.place(w, direct.slot, direct.interpreter);
    return true;
  }
  if (depth === 0) return false;
  const p = schedule.p;
  const S = p.slotCount;
  for (let s = 0; s < S; s++) {
    if (schedule.work > effort) return false;
    if (p.companyUnavailable[p.buyer[w]! * S + s] === 1 || p.companyUnavailable[p.seller[w]! * S + s] === 1) continue;
    const mark = schedule.mark();
    const before = schedule.objective;
    const out = eject(schedule, w, s);
    const interpreter = out ? schedule.fit(w, s) : -2;
    if (!out || interpreter === -2) {
      schedule.rollback(mark);
      continue;
    }
    schedule.place(w, s, interpreter);
    let lost = 0;
    for (const m of out) lost += p.priority[m]!;
    // Pushed-out meetings worth more than w can only pay off if they all find room again.
    out.sort((a, b) => p.priority[b]! - p.priority[a]!);
    for (const m of out) {
      if (insert(schedule, m, depth - 1, effort)) lost -= p.priority[m]!;
    }
    if (schedule.objective > before + 1e-9 && lost < p.priority[w]!) return true;
    schedule.rollback(mark);
  }
  return false;
}

/** Ejection-chain passes over the unplaced meetings, deepest first while the budget lasts. */
export function improve(schedule: Schedule, order: readonly number[], effort: number): void {
  for (const depth of [1, 2, 2, 3]) {
    let improved = false;
    for (const w of order) {
      if (schedule.work > effort) return;
      if (schedule.slotOf[w] !== -1 || schedule.p.infeasible[w] === 1) continue;
      if (insert(schedule, w, depth, effort)) {
        schedule.commit();
        improved = true;
      }
    }
    if (!improved && depth > 1) return;
  }
}

/**
 * The tiebreak: move a meeting to another free slot when its two companies then
 * wait less between meetings. The placed priority does not change.
 */
export function compact(schedule: Schedule, effort: number): void {
  const p = schedule.p;
  for (let pass = 0; pass < 4; pass++) {
    let moved = false;
    for (let w = 0; w < p.wantedCount; w++) {
      const from = schedule.slotOf[w]!;
      if (from < 0 || schedule.kept[w] === 1) continue;
      if (schedule.work > effort) return;
      const b = p.buyer[w]!;
      const c = p.seller[w]!;
      const idle = schedule.idle(b) + schedule.idle(c);
      if (idle === 0) continue;
      for (let s = 0; s < p.slotCount; s++) {
        if (s === from) continue;
        const mark = schedule.mark();
        schedule.remove(w);
        const interpreter = schedule.fit(w, s);
        if (interpreter !== -2) {
          schedule.place(w, s, interpreter);
          if (schedule.idle(b) + schedule.idle(c) < idle) {
            schedule.commit();
            moved = true;
            break;
          }
        }
        schedule.rollback(mark);
      }
    }
    if (!moved) return;
  }
}
