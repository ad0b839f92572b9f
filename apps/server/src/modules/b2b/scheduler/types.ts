/**
 * The B2B fair scheduler's input and output: pure data, no database, no clock.
 * The service that wires it in reads the fair's slots, tables, companies,
 * interpreters and wanted meetings, calls `scheduleMeetings`, and stores the result.
 */
export interface SchedulerInput {
  /** The fair's time slots, ordered by index (breaks are simply missing indices). */
  slots: { id: string; index: number }[];
  /** Tables are interchangeable: any meeting may sit at any table. */
  tables: { id: string }[];
  /** Buyers and sellers alike. `maxMeetings` is the company's cap for the whole fair (kept meetings count). */
  companies: { id: string; unavailableSlotIds?: string[]; maxMeetings?: number }[];
  interpreters: { id: string; languages: string[]; availableSlotIds: string[]; maxMeetings: number }[];
  wanted: {
    id: string;
    buyerId: string;
    sellerId: string;
    /** Higher = more important (forced/protocol meetings highest). Must be positive to be worth placing. */
    priority: number;
    /** The language an interpreter must speak (null = the parties share a language). */
    language: string | null;
  }[];
  /** Meetings already published: kept exactly in place (incremental re-run). Trusted as given. */
  keep?: { wantedId: string; slotId: string; tableId: string; interpreterId: string | null }[];
  /** Seed of the tie-breaking order: the same input and seed give the same schedule. */
  seed?: number;
  /**
   * Work budget of the improvement phase, in placement checks (default 6 million, about half a
   * second on one core). A count, not a clock, so the schedule does not depend on the machine.
   */
  effort?: number;
}

export interface ScheduledMeeting {
  wantedId: string;
  slotId: string;
  tableId: string;
  interpreterId: string | null;
}

export type UnplacedReason = 'company_busy' | 'no_table' | 'no_interpreter' | 'company_cap' | 'infeasible';

export interface SchedulerResult {
  /** Kept meetings first, unchanged, then the new ones. */
  meetings: ScheduledMeeting[];
  unplaced: { wantedId: string; reason: UnplacedReason }[];
  /** Sum of the priorities of the placed meetings (kept ones included). */
  objective: number;
  /** Idle slots between a company's first and last meeting, summed over companies (the tiebreak). */
  idleGaps: number;
  /** Placement checks made: the deterministic measure of the effort spent. */
  work: number;
}

export interface Violation {
  rule:
    | 'unknown_reference'
    | 'duplicate_meeting'
    | 'company_double_booked'
    | 'company_unavailable'
    | 'company_cap'
    | 'table_double_booked'
    | 'interpreter_double_booked'
    | 'interpreter_unavailable'
    | 'interpreter_language'
    | 'interpreter_cap'
    | 'interpreter_missing'
    | 'keep_moved';
  detail: string;
}
