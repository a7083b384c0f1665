/**
 * The search's variant of the simulator kernel (src/core/sim/kernel.ts,
 * reference doc section 3): the same dispatch, stage clocks, admission and
 * counters, over a list of request indices (one component's requests) instead
 * of a contiguous range, and accumulating what the searches read instead of
 * writing finish/good arrays: per-model good requests, per-group received
 * requests (in the KernelState), and each request's latency (finish - arrival,
 * 0 when rejected) at its index in the training workload.
 *
 * tests/unit/placementKernel.test.ts checks it against runKernel on random
 * placements and workloads (identical counters and latencies).
 */
import { FIXED_OVERHEAD, type CompiledPlacement } from '../sim/compile';
import type { KernelState } from '../sim/kernel';

// a module-local copy: an imported binding read in the loop costs a getter call under some loaders
const OVERHEAD = FIXED_OVERHEAD;

export function runCountingKernel(
  p: CompiledPlacement,
  st: KernelState,
  slo: Float64Array,
  time: Float64Array,
  model: Int32Array,
  reqs: Int32Array,
  modelGood: Float64Array,
  latency: Float64Array,
  allIndex: Int32Array,
): void {
  const { stageStart, replicaStart, replicaGroup, replicaLatency, latency: stageLat } = p;
  const { clock, tmp, groupRequests } = st;
  const n = reqs.length;
  for (let k = 0; k < n; k++) {
    const i = reqs[k];
    const m = model[i];
    const t0 = time[i];
    const rs = replicaStart[m];
    const re = replicaStart[m + 1];
    if (rs === re) {
      latency[allIndex[i]] = 0;
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
    const s0 = stageStart[g];
    const pp = stageStart[g + 1] - s0;
    const lo = replicaLatency[best];
    let t = t0;
    if (pp === 1) {
      const c = clock[s0];
      if (c > t) t = c;
      t += stageLat[lo];
      tmp[0] = t;
    } else {
      for (let s = 0; s < pp; s++) {
        const c = clock[s0 + s];
        if (c > t) t = c;
        t += stageLat[lo + s];
        tmp[s] = t;
      }
    }
    const fin = t + OVERHEAD;
    groupRequests[g]++;
    if (fin - t0 <= slo[m]) {
      for (let s = 0; s < pp; s++) clock[s0 + s] = tmp[s];
      modelGood[m]++;
      latency[allIndex[i]] = fin - t0;
    } else {
      latency[allIndex[i]] = 0;
    }
  }
}
