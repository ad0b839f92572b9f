/**
 * The assignment benchmark (`pnpm bench:assignment`, issue 11 §7): the automatic reviewer
 * assignment at the reference conference's scale (90 submissions, 20 reviewers, 3 each) and at
 * a large conference's (3,000 x 600 x 3, 5% of pairs conflicted, bids on 30%), with time, load
 * spread, bid satisfaction, topic match and conflicts assigned (counted here from the input,
 * not taken from the solver's own stats); the objective compared with an exact solver (HiGHS,
 * an LP/MIP solver in WebAssembly) on instances small enough for it; and the large instance
 * run in alternating rounds with a greedy baseline measured in the same run, judged on medians.
 *
 *   pnpm bench:assignment [--rounds 5] [--submissions 3000] [--reviewers 600] [--seed 1] [--unpruned]
 *
 * --unpruned also solves the large instance once on every eligible pair (slow) and compares.
 * Times are wall-clock and this process's CPU (user + system): on a machine shared with other
 * work the CPU figure is the one that says what the algorithm costs.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { assignReviewers, type AssignmentOptions } from '../src/modules/review/assignment/assign-reviewers';
import { exactAssignment } from '../src/modules/review/assignment/exact-solver';
import { greedyAssignment } from '../src/modules/review/assignment/greedy';
import { scoreAssignment, type AssignmentObjective } from '../src/modules/review/assignment/objective';
import { randomInstance, type InstanceShape } from '../src/modules/review/assignment/random-instance';
import type {
  AssignmentInput,
  AssignmentResult,
  SubmissionReviewerPair,
} from '../src/modules/review/assignment/types';

const { values: args } = parseArgs({
  // pnpm forwards a lone "--" as a positional.
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '5' },
    submissions: { type: 'string', default: '3000' },
    reviewers: { type: 'string', default: '600' },
    seed: { type: 'string', default: '1' },
    unpruned: { type: 'boolean', default: false },
  },
});
const rounds = Number(args.rounds);
if (!Number.isInteger(rounds) || rounds < 3) {
  console.error('--rounds must be a whole number of at least 3');
  process.exit(2);
}
const seed = Number(args.seed);

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function timed<T>(run: () => T): { result: T; wallMs: number; cpuMs: number } {
  const c = cpuMs();
  const t = performance.now();
  const result = run();
  return { result, wallMs: performance.now() - t, cpuMs: cpuMs() - c };
}
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const ms = (x: number): string => `${x.toFixed(0)} ms`;

/** Conflicted pairs among all assignments, counted from the input's own list. */
function conflictsAssigned(input: AssignmentInput, pairs: readonly SubmissionReviewerPair[]): number {
  const conflicted = new Set(input.conflicts.map((c) => `${c.submissionId}|${c.reviewerId}`));
  return pairs.filter((p) => conflicted.has(`${p.submissionId}|${p.reviewerId}`)).length;
}

function report(
  label: string,
  input: AssignmentInput,
  result: AssignmentResult,
  wallMs: number,
  cpu: number,
): void {
  const s = result.stats;
  console.log(
    `${label}: ${input.submissions.length} submissions x ${input.reviewers.length} reviewers x ${input.reviewsPerSubmission ?? 3}`,
  );
  console.log(
    `  time ${ms(wallMs)} wall, ${ms(cpu)} CPU; ${s.solves} solve(s) on ${s.candidatePairs} of ${s.eligiblePairs} eligible pairs`,
  );
  console.log(`  assigned ${s.proposed} new + ${s.kept} kept; shortfalls ${result.shortfalls.length}`);
  console.log(`  load min ${s.load.min} / max ${s.load.max} / mean ${s.load.mean.toFixed(2)}`);
  console.log(
    `  bids: ${pct(s.positiveBidShare)} of pairs with a positive bid, mean bid ${s.meanBid.toFixed(2)}`,
  );
  console.log(
    `  topics: ${pct(s.topicMatchShare)} of pairs share a topic, mean shared ${s.meanTopicMatches.toFixed(2)}`,
  );
  console.log(`  conflicts assigned: ${conflictsAssigned(input, result.assignments)} (must be 0)`);
}

const describeScore = (o: AssignmentObjective): string =>
  `missing ${o.missingReviews}, load squares ${o.loadSquares}, preference ${o.preference}`;

