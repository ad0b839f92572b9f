import { ELIGIBLE, type DenseInstance } from './instance';

/**
 * Min-cost max-flow for reviewer assignment: source -> submission (capacity: reviews it still
 * needs) -> reviewer (one arc per candidate pair, capacity 1, cost: best preference minus the
 * pair's) -> sink (a convex arc: the k-th review of a reviewer costs BALANCE * k, as parallel
 * arcs of rising cost would, without storing them).
 *
 * BALANCE is larger than any difference preference can make, so among maximum flows the
 * cheapest is first the most even load (least sum of squared loads: every reviewer within one
 * of the mean when the caps, conflicts and kept assignments allow it) and then the best total
 * preference. This is HotCRP's model with the load rule made exact.
 *
 * Algorithm: successive shortest paths with node potentials (primal-dual). Each phase runs
 * Dijkstra on reduced costs, stopped when the sink is settled (unsettled nodes get the sink's
 * distance, which keeps every reduced cost non-negative), then pushes a blocking flow through
 * the zero-reduced-cost arcs (Dinic), so one phase moves many units. The potentials that come
 * out are a dual certificate: the caller checks pruned pairs against them.
 */

export interface FlowSolution {
  /** Candidate pair indices (s * nR + r) in the flow: the new assignments. */
  assignedPairs: number[];
  /** New reviews per submission and per reviewer. */
  sent: Int32Array;
  load: Int32Array;
  /** Node potentials: node 0 source, 1..nS submissions, nS+1..nS+nR reviewers, nS+nR+1 sink. */
  potential: Float64Array;
  /** Cost of pair p's arc (best preference - preference[p]) and the balance unit. */
  preferenceCeiling: number;
  balanceUnit: number;
  phases: number;
}

/** Best and worst preference over eligible pairs, and the balance unit that dominates preference. */
export function costScale(inst: DenseInstance): { ceiling: number; balanceUnit: number } {
  let hi = -Infinity;
  let lo = Infinity;
  for (let p = 0; p < inst.pairState.length; p++) {
    if (inst.pairState[p] !== ELIGIBLE) continue;
    const v = inst.preference[p]!;
    if (v > hi) hi = v;
    if (v < lo) lo = v;
  }
  if (hi === -Infinity) return { ceiling: 0, balanceUnit: 1 };
  let demand = 0;
  for (const n of inst.need) demand += n;
  return { ceiling: hi, balanceUnit: (hi - lo) * demand + 1 };
}

