import type { SchedulerInput } from './types';

const NO_CAP = 1 << 30;

/**
 * The input turned into integers and flat arrays: the search checks a placement
 * millions of times, and a Map lookup per check would dominate its cost.
 */
export interface Problem {
  slotCount: number;
  tableCount: number;
  companyCount: number;
  interpreterCount: number;
  wantedCount: number;
  /** companyUnavailable[c * slotCount + s] = 1 when company c cannot meet in slot s. */
  companyUnavailable: Uint8Array;
  companyCap: Int32Array;
  interpreterAvailable: Uint8Array;
  interpreterCap: Int32Array;
  buyer: Int32Array;
  seller: Int32Array;
  priority: Float64Array;
  /** Interpreters who speak the meeting's language; empty when none is needed. */
  candidates: Int32Array[];
  needsInterpreter: Uint8Array;
  /** 1 when no schedule can hold the meeting (unknown company, same company twice, no one speaks the language). */
  infeasible: Uint8Array;
  slotIds: string[];
  tableIds: string[];
  interpreterIds: string[];
  wantedIds: string[];
  slotPos: Map<string, number>;
  tablePos: Map<string, number>;
  interpreterPos: Map<string, number>;
  wantedPos: Map<string, number>;
}

function positions(ids: string[]): Map<string, number> {
  const map = new Map<string, number>();
  ids.forEach((id, k) => {
    if (!map.has(id)) map.set(id, k);
  });
  return map;
}

export function buildProblem(input: SchedulerInput): Problem {
  const slots = [...input.slots].sort((a, b) => a.index - b.index);
  const S = slots.length;
  const slotIds = slots.map((s) => s.id);
  const slotPos = positions(slotIds);
  const companyPos = positions(input.companies.map((c) => c.id));
  const C = input.companies.length;
  const companyUnavailable = new Uint8Array(C * S);
  const companyCap = new Int32Array(C);
  input.companies.forEach((company, c) => {
    companyCap[c] = company.maxMeetings ?? NO_CAP;
    for (const slotId of company.unavailableSlotIds ?? []) {
      const s = slotPos.get(slotId);
      if (s !== undefined) companyUnavailable[c * S + s] = 1;
    }
  });
  const I = input.interpreters.length;
  const interpreterAvailable = new Uint8Array(I * S);
  const interpreterCap = new Int32Array(I);
  const speakers = new Map<string, number[]>();
  input.interpreters.forEach((interpreter, i) => {
    interpreterCap[i] = interpreter.maxMeetings;
    for (const slotId of interpreter.availableSlotIds) {
      const s = slotPos.get(slotId);
      if (s !== undefined) interpreterAvailable[i * S + s] = 1;
    }
    for (const language of new Set(interpreter.languages)) {
      const list = speakers.get(language) ?? [];
      list.push(i);
      speakers.set(language, list);
    }
  });
  const W = input.wanted.length;
  const buyer = new Int32Array(W);
  const seller = new Int32Array(W);
  const priority = new Float64Array(W);
  const needsInterpreter = new Uint8Array(W);
  const infeasible = new Uint8Array(W);
  const candidates: Int32Array[] = [];
  const none = new Int32Array(0);
  const wantedIds = input.wanted.map((w) => w.id);
  const wantedPos = positions(wantedIds);
  input.wanted.forEach((wanted, w) => {
    const b = companyPos.get(wanted.buyerId);
    const s = companyPos.get(wanted.sellerId);
    buyer[w] = b ?? 0;
    seller[w] = s ?? 0;
    priority[w] = Number.isFinite(wanted.priority) ? wanted.priority : 0;
    let cands = none;
    if (wanted.language !== null) {
      needsInterpreter[w] = 1;
      cands = Int32Array.from(speakers.get(wanted.language) ?? []);
    }
    candidates.push(cands);
    if (
      b === undefined ||
      s === undefined ||
      b === s ||
      wantedPos.get(wanted.id) !== w ||
      !(priority[w] > 0) ||
      (wanted.language !== null && cands.length === 0)
    ) {
      infeasible[w] = 1;
    }
  });
  const tableIds = input.tables.map((t) => t.id);
  const interpreterIds = input.interpreters.map((i) => i.id);
  return {
    slotCount: S,
    tableCount: tableIds.length,
    companyCount: C,
    interpreterCount: I,
    wantedCount: W,
    companyUnavailable,
    companyCap,
    interpreterAvailable,
    interpreterCap,
    buyer,
    seller,
    priority,
    candidates,
    needsInterpreter,
    infeasible,
    slotIds,
    tableIds,
    interpreterIds,
    wantedIds,
    slotPos,
    tablePos: positions(tableIds),
    interpreterPos: positions(interpreterIds),
    wantedPos,
  };
}
