/**
 * The reference's fast simulator (reference doc section 3) on typed arrays.
 * Every pipeline stage of a group is a FIFO server with its own clock; a
 * request goes to the replica group whose last-stage clock is smallest (ties to
 * the lower group index), passes the stages in order, and is accepted only if
 * it meets its SLO; a rejected request costs nothing. No allocation per
 * request; the caller owns every array, so a run can be split into steps.
 */
import { FIXED_OVERHEAD as OVERHEAD, type CompiledPlacement } from './compile';

// a module-local copy: under some loaders (tsx) an imported binding is a getter, costly in the hot loop
const FIXED_OVERHEAD = OVERHEAD;

/** Mutable state of one placement's run: stage clocks and per-group counters. */
export interface KernelState {
  clock: Float64Array;
  /** scratch: tentative stage finish times of the current request */
  tmp: Float64Array;
  groupRequests: Float64Array;
  groupGood: Float64Array;
  /** busy seconds summed over the group's stages */
  groupBusy: Float64Array;
}

export function newKernelState(p: CompiledPlacement): KernelState {
  let maxPp = 1;
  for (let g = 0; g < p.numGroups; g++) maxPp = Math.max(maxPp, p.stageStart[g + 1] - p.stageStart[g]);
  return {
    clock: new Float64Array(p.stageStart[p.numGroups]),
    tmp: new Float64Array(maxPp),
    groupRequests: new Float64Array(p.numGroups),
    groupGood: new Float64Array(p.numGroups),
    groupBusy: new Float64Array(p.numGroups),
  };
}

/**
 * Serve requests [from, to) of the arrival stream on placement `p`, writing
 * finish[i] and good[i] (1 = within SLO). Rejected requests and requests of
 * models without a replica get finish = arrival and good = 0.
 */
export function runKernel(
  p: CompiledPlacement,
  st: KernelState,
  slo: Float64Array,
  time: Float64Array,
  model: Int32Array,
  finish: Float64Array,
  good: Uint8Array,
  from: number,
  to: number,
  /** optional: dispatched[i - dispatchOffset] receives request i's group (-1: no replica) */
  dispatched: Int32Array | null = null,
  dispatchOffset = 0,
): void {
  const { stageStart, replicaStart, replicaGroup, replicaLatency, replicaWork, latency } = p;
  const { clock, tmp, groupRequests, groupGood, groupBusy } = st;
  for (let i = from; i < to; i++) {
    const m = model[i];
    const t0 = time[i];
    const rs = replicaStart[m];
    const re = replicaStart[m + 1];
    if (rs === re) {
      finish[i] = t0;
      good[i] = 0;
      if (dispatched !== null) dispatched[i - dispatchOffset] = -1;
      continue;
    }
    // dispatch: smallest last-stage clock, strict <, ascending group order
    let best = rs;
    let g = replicaGroup[rs];
    let bestClock = clock[stageStart[g + 1] - 1];
    for (let r = rs + 1; r < re; r++) {
      const gr = replicaGroup[r];
      const c = clock[stageStart[gr + 1] - 1];
      if (c < bestClock) {
        bestClock = c;
        best = r;
        g = gr;
      }
    }
    if (dispatched !== null) dispatched[i - dispatchOffset] = g;
    const s0 = stageStart[g];
    const pp = stageStart[g + 1] - s0;
    const lo = replicaLatency[best];
    let t = t0;
    for (let k = 0; k < pp; k++) {
      const c = clock[s0 + k];
      if (c > t) t = c;
      t += latency[lo + k];
      tmp[k] = t;
    }
    const fin = t + FIXED_OVERHEAD;
    groupRequests[g]++;
    if (fin - t0 <= slo[m]) {
      finish[i] = fin;
      good[i] = 1;
      for (let k = 0; k < pp; k++) clock[s0 + k] = tmp[k];
      groupGood[g]++;
      groupBusy[g] += replicaWork[best];
    } else {
      finish[i] = t0;
      good[i] = 0;
    }
  }
}