/** Solves on the candidate pairs only (each eligible, listed once, sorted by pair index). */
export function solveMinCostFlow(inst: DenseInstance, candidates: Int32Array): FlowSolution {
  const { nS, nR, need, capacity, keptPerReviewer, preference } = inst;
  const { ceiling, balanceUnit } = costScale(inst);
  const S = 0;
  const T = nS + nR + 1;
  const V = T + 1;
  const revNode = nS + 1;

  // Arcs in CSR by submission (candidates are sorted by pair index, hence by submission).
  const m = candidates.length;
  const arcRev = new Int32Array(m);
  const arcCost = new Float64Array(m);
  const arcSub = new Int32Array(m);
  const subStart = new Int32Array(nS + 1);
  const revDegree = new Int32Array(nR + 1);
  for (let a = 0; a < m; a++) {
    const p = candidates[a]!;
    const s = Math.floor(p / nR);
    const r = p - s * nR;
    arcSub[a] = s;
    arcRev[a] = r;
    arcCost[a] = ceiling - preference[p]!;
    subStart[s + 1]! += 1;
    revDegree[r + 1]! += 1;
  }
  for (let s = 0; s < nS; s++) subStart[s + 1]! += subStart[s]!;
  const revStart = new Int32Array(nR + 1);
  for (let r = 0; r < nR; r++) revStart[r + 1] = revStart[r]! + revDegree[r + 1]!;
  const revArcs = new Int32Array(m);
  const fill = revStart.slice(0, nR);
  for (let a = 0; a < m; a++) revArcs[fill[arcRev[a]!]!++] = a;

  const flow = new Uint8Array(m);
  const sent = new Int32Array(nS);
  const load = new Int32Array(nR);
  const pi = new Float64Array(V);
  const sinkCost = (r: number): number => balanceUnit * (keptPerReviewer[r]! + load[r]! + 1);

  // Dijkstra state and a binary heap of (distance, node) with lazy deletion.
  const dist = new Float64Array(V);
  const settled = new Uint8Array(V);
  let heapKeys = new Float64Array(1024);
  let heapNodes = new Int32Array(1024);
  let heapSize = 0;
  const push = (key: number, node: number): void => {
    if (heapSize === heapKeys.length) {
      const k = new Float64Array(heapSize * 2);
      k.set(heapKeys);
      heapKeys = k;
      const n = new Int32Array(heapSize * 2);
      n.set(heapNodes);
      heapNodes = n;
    }
    let i = heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heapKeys[parent]! <= key) break;
      heapKeys[i] = heapKeys[parent]!;
      heapNodes[i] = heapNodes[parent]!;
      i = parent;
    }
    heapKeys[i] = key;
    heapNodes[i] = node;
  };
  const pop = (): number => {
    const top = heapNodes[0]!;
    const key = heapKeys[--heapSize]!;
    const node = heapNodes[heapSize]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= heapSize) break;
      if (child + 1 < heapSize && heapKeys[child + 1]! < heapKeys[child]!) child++;
      if (heapKeys[child]! >= key) break;
      heapKeys[i] = heapKeys[child]!;
      heapNodes[i] = heapNodes[child]!;
      i = child;
    }
    heapKeys[i] = key;
    heapNodes[i] = node;
    return top;
  };
  const relax = (v: number, d: number): void => {
    if (d < dist[v]!) {
      dist[v] = d;
      push(d, v);
    }
  };

  /** Shortest reduced distances from the source, stopped at the sink; false when the sink is unreachable. */
  const dijkstra = (): boolean => {
    dist.fill(Infinity);
    settled.fill(0);
    heapSize = 0;
    dist[S] = 0;
    push(0, S);
    while (heapSize > 0) {
      const u = pop();
      if (settled[u]) continue;
      settled[u] = 1;
      if (u === T) break;
      const du = dist[u]!;
      if (u === S) {
        for (let s = 0; s < nS; s++) if (sent[s]! < need[s]!) relax(1 + s, du + pi[S]! - pi[1 + s]!);
      } else if (u <= nS) {
        const s = u - 1;
        for (let a = subStart[s]!; a < subStart[s + 1]!; a++)
          if (flow[a] === 0) {
            const v = revNode + arcRev[a]!;
            relax(v, du + arcCost[a]! + pi[u]! - pi[v]!);
          }
      } else {
        const r = u - revNode;
        for (let i = revStart[r]!; i < revStart[r + 1]!; i++) {
          const a = revArcs[i]!;
          if (flow[a] === 1) {
            const v = 1 + arcSub[a]!;
            relax(v, du - arcCost[a]! + pi[u]! - pi[v]!);
          }
        }
        if (load[r]! < capacity[r]!) relax(T, du + sinkCost(r) + pi[u]! - pi[T]!);
      }
    }
    if (!settled[T]) return false;
    const dT = dist[T]!;
    for (let v = 0; v < V; v++) pi[v]! += settled[v] ? dist[v]! : dT;
    return true;
  };

  // Blocking flow on arcs of zero reduced cost (Dinic: BFS levels, then DFS with current-arc
  // pointers). The potentials do not move within a phase, so the pair arcs of zero reduced cost
  // (usable forward when free, backward when used) are listed once per phase: usually a small
  // share of all arcs, and the rounds then scan only them.
  const level = new Int32Array(V);
  const cursor = new Int32Array(V);
  const queue = new Int32Array(V);
  const pathNodes = new Int32Array(V + 1);
  const pathChoice = new Int32Array(V + 1);
  const zeroSubStart = new Int32Array(nS + 1);
  const zeroRevStart = new Int32Array(nR + 1);
  const zeroSubArcs = new Int32Array(m);
  const zeroRevArcs = new Int32Array(m);
  const sources = new Int32Array(nS);
  let sourceCount = 0;
  const listZeroArcs = (): void => {
    sourceCount = 0;
    for (let s = 0; s < nS; s++) if (pi[S] === pi[1 + s]) sources[sourceCount++] = s;
    let k = 0;
    zeroRevStart.fill(0);
    for (let s = 0; s < nS; s++) {
      zeroSubStart[s] = k;
      const u = 1 + s;
      for (let a = subStart[s]!; a < subStart[s + 1]!; a++)
        if (arcCost[a]! + pi[u]! - pi[revNode + arcRev[a]!]! === 0) {
          zeroSubArcs[k++] = a;
          zeroRevStart[arcRev[a]! + 1]! += 1;
        }
    }
    zeroSubStart[nS] = k;
    for (let r = 0; r < nR; r++) zeroRevStart[r + 1]! += zeroRevStart[r]!;
    const at = zeroRevStart.slice(0, nR);
    for (let i = 0; i < k; i++) {
      const a = zeroSubArcs[i]!;
      zeroRevArcs[at[arcRev[a]!]!++] = a;
    }
  };
  /** The admissible arc at position `i` of node u's zero-cost list, as the node it leads to, or -1. */
  const admissible = (u: number, i: number): number => {
    if (u === S) {
      const s = sources[i]!;
      return sent[s]! < need[s]! ? 1 + s : -1;
    }
    if (u <= nS) {
      const a = zeroSubArcs[zeroSubStart[u - 1]! + i]!;
      return flow[a] === 0 ? revNode + arcRev[a]! : -1;
    }
    const r = u - revNode;
    const deg = zeroRevStart[r + 1]! - zeroRevStart[r]!;
    if (i < deg) {
      const a = zeroRevArcs[zeroRevStart[r]! + i]!;
      return flow[a] === 1 ? 1 + arcSub[a]! : -1;
    }
    return load[r]! < capacity[r]! && sinkCost(r) + pi[u]! - pi[T]! === 0 ? T : -1;
  };
  const arcCount = (u: number): number => {
    if (u === S) return sourceCount;
    if (u <= nS) return zeroSubStart[u]! - zeroSubStart[u - 1]!;
    const r = u - revNode;
    return zeroRevStart[r + 1]! - zeroRevStart[r]! + 1;
  };
  const augment = (length: number): void => {
    for (let k = 0; k < length; k++) {
      const u = pathNodes[k]!;
      const i = pathChoice[k]!;
      if (u === S) sent[sources[i]!]! += 1;
      else if (u <= nS) flow[zeroSubArcs[zeroSubStart[u - 1]! + i]!] = 1;
      else {
        const r = u - revNode;
        if (i < zeroRevStart[r + 1]! - zeroRevStart[r]!) flow[zeroRevArcs[zeroRevStart[r]! + i]!] = 0;
        else load[r]! += 1;
      }
    }
  };
  const blockingFlow = (): number => {
    listZeroArcs();
    let pushed = 0;
    for (;;) {
      level.fill(-1);
      level[S] = 0;
      let head = 0;
      let tail = 0;
      queue[tail++] = S;
      while (head < tail) {
        const u = queue[head++]!;
        if (u === T) continue;
        const n = arcCount(u);
        for (let i = 0; i < n; i++) {
          const v = admissible(u, i);
          if (v >= 0 && level[v] === -1) {
            level[v] = level[u]! + 1;
            queue[tail++] = v;
          }
        }
      }
      if (level[T] === -1) return pushed;
      cursor.fill(0);
      let depth = 0;
      pathNodes[0] = S;
      while (depth >= 0) {
        const u = pathNodes[depth]!;
        if (u === T) {
          augment(depth);
          pushed++;
          depth = 0;
          continue;
        }
        const n = arcCount(u);
        let next = -1;
        while (cursor[u]! < n) {
          const v = admissible(u, cursor[u]!);
          if (v >= 0 && level[v] === level[u]! + 1) {
            next = v;
            break;
          }
          cursor[u]! += 1;
        }
        if (next < 0) {
          level[u] = -1; // a dead end for the rest of this level graph
          depth--;
          if (depth >= 0) cursor[pathNodes[depth]!]! += 1;
        } else {
          pathChoice[depth] = cursor[u]!;
          pathNodes[++depth] = next;
        }
      }
    }
  };

  let phases = 0;
  while (dijkstra()) {
    phases++;
    if (blockingFlow() === 0) throw new Error('min-cost flow: a shortest path was found but no flow moved');
  }

  const assignedPairs: number[] = [];
  for (let a = 0; a < m; a++) if (flow[a] === 1) assignedPairs.push(candidates[a]!);
  return { assignedPairs, sent, load, potential: pi, preferenceCeiling: ceiling, balanceUnit, phases };
}
