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

/**
 * Slot for w by the greedy rule: free everywhere, next to the companies' other meetings,
 * earliest; -1 if none. The interpreter goes to `schedule.chosen` (no object per call:
 * this runs millions of times).
 */
export function bestDirectSlot(schedule: Schedule, w: number): number {
  const p = schedule.p;
  const S = p.slotCount;
  const b = p.buyer[w]! * S;
  const c = p.seller[w]! * S;
  let best = -1;
  let bestScore = -1;
  for (let s = 0; s < S; s++) {
    const interpreter = schedule.fit(w, s);
    if (interpreter === -2) continue;
    let score = 0;
    if (s > 0)
      score +=
        (schedule.companyAt[b + s - 1] !== -1 ? 1 : 0) + (schedule.companyAt[c + s - 1] !== -1 ? 1 : 0);
    if (s + 1 < S)
      score +=
        (schedule.companyAt[b + s + 1] !== -1 ? 1 : 0) + (schedule.companyAt[c + s + 1] !== -1 ? 1 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = s;
      schedule.chosen = interpreter;
      if (score === 4) break;
    }
  }
  return best;
}

export function construct(schedule: Schedule, order: readonly number[]): void {
  for (const w of order) {
    if (schedule.slotOf[w] !== -1) continue;
    const s = bestDirectSlot(schedule, w);
    if (s >= 0) schedule.place(w, s, schedule.chosen);
  }
  schedule.commit();
}

/** The cheapest movable meeting of company c (or of interpreter i, with `interpreter`), or -1. */
function cheapestOfRow(schedule: Schedule, at: Int32Array, row: number): number {
  const S = schedule.p.slotCount;
  const priority = schedule.p.priority;
  let best = -1;
  schedule.work += S >> 2;
  for (let s = 0; s < S; s++) {
    const m = at[row * S + s]!;
    if (m < 0 || schedule.kept[m] === 1) continue;
    if (best < 0 || priority[m]! < priority[best]!) best = m;
  }
  return best;
}

/** The cheapest movable meeting in slot s, or -1. */
function cheapestInSlot(schedule: Schedule, s: number): number {
  const priority = schedule.p.priority;
  let best = -1;
  const n = schedule.used[s]!;
  schedule.work += n >> 2;
  for (let k = 0; k < n; k++) {
    const m = schedule.member(s, k);
    if (schedule.kept[m] === 1) continue;
    if (best < 0 || priority[m]! < priority[best]!) best = m;
  }
  return best;
}

function take(schedule: Schedule, out: number[], m: number): boolean {
  if (m < 0) return false;
  schedule.remove(m);
  out.push(m);
  return true;
}

/**
 * Push out of slot s (and out of capped companies' or interpreters' days) what keeps w
 * from going there. Returns the meetings pushed out, or null when a kept meeting blocks.
 */
function eject(schedule: Schedule, w: number, s: number): number[] | null {
  const p = schedule.p;
  const S = p.slotCount;
  const out: number[] = [];
  const b = p.buyer[w]!;
  const c = p.seller[w]!;
  const mb = schedule.companyAt[b * S + s]!;
  const mc = schedule.companyAt[c * S + s]!;
  if ((mb !== -1 && schedule.kept[mb] === 1) || (mc !== -1 && schedule.kept[mc] === 1)) return null;
  if (mb !== -1) take(schedule, out, mb);
  if (mc !== -1 && mc !== mb) take(schedule, out, mc);
  if (schedule.used[s]! >= schedule.tablesInSlot[s]! && !take(schedule, out, cheapestInSlot(schedule, s)))
    return null;
  if (
    schedule.companyMeetings[b]! >= p.companyCap[b]! &&
    !take(schedule, out, cheapestOfRow(schedule, schedule.companyAt, b))
  )
    return null;
  if (
    schedule.companyMeetings[c]! >= p.companyCap[c]! &&
    !take(schedule, out, cheapestOfRow(schedule, schedule.companyAt, c))
  )
    return null;
  if (p.needsInterpreter[w] === 1 && schedule.freeInterpreter(w, s) < 0) {
    let victim = -1;
    for (const i of p.candidates[w]!) {
      if (p.interpreterAvailable[i * S + s] === 0) continue;
      // Busy in s: freeing that meeting frees the slot and one of the cap at once.
      const m =
        schedule.interpreterAt[i * S + s] !== -1
          ? schedule.interpreterAt[i * S + s]!
          : cheapestOfRow(schedule, schedule.interpreterAt, i);
      if (m < 0 || schedule.kept[m] === 1) continue;
      if (victim < 0 || p.priority[m]! < p.priority[victim]!) victim = m;
    }
    if (!take(schedule, out, victim)) return null;
  }
  return out;
}

