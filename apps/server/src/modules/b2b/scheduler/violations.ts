import type { SchedulerInput, SchedulerResult, Violation } from './types';

/**
 * Every hard rule the result breaks, checked from the input alone (no code shared
 * with the scheduler, so it can judge it): the tests' and the benchmark's oracle.
 */
export function violations(input: SchedulerInput, result: Pick<SchedulerResult, 'meetings'>): Violation[] {
  const found: Violation[] = [];
  const add = (rule: Violation['rule'], detail: string) => found.push({ rule, detail });
  const slots = new Set(input.slots.map((s) => s.id));
  const tables = new Set(input.tables.map((t) => t.id));
  const companies = new Map(input.companies.map((c) => [c.id, c]));
  const interpreters = new Map(input.interpreters.map((i) => [i.id, i]));
  const wanted = new Map(input.wanted.map((w) => [w.id, w]));
  const seen = new Set<string>();
  const busy = new Map<string, string>();
  const count = new Map<string, number>();
  const book = (key: string, wantedId: string): string | undefined => {
    const other = busy.get(key);
    if (other === undefined) busy.set(key, wantedId);
    return other;
  };
  const bump = (key: string) => {
    const n = (count.get(key) ?? 0) + 1;
    count.set(key, n);
    return n;
  };
  for (const m of result.meetings) {
    const w = wanted.get(m.wantedId);
    if (!w || !slots.has(m.slotId) || !tables.has(m.tableId)) {
      add('unknown_reference', `${m.wantedId} at ${m.slotId}/${m.tableId}`);
      continue;
    }
    if (seen.has(m.wantedId)) add('duplicate_meeting', m.wantedId);
    seen.add(m.wantedId);
    const table = book(`t|${m.tableId}|${m.slotId}`, m.wantedId);
    if (table !== undefined)
      add('table_double_booked', `${m.tableId} in ${m.slotId}: ${table} and ${m.wantedId}`);
    for (const companyId of new Set([w.buyerId, w.sellerId])) {
      const company = companies.get(companyId);
      if (!company) {
        add('unknown_reference', `company ${companyId} of ${m.wantedId}`);
        continue;
      }
      const other = book(`c|${companyId}|${m.slotId}`, m.wantedId);
      if (other !== undefined)
        add('company_double_booked', `${companyId} in ${m.slotId}: ${other} and ${m.wantedId}`);
      if (company.unavailableSlotIds?.includes(m.slotId))
        add('company_unavailable', `${companyId} in ${m.slotId}`);
      const n = bump(`c|${companyId}`);
      if (company.maxMeetings !== undefined && n === company.maxMeetings + 1) add('company_cap', companyId);
    }
    if (m.interpreterId === null) {
      if (w.language !== null) add('interpreter_missing', m.wantedId);
      continue;
    }
    const interpreter = interpreters.get(m.interpreterId);
    if (!interpreter) {
      add('unknown_reference', `interpreter ${m.interpreterId} of ${m.wantedId}`);
      continue;
    }
    const other = book(`i|${m.interpreterId}|${m.slotId}`, m.wantedId);
    if (other !== undefined)
      add('interpreter_double_booked', `${m.interpreterId} in ${m.slotId}: ${other} and ${m.wantedId}`);
    if (!interpreter.availableSlotIds.includes(m.slotId))
      add('interpreter_unavailable', `${m.interpreterId} in ${m.slotId}`);
    if (w.language !== null && !interpreter.languages.includes(w.language)) {
      add('interpreter_language', `${m.interpreterId} for ${w.language} in ${m.wantedId}`);
    }
    if (bump(`i|${m.interpreterId}`) === interpreter.maxMeetings + 1) add('interpreter_cap', m.interpreterId);
  }
  const placed = new Map(result.meetings.map((m) => [m.wantedId, m]));
  for (const k of input.keep ?? []) {
    const m = placed.get(k.wantedId);
    if (!m || m.slotId !== k.slotId || m.tableId !== k.tableId || m.interpreterId !== k.interpreterId) {
      add('keep_moved', k.wantedId);
    }
  }
  return found;
}
