/**
 * Statistics of a run in the v1 results shape (reference doc section 3,
 * "Statistics"): warmup trimming by count, per-model attainment and latency
 * percentiles over good requests, the untrimmed block, and the search score.
 */
import type { ModelStats } from './results';

/** skip = floor(warmup / (last - first) * N); 0 when warmup is 0. */
export function warmupSkip(time: Float64Array, warmup: number): number {
  const n = time.length;
  if (n === 0 || warmup <= 0) return 0;
  const span = time[n - 1] - time[0];
  if (span <= 0) return n; // every request at one instant: any warmup covers them all
  return Math.floor((warmup / span) * n);
}

/** Exactly-rounded-ish sum (Neumaier), close to Python's math.fsum. */
export function accurateSum(xs: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const t = s + x;
    if (Math.abs(s) >= Math.abs(x)) c += s - t + x;
    else c += x - t + s;
    s = t;
  }
  return s + c;
}

/** sorted[floor(q * n)], the reference's percentile rule. */
export function percentile(sorted: Float64Array, q: number): number {
  return sorted[Math.floor(q * sorted.length)];
}

export interface WindowStats {
  perModel: ModelStats[];
  requests: number;
  good: number;
  latencyMean: number | null;
  latencyMeanAllRequests: number | null;
}

/** Per-model and overall figures over requests [lo, hi). */
export function windowStats(
  numModels: number,
  time: Float64Array,
  model: Int32Array,
  finish: Float64Array,
  good: Uint8Array,
  lo: number,
  hi: number,
): WindowStats {
  const req = new Float64Array(numModels);
  const ok = new Float64Array(numModels);
  for (let i = lo; i < hi; i++) {
    const m = model[i];
    req[m]++;
    if (good[i]) ok[m]++;
  }
  const lat: Float64Array[] = [];
  for (let m = 0; m < numModels; m++) lat.push(new Float64Array(ok[m]));
  const fill = new Int32Array(numModels);
  const all = new Float64Array(hi - lo);
  let allGood = 0;
  for (let i = lo; i < hi; i++) {
    if (!good[i]) continue;
    const m = model[i];
    const l = finish[i] - time[i];
    lat[m][fill[m]++] = l;
    all[allGood++] = l;
  }
  const perModel: ModelStats[] = [];
  let requests = 0;
  let goodCount = 0;
  for (let m = 0; m < numModels; m++) {
    requests += req[m];
    goodCount += ok[m];
    const l = lat[m];
    if (l.length > 0) {
      let sum = 0;
      for (let k = 0; k < l.length; k++) sum += l[k];
      l.sort();
      perModel.push({
        requests: req[m],
        good: ok[m],
        attainment: ok[m] / req[m],
        latencyMean: sum / l.length,
        latencyP50: percentile(l, 0.5),
        latencyP90: percentile(l, 0.9),
        latencyP99: percentile(l, 0.99),
      });
    } else {
      perModel.push({
        requests: req[m],
        good: 0,
        attainment: req[m] > 0 ? 0 : null,
        latencyMean: null,
        latencyP50: null,
        latencyP90: null,
        latencyP99: null,
      });
    }
  }
  const goodLat = all.subarray(0, allGood);
  const total = accurateSum(goodLat);
  return {
    perModel,
    requests,
    good: goodCount,
    latencyMean: allGood > 0 ? total / allGood : null,
    // rejected requests have finish = arrival, i.e. latency 0
    latencyMeanAllRequests: hi > lo ? total / (hi - lo) : null,
  };
}

/**
 * The score of a placement inside every search: attainment (good / all, no
 * trimming) - mean latency over ALL requests (rejected ones as 0) / 10^4 +
 * replicas / 10^6 (reference doc section 4).
 */
export function placementScore(good: number, n: number, latencySumAll: number, replicas: number): number {
  if (n === 0) return replicas / 1e6;
  return good / n - latencySumAll / n / 1e4 + replicas / 1e6;
}