/**
 * Place the unplaced meeting w so that the placed priority grows, pushing others out
 * up to `depth` levels. On failure the schedule is exactly as before.
 */
export function insert(schedule: Schedule, w: number, depth: number, effort: number): boolean {
  const direct = bestDirectSlot(schedule, w);
  if (direct >= 0) {
    schedule.place(w, direct, schedule.chosen);
    return true;
  }
  if (depth === 0) return false;
  const p = schedule.p;
  const S = p.slotCount;
  for (let s = 0; s < S; s++) {
    if (schedule.work > effort) return false;
    if (p.companyUnavailable[p.buyer[w]! * S + s] === 1 || p.companyUnavailable[p.seller[w]! * S + s] === 1)
      continue;
    const mark = schedule.mark();
    const before = schedule.objective;
    const out = eject(schedule, w, s);
    const interpreter = out ? schedule.fit(w, s) : -2;
    if (!out || interpreter === -2) {
      schedule.rollback(mark);
      continue;
    }
    schedule.place(w, s, interpreter);
    // With no table free anywhere, a pushed-out meeting could only come back by pushing
    // out another, which depth 1 does not do: the move is a plain swap, judged at once.
    if (depth > 1 || schedule.freeTables > 0) {
      if (out.length > 1) out.sort((x, y) => p.priority[y]! - p.priority[x]!);
      for (const m of out) insert(schedule, m, depth - 1, effort);
    }
    if (schedule.objective > before + 1e-9) return true;
    schedule.rollback(mark);
  }
  return false;
}

const DEEP_MISSES = 60;

/**
 * Ejection-chain passes over the unplaced meetings, in priority order: shallow chains
 * until they stop paying, then deeper ones, while the work budget lasts.
 */
export function improve(schedule: Schedule, order: readonly number[], effort: number): void {
  const passes: [depth: number, times: number][] = [
    [1, 3],
    [2, 2],
    [3, 1],
  ];
  for (const [depth, times] of passes) {
    for (let pass = 0; pass < times; pass++) {
      let improved = false;
      let misses = 0;
      for (const w of order) {
        if (schedule.work > effort) return;
        // Deep chains cost a slot's worth of searches each: after a long run of misses
        // (a fair whose tables are full of higher priorities) the rest would miss too.
        if (depth > 1 && misses > DEEP_MISSES) break;
        if (schedule.slotOf[w] !== -1 || schedule.p.infeasible[w] === 1) continue;
        if (insert(schedule, w, depth, effort)) {
          schedule.commit();
          improved = true;
          misses = 0;
        } else misses++;
      }
      if (!improved) break;
    }
  }
}

/** Idle slots of the companies of meetings w and n (each company once). */
function idleOf(schedule: Schedule, w: number, n: number): number {
  const p = schedule.p;
  const b = p.buyer[w]!;
  const c = p.seller[w]!;
  let idle = schedule.idle(b) + schedule.idle(c);
  if (n < 0) return idle;
  const d = p.buyer[n]!;
  const e = p.seller[n]!;
  if (d !== b && d !== c) idle += schedule.idle(d);
  if (e !== b && e !== c) idle += schedule.idle(e);
  return idle;
}

/** True when one of w's companies meets in the slot before or after s. */
function besideCompanies(schedule: Schedule, w: number, s: number): boolean {
  const p = schedule.p;
  const S = p.slotCount;
  for (const c of [p.buyer[w]!, p.seller[w]!]) {
    if (s > 0 && schedule.companyAt[c * S + s - 1] !== -1) return true;
    if (s + 1 < S && schedule.companyAt[c * S + s + 1] !== -1) return true;
  }
  return false;
}

/**
 * The tiebreak: move a meeting to another slot, or swap it with a meeting of that slot
 * (the way to move when every table is taken), when the companies involved then wait
 * less between meetings. The placed priority does not change.
 */
