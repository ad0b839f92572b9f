import loadHighs, { type Highs } from 'highs';
import { ELIGIBLE, toDenseInstance } from './instance';
import type { AssignmentInput, SubmissionReviewerPair } from './types';

/**
 * The exact reference for tests and the benchmark (not used in production): the same
 * lexicographic objective written as one integer program and solved by HiGHS (WebAssembly).
 * x_sr binary per eligible pair, z_s >= 0 missing reviews of s, u_rk in [0, 1] the k-th new
 * review of reviewer r at cost BALANCE * (kept_r + k) (convex, so the solver fills them in
 * order). Weights: a missing review outweighs any load, a load step outweighs any preference.
 */
let highsPromise: Promise<Highs> | undefined;
export function loadExactSolver(): Promise<Highs> {
  highsPromise ??= loadHighs();
  return highsPromise;
}

export interface ExactOptions {
  /**
   * Declare x binary (a MIP). Off by default: the constraint matrix is a network matrix (totally
   * unimodular), so the LP's optimal vertex is already whole; the answer is checked to be whole.
   */
  integer?: boolean;
}

export async function exactAssignment(
  input: AssignmentInput,
  options: ExactOptions = {},
): Promise<SubmissionReviewerPair[]> {
  const highs = await loadExactSolver();
  const inst = toDenseInstance(input);
  const { nS, nR, pairState, preference, need, capacity, keptPerReviewer } = inst;
  if (nS === 0) return [];
  let hi = 0;
  let lo = 0;
  let demand = 0;
  for (const n of need) demand += n;
  const pairs: number[] = [];
  for (let p = 0; p < pairState.length; p++)
    if (pairState[p] === ELIGIBLE) {
      if (pairs.length === 0) hi = lo = preference[p]!;
      hi = Math.max(hi, preference[p]!);
      lo = Math.min(lo, preference[p]!);
      pairs.push(p);
    }
  const balance = (hi - lo) * demand + 1;
  let maxLoad = 0;
  for (let r = 0; r < nR; r++) maxLoad = Math.max(maxLoad, keptPerReviewer[r]! + capacity[r]!);
  const missingPenalty = balance * (maxLoad + 1) * 2 + (hi - lo) * (nS + nR + 2) + 1;

  const objective: string[] = [];
  const bySubmission: string[][] = Array.from({ length: nS }, () => []);
  const byReviewer: string[][] = Array.from({ length: nR }, () => []);
  const binaries: string[] = [];
  const bounds: string[] = [];
  for (const p of pairs) {
    const s = Math.floor(p / nR);
    const r = p - s * nR;
    const x = `x${p}`;
    objective.push(`+ ${hi - preference[p]!} ${x}`);
    bySubmission[s]!.push(x);
    byReviewer[r]!.push(x);
    binaries.push(x);
    bounds.push(`0 <= ${x} <= 1`);
  }
  for (let s = 0; s < nS; s++) {
    objective.push(`+ ${missingPenalty} z${s}`);
    bounds.push(`z${s} >= 0`);
  }
  const constraints: string[] = [];
  for (let s = 0; s < nS; s++)
    constraints.push(`s${s}: ${[...bySubmission[s]!, `z${s}`].join(' + ')} = ${need[s]!}`);
  for (let r = 0; r < nR; r++) {
    const units = Math.min(capacity[r]!, byReviewer[r]!.length);
    if (byReviewer[r]!.length === 0) continue;
    const us: string[] = [];
    for (let k = 1; k <= units; k++) {
      const u = `u${r}_${k}`;
      us.push(u);
      objective.push(`+ ${balance * (keptPerReviewer[r]! + k)} ${u}`);
      bounds.push(`0 <= ${u} <= 1`);
    }
    constraints.push(`r${r}: ${byReviewer[r]!.join(' + ')}${us.map((u) => ` - ${u}`).join('')} = 0`);
  }
  const lp = [
    'Minimize',
    ` obj: ${objective.join(' ').replace(/^\+ /, '') || '0 z0'}`,
    'Subject To',
    ...constraints.map((c) => ` ${c}`),
    'Bounds',
    ...bounds.map((b) => ` ${b}`),
    ...(options.integer && binaries.length > 0 ? ['Binary', ` ${binaries.join(' ')}`] : []),
    'End',
  ].join('\n');
  const result = highs.solve(lp, { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.5 });
  if (result.Status !== 'Optimal') throw new Error(`exact solver ended with status ${result.Status}`);
  const out: SubmissionReviewerPair[] = [];
  for (const p of pairs) {
    const col = result.Columns[`x${p}`];
    const value = col && 'Primal' in col ? col.Primal : 0;
    if (Math.abs(value - Math.round(value)) > 1e-6)
      throw new Error(`exact solver: x${p} = ${value} is not whole`);
    if (value > 0.5)
      out.push({
        submissionId: inst.submissionIds[Math.floor(p / nR)]!,
        reviewerId: inst.reviewerIds[p % nR]!,
      });
  }
  return out;
}
