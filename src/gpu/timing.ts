/**
 * Timing of one stage: warm-up runs (the first WebGPU run compiles shaders and
 * uploads weights; the first wasm run allocates), then timed runs, summarised
 * by the median and the interquartile range (robust to the odd slow run from
 * garbage collection or another tab).
 *
 * Quantiles interpolate linearly between order statistics (numpy's default,
 * "linear", type 7): q at position (n - 1) q of the sorted sample. The
 * engine's own percentile (src/core/sim/stats.ts, sorted[floor(q n)]) follows
 * the reference simulator's rule for request latencies and is not the median
 * of an even-sized sample, so it is not used here.
 */

export const DEFAULT_WARMUP_RUNS = 3;
export const MIN_TIMED_RUNS = 20;

export interface TimingStats {
  /** seconds */
  median: number;
  /** first and third quartiles, seconds */
  q1: number;
  q3: number;
  /** q3 - q1, seconds */
  iqr: number;
  min: number;
  max: number;
  /** number of timed runs */
  runs: number;
}

/** Linear-interpolation quantile of an ascending sample. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantile of an empty sample');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be in [0, 1], got ${q}`);
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function summarise(samples: readonly number[]): TimingStats {
  if (samples.length === 0) throw new RangeError('no timed runs to summarise');
  for (const s of samples) if (!Number.isFinite(s) || s < 0) throw new RangeError(`a run time must be a finite number >= 0, got ${s}`);
  const sorted = Float64Array.from(samples).sort();
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  return {
    median: quantileSorted(sorted, 0.5),
    q1,
    q3,
    iqr: q3 - q1,
    min: sorted[0],
    max: sorted[sorted.length - 1],
    runs: sorted.length,
  };
}

export interface TimingOptions {
  warmup: number;
  runs: number;
  /** milliseconds, as performance.now() */
  now?: () => number;
  /** called after every run (warm-up or timed) */
  onRun?: (done: number, total: number) => void;
  /** checked between runs; a cancelled measurement throws */
  cancelled?: () => boolean;
}

export class MeasurementCancelled extends Error {
  constructor() {
    super('the measurement was cancelled');
    this.name = 'MeasurementCancelled';
  }
}

export function checkTimingOptions(o: Pick<TimingOptions, 'warmup' | 'runs'>): void {
  if (!Number.isInteger(o.warmup) || o.warmup < 1) throw new RangeError(`warm-up runs must be a whole number >= 1, got ${o.warmup}`);
  if (!Number.isInteger(o.runs) || o.runs < MIN_TIMED_RUNS) throw new RangeError(`timed runs must be a whole number >= ${MIN_TIMED_RUNS}, got ${o.runs}`);
}

/** Runs `once` warmup + runs times, sequentially; returns the timed runs' seconds (warm-ups discarded). */
export async function timeRuns(once: () => Promise<unknown>, o: TimingOptions): Promise<number[]> {
  checkTimingOptions(o);
  const now = o.now ?? (() => performance.now());
  const total = o.warmup + o.runs;
  const seconds: number[] = [];
  for (let i = 0; i < total; i++) {
    if (o.cancelled?.()) throw new MeasurementCancelled();
    const t0 = now();
    await once();
    const t1 = now();
    if (i >= o.warmup) seconds.push((t1 - t0) / 1000);
    o.onRun?.(i + 1, total);
  }
  return seconds;
}