console.log(
  `Node ${process.version}, ${os.cpus().length} cores, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

// 1. The reference conference.
const referenceShape: InstanceShape = {
  submissions: 90,
  reviewers: 20,
  conflictRate: 0.05,
  bidRate: 0.3,
  seed,
};
const reference = randomInstance(referenceShape);
{
  const run = timed(() => assignReviewers(reference));
  report('Reference scale', reference, run.result, run.wallMs, run.cpuMs);
}

// 2. The exact comparison: the flow (with and without pruning forced) against HiGHS.
console.log('\nExact comparison (HiGHS LP on the same lexicographic objective; gap on preference):');
const exactShapes: { label: string; shape: InstanceShape; options?: AssignmentOptions }[] = [
  { label: 'reference 90x20', shape: referenceShape },
  {
    label: 'reference 90x20, pruned to 3 per submission',
    shape: referenceShape,
    options: { candidatesPerSubmission: 3 },
  },
  {
    label: '60x12, N=4, caps and kept',
    shape: {
      submissions: 60,
      reviewers: 12,
      reviewsPerSubmission: 4,
      conflictRate: 0.05,
      bidRate: 0.3,
      existingRate: 0.3,
      cappedRate: 0.2,
      seed: seed + 1,
    },
  },
  {
    label: '40x8, 30% conflicted',
    shape: { submissions: 40, reviewers: 8, conflictRate: 0.3, bidRate: 0.5, seed: seed + 2 },
  },
  {
    label: '120x15, bids on all pairs, pruned to 4',
    shape: { submissions: 120, reviewers: 15, conflictRate: 0.05, bidRate: 1, seed: seed + 3 },
    options: { candidatesPerSubmission: 4 },
  },
  {
    label: '50x25, N=2, caps',
    shape: {
      submissions: 50,
      reviewers: 25,
      reviewsPerSubmission: 2,
      conflictRate: 0.1,
      bidRate: 0.3,
      cappedRate: 0.4,
      seed: seed + 4,
    },
  },
];
const gaps: number[] = [];
let allEqual = true;
for (const { label, shape, options } of exactShapes) {
  const input = randomInstance(shape);
  const flow = timed(() => assignReviewers(input, options));
  const ours = scoreAssignment(
    input,
    flow.result.assignments.filter((a) => !a.kept),
  );
  const exactStart = performance.now();
  const exact = scoreAssignment(input, await exactAssignment(input));
  const exactMs = performance.now() - exactStart;
  const gap = Math.abs(exact.preference - ours.preference) / Math.max(1, Math.abs(exact.preference));
  const same =
    ours.missingReviews === exact.missingReviews && ours.loadSquares === exact.loadSquares && gap <= 0.001;
  allEqual &&= same && ours.invalidPairs === 0;
  gaps.push(gap);
  console.log(
    `  ${label}: flow ${describeScore(ours)} (${ms(flow.wallMs)}); exact ${describeScore(exact)} (${ms(exactMs)}); gap ${pct(gap)} ${same ? 'OK' : 'DIFFERENT'}`,
  );
}
console.log(
  `  mean gap ${pct(gaps.reduce((a, b) => a + b, 0) / gaps.length)} over ${gaps.length} instances: ${allEqual ? 'all equal' : 'NOT ALL EQUAL'}`,
);

// 3. The large conference, flow and greedy in alternating rounds.
const largeShape: InstanceShape = {
  submissions: Number(args.submissions),
  reviewers: Number(args.reviewers),
  conflictRate: 0.05,
  bidRate: 0.3,
  seed: seed + 100,
};
const generated = timed(() => randomInstance(largeShape));
const large = generated.result;
console.log(
  `\nLarge scale: ${large.submissions.length} x ${large.reviewers.length} x 3, ${large.conflicts.length} conflicted pairs, ${large.bids.length} bids (generated in ${ms(generated.wallMs)})`,
);
const flowTimes: { wall: number; cpu: number }[] = [];
const greedyTimes: { wall: number; cpu: number }[] = [];
let lastFlow: AssignmentResult | undefined;
let lastGreedy: SubmissionReviewerPair[] = [];
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? (['flow', 'greedy'] as const) : (['greedy', 'flow'] as const);
  for (const which of order) {
    if (which === 'flow') {
      const run = timed(() => assignReviewers(large));
      flowTimes.push({ wall: run.wallMs, cpu: run.cpuMs });
      lastFlow = run.result;
    } else {
      const run = timed(() => greedyAssignment(large));
      greedyTimes.push({ wall: run.wallMs, cpu: run.cpuMs });
      lastGreedy = run.result;
    }
  }
  console.log(
    `  round ${round + 1}: flow ${ms(flowTimes.at(-1)!.wall)} wall / ${ms(flowTimes.at(-1)!.cpu)} CPU; greedy ${ms(greedyTimes.at(-1)!.wall)} wall / ${ms(greedyTimes.at(-1)!.cpu)} CPU`,
  );
}
const flowWall = median(flowTimes.map((t) => t.wall));
const flowCpu = median(flowTimes.map((t) => t.cpu));
report('Large scale (last round)', large, lastFlow!, flowWall, flowCpu);
const flowScore = scoreAssignment(
  large,
  lastFlow!.assignments.filter((a) => !a.kept),
);
const greedyScore = scoreAssignment(large, lastGreedy);
console.log(
  `  median over ${rounds} rounds: flow ${ms(flowWall)} wall, ${ms(flowCpu)} CPU; greedy ${ms(median(greedyTimes.map((t) => t.wall)))} wall, ${ms(median(greedyTimes.map((t) => t.cpu)))} CPU`,
);
console.log(`  flow:   ${describeScore(flowScore)}`);
console.log(
  `  greedy: ${describeScore(greedyScore)}, conflicts assigned ${conflictsAssigned(large, lastGreedy)}`,
);
console.log(
  `  target under 5 s: ${flowWall < 5000 ? 'met' : 'NOT met'} on wall-clock median, ${flowCpu < 5000 ? 'met' : 'NOT met'} on CPU median`,
);

if (args.unpruned) {
  const full = timed(() => assignReviewers(large, { noPruning: true }));
  const fullScore = scoreAssignment(
    large,
    full.result.assignments.filter((a) => !a.kept),
  );
  const same = JSON.stringify(fullScore) === JSON.stringify(flowScore);
  console.log(
    `  unpruned (every eligible pair): ${describeScore(fullScore)} in ${ms(full.wallMs)} wall / ${ms(full.cpuMs)} CPU: ${same ? 'same objective as pruned' : 'DIFFERENT'}`,
  );
  allEqual &&= same;
}

const failed = !allEqual || conflictsAssigned(large, lastFlow!.assignments) > 0;
process.exit(failed ? 1 : 0);
