import { buildProblem } from './model';
import type { SchedulerInput } from './types';

/**
 * The scheduling problem as a mixed-integer linear programme in CPLEX LP text, for an
 * exact solver (HiGHS through the `highs` package, a devDependency: the benchmark and
 * tests use it to measure how far the scheduler is from the optimum). Kept meetings
 * are not modelled: compare on inputs without `keep`.
 *
 * One binary per (meeting, slot) when no interpreter is needed, per (meeting, slot,
 * interpreter) when one is; rows: each meeting at most once, each company and each
 * interpreter at most once per slot, tables per slot, company and interpreter caps.
 */
export function exactModel(input: SchedulerInput): string {
  const p = buildProblem(input);
  const S = p.slotCount;
  const rows = new Map<string, string[]>();
  const row = (name: string, variable: string) => {
    const list = rows.get(name);
    if (list) list.push(variable);
    else rows.set(name, [variable]);
  };
  const objective: string[] = [];
  const binaries: string[] = [];
  for (let w = 0; w < p.wantedCount; w++) {
    if (p.infeasible[w] === 1) continue;
    const b = p.buyer[w]!;
    const c = p.seller[w]!;
    for (let s = 0; s < S; s++) {
      if (p.companyUnavailable[b * S + s] === 1 || p.companyUnavailable[c * S + s] === 1) continue;
      const variables: [string, number][] =
        p.needsInterpreter[w] === 1
          ? [...p.candidates[w]!]
              .filter((i) => p.interpreterAvailable[i * S + s] === 1)
              .map((i) => [`y${w}_${s}_${i}`, i])
          : [[`x${w}_${s}`, -1]];
      for (const [v, i] of variables) {
        binaries.push(v);
        objective.push(`${p.priority[w]} ${v}`);
        row(`once${w}`, v);
        row(`c${b}_${s}`, v);
        row(`c${c}_${s}`, v);
        row(`table${s}`, v);
        row(`cap${b}`, v);
        row(`cap${c}`, v);
        if (i >= 0) {
          row(`i${i}_${s}`, v);
          row(`icap${i}`, v);
        }
      }
    }
  }
  const bound = (name: string): number | null => {
    if (name.startsWith('once') || /^[ci]\d+_\d+$/.test(name)) return 1;
    if (name.startsWith('table')) return p.tableCount;
    if (name.startsWith('icap')) return p.interpreterCap[Number(name.slice(4))]!;
    const cap = p.companyCap[Number(name.slice(3))]!;
    return cap >= 1 << 30 ? null : cap;
  };
  const lines = (terms: string[]) => {
    const out: string[] = [];
    for (let k = 0; k < terms.length; k += 8) out.push(' ' + terms.slice(k, k + 8).join(' + '));
    return out.join('\n +');
  };
  const constraints: string[] = [];
  for (const [name, variables] of rows) {
    const limit = bound(name);
    if (limit === null || variables.length <= limit) continue;
    constraints.push(` ${name}: ${lines(variables)} <= ${limit}`);
  }
  return [
    'Maximize',
    ` obj: ${objective.length ? lines(objective) : '0 dummy'}`,
    'Subject To',
    ...(constraints.length ? constraints : [' none: 0 dummy >= 0']),
    'Binary',
    ...binaries.map((v) => ` ${v}`),
    ...(objective.length ? [] : [' dummy']),
    'End',
  ].join('\n');
}
