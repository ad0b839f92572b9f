import type { Problem } from './model';

/**
 * A schedule being built: who sits where in each slot, with a journal so that a
 * trial move (eject, place, re-place) can be rolled back exactly.
 */
export class Schedule {
  readonly slotOf: Int32Array;
  readonly interpreterOf: Int32Array;
  readonly kept: Uint8Array;
  /** companyAt[c * S + s]: the meeting of company c in slot s, or -1. */
  readonly companyAt: Int32Array;
  readonly interpreterAt: Int32Array;
  readonly companyMeetings: Int32Array;
  readonly interpreterMeetings: Int32Array;
  /** Meetings of slot s: members[s * capacity + k] for k < used[s]. */
  readonly members: Int32Array;
  readonly used: Int32Array;
  private readonly memberPos: Int32Array;
  /** Tables free in each slot (all tables, less those taken by kept meetings at named tables). */
  readonly tablesInSlot: Int32Array;
  objective = 0;
  /** Free tables over all slots: when none is left, a pushed-out meeting cannot come back directly. */
  freeTables: number;
  /** The interpreter picked by the last `bestDirectSlot`. */
  chosen = -1;
  /** Placement checks made so far: the deterministic work budget. */
  work = 0;
  private readonly journal: number[] = [];
  private readonly S: number;
  private readonly capacity: number;

  constructor(readonly p: Problem) {
    const S = (this.S = p.slotCount);
    this.slotOf = new Int32Array(p.wantedCount).fill(-1);
    this.interpreterOf = new Int32Array(p.wantedCount).fill(-1);
    this.kept = new Uint8Array(p.wantedCount);
    this.companyAt = new Int32Array(p.companyCount * S).fill(-1);
    this.interpreterAt = new Int32Array(p.interpreterCount * S).fill(-1);
    this.companyMeetings = new Int32Array(p.companyCount);
    this.interpreterMeetings = new Int32Array(p.interpreterCount);
    // Kept meetings are trusted, so they may (wrongly) exceed the tables: size the slot lists for all.
    this.capacity = Math.max(p.wantedCount, 1);
    this.members = new Int32Array(S * this.capacity);
    this.used = new Int32Array(S);
    this.memberPos = new Int32Array(p.wantedCount).fill(-1);
    this.tablesInSlot = new Int32Array(S).fill(p.tableCount);
    this.freeTables = S * p.tableCount;
  }

  /** Journal position to roll back to. */
  mark(): number {
    return this.journal.length;
  }

  rollback(to: number): void {
    while (this.journal.length > to) {
      const interpreter = this.journal.pop()!;
      const slot = this.journal.pop()!;
      const w = this.journal.pop()!;
      if (this.slotOf[w]! >= 0) this.detach(w);
      if (slot >= 0) this.attach(w, slot, interpreter);
    }
  }

  /** While held, accepted moves stay in the journal, so that a whole round can still be undone. */
  holds = 0;

  /** Forget the journal: the moves so far are accepted (unless an outer round holds it). */
  commit(): void {
    if (this.holds === 0) this.journal.length = 0;
  }

  place(w: number, s: number, interpreter: number): void {
    this.journal.push(w, -1, -1);
    this.attach(w, s, interpreter);
  }

  remove(w: number): void {
    this.journal.push(w, this.slotOf[w]!, this.interpreterOf[w]!);
    this.detach(w);
  }

  /** A kept meeting: placed without checks and never moved. */
  keep(w: number, s: number, interpreter: number): void {
    this.attach(w, s, interpreter);
    this.kept[w] = 1;
  }

  private attach(w: number, s: number, interpreter: number): void {
    const p = this.p;
    const S = this.S;
    this.slotOf[w] = s;
    this.interpreterOf[w] = interpreter;
    this.companyAt[p.buyer[w]! * S + s] = w;
    this.companyAt[p.seller[w]! * S + s] = w;
    this.companyMeetings[p.buyer[w]!]!++;
    this.companyMeetings[p.seller[w]!]!++;
    if (interpreter >= 0) {
      this.interpreterAt[interpreter * S + s] = w;
      this.interpreterMeetings[interpreter]!++;
    }
    if (this.used[s]! < this.tablesInSlot[s]!) this.freeTables--;
    const k = this.used[s]!++;
    this.members[s * this.capacity + k] = w;
    this.memberPos[w] = k;
    this.objective += p.priority[w]!;
  }

  private detach(w: number): void {
    const p = this.p;
    const S = this.S;
    const s = this.slotOf[w]!;
    const interpreter = this.interpreterOf[w]!;
    if (this.companyAt[p.buyer[w]! * S + s] === w) this.companyAt[p.buyer[w]! * S + s] = -1;
    if (this.companyAt[p.seller[w]! * S + s] === w) this.companyAt[p.seller[w]! * S + s] = -1;
    this.companyMeetings[p.buyer[w]!]!--;
    this.companyMeetings[p.seller[w]!]!--;
    if (interpreter >= 0) {
      if (this.interpreterAt[interpreter * S + s] === w) this.interpreterAt[interpreter * S + s] = -1;
      this.interpreterMeetings[interpreter]!--;
    }
    const base = s * this.capacity;
    const k = this.memberPos[w]!;
    const last = --this.used[s]!;
    if (last < this.tablesInSlot[s]!) this.freeTables++;
    const moved = this.members[base + last]!;
    this.members[base + k] = moved;
    this.memberPos[moved] = k;
    this.memberPos[w] = -1;
    this.slotOf[w] = -1;
    this.interpreterOf[w] = -1;
    this.objective -= p.priority[w]!;
  }

  member(s: number, k: number): number {
    return this.members[s * this.capacity + k]!;
  }

  companyFree(c: number, s: number): boolean {
    const at = c * this.S + s;
    return this.p.companyUnavailable[at] === 0 && this.companyAt[at] === -1;
  }

  /**
   * The interpreter to give meeting w in slot s, or -1 if none is free. Among the free
   * ones, the one with the most meetings left, so that capacity is spent evenly.
   */
  freeInterpreter(w: number, s: number): number {
    const p = this.p;
    let best = -1;
    let bestLeft = 0;
    for (const i of p.candidates[w]!) {
      const at = i * this.S + s;
      if (p.interpreterAvailable[at] === 0 || this.interpreterAt[at] !== -1) continue;
      const left = p.interpreterCap[i]! - this.interpreterMeetings[i]!;
      if (left > bestLeft) {
        best = i;
        bestLeft = left;
      }
    }
    return best;
  }

  /** The interpreter w would get in s (-1 when none is needed), or -2 if w cannot go to s. */
  fit(w: number, s: number): number {
    this.work++;
    const p = this.p;
    if (this.used[s]! >= this.tablesInSlot[s]!) return -2;
    const b = p.buyer[w]!;
    const c = p.seller[w]!;
    if (!this.companyFree(b, s) || !this.companyFree(c, s)) return -2;
    if (this.companyMeetings[b]! >= p.companyCap[b]! || this.companyMeetings[c]! >= p.companyCap[c]!)
      return -2;
    if (p.needsInterpreter[w] === 0) return -1;
    const i = this.freeInterpreter(w, s);
    return i >= 0 ? i : -2;
  }

  /** Idle slots between company c's first and last meeting. */
  idle(c: number): number {
    this.work++;
    const base = c * this.S;
    let first = -1;
    let last = -1;
    let count = 0;
    for (let s = 0; s < this.S; s++) {
      if (this.companyAt[base + s] !== -1) {
        if (first < 0) first = s;
        last = s;
        count++;
      }
    }
    return first < 0 ? 0 : last - first + 1 - count;
  }
}