export function compact(schedule: Schedule, effort: number): void {
  const p = schedule.p;
  for (let pass = 0; pass < 4; pass++) {
    let moved = false;
    for (let w = 0; w < p.wantedCount; w++) {
      const from = schedule.slotOf[w]!;
      if (from < 0 || schedule.kept[w] === 1) continue;
      if (schedule.work > effort) return;
      if (schedule.idle(p.buyer[w]!) + schedule.idle(p.seller[w]!) === 0) continue;
      for (let s = 0; s < p.slotCount && schedule.slotOf[w] === from; s++) {
        if (s === from || !besideCompanies(schedule, w, s)) continue;
        // n = -1 is the plain move; then each meeting of slot s as a swap partner.
        for (let k = -1; k < schedule.used[s]!; k++) {
          const n = k < 0 ? -1 : schedule.member(s, k);
          if (n >= 0 && schedule.kept[n] === 1) continue;
          const before = idleOf(schedule, w, n);
          const mark = schedule.mark();
          schedule.remove(w);
          if (n >= 0) schedule.remove(n);
          const interpreter = schedule.fit(w, s);
          let done = false;
          if (interpreter !== -2) {
            schedule.place(w, s, interpreter);
            const other = n >= 0 ? schedule.fit(n, from) : -1;
            if (other !== -2) {
              if (n >= 0) schedule.place(n, from, other);
              done = idleOf(schedule, w, n) < before;
            }
          }
          if (done) {
            schedule.commit();
            moved = true;
            break;
          }
          schedule.rollback(mark);
          if (schedule.work > effort) return;
        }
      }
    }
    if (!moved) return;
  }
}

const STALE_ROUNDS = 150;
const STALE_WORK = 1_000_000;

/**
 * Ruin and recreate: take out every movable meeting of a few slots or of a company and
 * its partners, refill greedily, run shallow chains, and keep the round unless the
 * placed priority fell (equal is kept: it lets the search drift). Rounds go on until 150
 * in a row, or a million placement checks, bring no gain, or the work budget is spent.
 */
export function perturb(
  schedule: Schedule,
  order: readonly number[],
  effort: number,
  random: () => number,
): void {
  const p = schedule.p;
  const S = p.slotCount;
  if (S === 0 || order.length === 0) return;
  let best = schedule.objective;
  let lastGain = 0;
  // Stop after rounds that bring nothing: at scale, with most meetings kept, rounds rarely can.
  let workAtGain = schedule.work;
  for (
    let round = 0;
    round < 2000 &&
    round - lastGain < STALE_ROUNDS &&
    schedule.work - workAtGain < STALE_WORK &&
    schedule.work < effort;
    round++
  ) {
    const before = schedule.objective;
    schedule.holds++;
    const mark = schedule.mark();
    if (round % 2 === 0) {
      const first = Math.floor(random() * S);
      for (let s = first; s < Math.min(S, first + 2); s++) {
        for (let k = schedule.used[s]! - 1; k >= 0; k--) {
          const m = schedule.member(s, k);
          if (schedule.kept[m] === 0) schedule.remove(m);
        }
      }
    } else {
      const w = order[Math.floor(random() * order.length)]!;
      for (const c of [p.buyer[w]!, p.seller[w]!]) {
        for (let s = 0; s < S; s++) {
          const m = schedule.companyAt[c * S + s]!;
          if (m === -1 || schedule.kept[m] === 1) continue;
          const other = p.buyer[m] === c ? p.seller[m]! : p.buyer[m]!;
          schedule.remove(m);
          // The partner's other meetings go too: its day is then free to be rearranged.
          for (let t = 0; t < S; t++) {
            const n = schedule.companyAt[other * S + t]!;
            if (n !== -1 && schedule.kept[n] === 0 && random() < 0.5) schedule.remove(n);
          }
        }
      }
    }
    // Refill in the usual order, with a random rotation among equal priorities' neighbours.
    const start = Math.floor(random() * 3);
    for (let k = 0; k < order.length; k++) {
      const w = order[(k + start) % order.length]!;
      if (schedule.slotOf[w] !== -1) continue;
      const s = bestDirectSlot(schedule, w);
      if (s >= 0) schedule.place(w, s, schedule.chosen);
    }
    for (const w of order) {
      if (schedule.work > effort) break;
      if (schedule.slotOf[w] === -1) insert(schedule, w, 1, effort);
    }
    schedule.holds--;
    if (schedule.objective + 1e-9 < before) schedule.rollback(mark);
    schedule.commit();
    if (schedule.objective > best + 1e-9) {
      best = schedule.objective;
      lastGain = round;
      workAtGain = schedule.work;
    }
  }
}
