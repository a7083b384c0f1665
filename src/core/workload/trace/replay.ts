/**
 * Replay of an Azure Functions trace as a workload (reference doc section 5;
 * the reference's Trace.replay):
 *
 * 1. Slice [start, end) (seconds on the trace's timeline). Functions without
 *    an invocation in the window are dropped; the others keep their order
 *    (first appearance) and go to models: "stripe" i -> i mod M (the paper's
 *    round robin), "round_robin" i -> floor(M i / F) (contiguous blocks).
 * 2. The functions of one model are combined BEFORE fitting: the reference
 *    sums their minute histograms (MAF1) or concatenates and sorts their
 *    timestamps (MAF2), and fits one process per (model, window). This is
 *    what makes the doc's seed counter "model-major (all windows of model 0,
 *    then model 1, ...)": windows belong to models, not to functions.
 * 3. Windows of `interval` seconds from start (the last one may be short);
 *    MAF1: count c over the window -> rate c / interval, cv = cvScale
 *    (absolute), no process when c = 0. MAF2 gamma: MLE fit (floc 0) of
 *    gaps = diff(arrivals) + 1e-6, no process with fewer than 3 arrivals or a
 *    failed fit; exponential: rate 1 / mean gap, cv 1, no process with fewer
 *    than 2 arrivals (the reference needs one gap); a fitted rate above 5x the
 *    empirical rate (count / nominal interval, even for a short last window)
 *    is replaced by the empirical rate. Then rate x rateScale, cv x cvScale.
 * 4. Each window with a process is sampled with generateGammaArrivals over
 *    its full nominal length from i * interval + start, with seeds from one
 *    counter starting at `seed`, model-major, incremented only by windows with
 *    a process. "vanilla" (MAF2) replays the timestamps themselves:
 *    (t - start) / timeScale + start.
 *
 * Times stay on the trace's timeline (as the reference's), so a window
 * starting at day 13 has arrivals near 1.12e6 s.
 */
import type { Arrivals } from '../arrivals';
import { generateGammaArrivals } from '../gammaProcess';
import { mergeStreams } from '../merge';
import { fitExponentialRate, fitGamma } from './gammaFit';
import { MINUTES_PER_DAY, forEachCount, maf1WindowTotals, type Maf1Trace } from './maf1';
import { sliceRange, type Maf2Trace } from './maf2';

export type TraceMapping = 'stripe' | 'round_robin';
export type TraceFit = 'gamma' | 'exponential' | 'vanilla';

export const MAF1_DEFAULT_INTERVAL = 60;
export const MAF2_DEFAULT_INTERVAL = 5400;
/** The reference's cap: a fitted rate above this multiple of the empirical rate is replaced by it. */
export const RATE_CAP_FACTOR = 5;
/** Added to every MAF2 gap before fitting (the reference's + 1e-6). */
export const GAP_EPSILON = 1e-6;

/** Invalid replay options (the message says which and why). */
export class TraceReplayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TraceReplayError';
  }
}

/** "day.hour.minute" (the reference's time strings, e.g. "0.0.0", "13.23.60") -> seconds. Hour < 24, minute <= 60. */
export function parseDayHourMinute(text: string): number {
  const m = /^\s*(\d+)\.(\d+)\.(\d+)\s*$/.exec(text);
  if (!m) throw new TraceReplayError(`"${text}" is not a time of the form day.hour.minute (e.g. "0.1.30")`);
  const [d, h, min] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (h >= 24) throw new TraceReplayError(`"${text}": the hour must be < 24`);
  if (min > 60) throw new TraceReplayError(`"${text}": the minute must be <= 60`);
  return d * 86400 + h * 3600 + min * 60;
}

/** Seconds -> "day.hour.minute" (whole minutes; seconds are dropped). */
export function formatDayHourMinute(seconds: number): string {
  const total = Math.floor(seconds / 60);
  const d = Math.floor(total / MINUTES_PER_DAY);
  const rest = total - d * MINUTES_PER_DAY;
  return `${d}.${Math.floor(rest / 60)}.${rest % 60}`;
}

/** The model of each of F (active) functions. */
export function mapFunctionsToModels(functions: number, models: number, mapping: TraceMapping): Int32Array {
  const out = new Int32Array(functions);
  for (let i = 0; i < functions; i++) out[i] = mapping === 'stripe' ? i % models : Math.floor((models * i) / functions);
  return out;
}

export interface TraceReplayOptions {
  /** Number of models M; function-derived streams go to models 0 .. M-1. */
  models: number;
  /** Window [start, end): seconds on the trace's timeline, or "day.hour.minute". MAF1: whole minutes. */
  start: number | string;
  end: number | string;
  mapping?: TraceMapping; // default 'stripe'
  fit?: TraceFit; // default 'gamma'
  /** Window length in seconds (MAF1: a multiple of 60; default 60; MAF2: default 5400). */
  interval?: number;
  rateScale?: number; // default 1
  /** MAF2 gamma: multiplies the fitted cv; MAF1 gamma: IS the cv. Must be 1 for exponential and vanilla. */
  cvScale?: number; // default 1
  /** Vanilla MAF2 only: replay the window timeScale times faster. Default 1. */
  timeScale?: number;
  /** First seed of the counter. Default 0. */
  seed?: number;
}

export interface ReplayWindow {
  /** Where the window's process starts: i * interval + start (its nominal length is `interval`). */
  start: number;
  /** Trace invocations of the model in the window (after clipping to [start, end)). */
  count: number;
  /** The estimate before scaling (after the 5x cap), or null: no process. MAF1: cv null (not estimated). */
  fit: { rate: number; cv: number | null; capped: boolean } | null;
  /** The sampled process (scaled) and its seed, or null. */
  process: { rate: number; cv: number; seed: number } | null;
}

export interface TraceReplay {
  /** Per model, sorted arrival times. */
  streams: Float64Array[];
  /** All streams merged (ties to the lower model index). */
  arrivals: Arrivals;
  /** Per model, its windows (empty for vanilla). */
  windows: ReplayWindow[][];
  /** Trace ids of the functions with invocations in the window, in mapping order. */
  functions: Int32Array;
  /** The model of each of `functions`. */
  modelOfFunction: Int32Array;
  functionsPerModel: number[];
  /** The resolved window and interval (seconds). */
  start: number;
  end: number;
  interval: number;
  /** Seeds used: seed .. seed + processes - 1. */
  processes: number;
  warnings: string[];
}

interface Resolved {
  models: number;
  start: number;
  end: number;
  mapping: TraceMapping;
  fit: TraceFit;
  interval: number;
  rateScale: number;
  cvScale: number;
  timeScale: number;
  seed: number;
}

function seconds(v: number | string, what: string): number {
  const s = typeof v === 'string' ? parseDayHourMinute(v) : v;
  if (!Number.isFinite(s)) throw new TraceReplayError(`${what} must be a finite number of seconds or "day.hour.minute"`);
  return s;
}

function resolve(format: 'maf1' | 'maf2', o: TraceReplayOptions): Resolved {
  const r: Resolved = {
    models: o.models,
    start: seconds(o.start, 'start'),
    end: seconds(o.end, 'end'),
    mapping: o.mapping ?? 'stripe',
    fit: o.fit ?? 'gamma',
    interval: o.interval ?? (format === 'maf1' ? MAF1_DEFAULT_INTERVAL : MAF2_DEFAULT_INTERVAL),
    rateScale: o.rateScale ?? 1,
    cvScale: o.cvScale ?? 1,
    timeScale: o.timeScale ?? 1,
    seed: o.seed ?? 0,
  };
  const fail = (m: string): never => {
    throw new TraceReplayError(m);
  };
  if (!Number.isInteger(r.models) || r.models < 1) fail(`models must be an integer >= 1 (got ${r.models})`);
  if (!(r.start >= 0)) fail(`start must be >= 0 (the trace's timeline starts at day 0; got ${r.start})`);
  if (!(r.end > r.start)) fail(`the window is empty: end (${r.end}) must be after start (${r.start})`);
  if (r.mapping !== 'stripe' && r.mapping !== 'round_robin') fail(`mapping must be "stripe" or "round_robin" (got "${r.mapping}")`);
  if (!['gamma', 'exponential', 'vanilla'].includes(r.fit)) fail(`fit must be "gamma", "exponential" or "vanilla" (got "${r.fit}")`);
  if (!(r.interval > 0) || !Number.isFinite(r.interval)) fail(`interval must be a positive number of seconds (got ${r.interval})`);
  if (!(r.rateScale >= 0) || !Number.isFinite(r.rateScale)) fail(`rateScale must be a finite number >= 0 (got ${r.rateScale})`);
  if (!(r.cvScale > 0) || !Number.isFinite(r.cvScale)) fail(`cvScale must be a finite number > 0 (got ${r.cvScale})`);
  if (!(r.timeScale > 0) || !Number.isFinite(r.timeScale)) fail(`timeScale must be a finite number > 0 (got ${r.timeScale})`);
  if (!Number.isInteger(r.seed) || r.seed < 0 || r.seed > 0xffffffff) fail(`seed must be an integer in [0, 2^32 - 1] (got ${r.seed})`);
  if (format === 'maf1') {
    if (r.fit === 'vanilla') fail('vanilla replay needs timestamps: MAF1 has only per-minute counts (use gamma or exponential)');
    if (r.interval % 60 !== 0) fail(`MAF1 windows are whole minutes: interval must be a multiple of 60 (got ${r.interval})`);
    if (r.start % 60 !== 0 || r.end % 60 !== 0) fail('MAF1 windows are whole minutes: start and end must be multiples of 60 s');
  }
  if (r.fit !== 'gamma' && r.cvScale !== 1) fail(`cvScale applies to gamma replays only (${r.fit} has no cv to scale)`);
  if (r.timeScale !== 1 && !(format === 'maf2' && r.fit === 'vanilla')) fail('timeScale applies to vanilla MAF2 replays only');
  if (r.fit === 'vanilla' && r.rateScale !== 1) fail('rateScale applies to fitted replays; vanilla replays the timestamps (use timeScale)');
  return r;
}

/** Active functions (with an invocation in the window), their models, and a warning when some models get none. */
function mapActive(activeIds: number[], r: Resolved, warnings: string[]) {
  const functions = Int32Array.from(activeIds);
  const modelOfFunction = mapFunctionsToModels(functions.length, r.models, r.mapping);
  const functionsPerModel = new Array<number>(r.models).fill(0);
  for (const m of modelOfFunction) functionsPerModel[m]++;
  if (functions.length === 0) warnings.push('no function has an invocation in the window: every model gets no requests');
  else if (functions.length < r.models) {
    warnings.push(
      `only ${functions.length} functions have invocations in the window, fewer than the ${r.models} models: ` +
        `${functionsPerModel.filter((c) => c === 0).length} models get no requests (the reference requires at least as many functions as models)`,
    );
  }
  return { functions, modelOfFunction, functionsPerModel };
}

/** Replays a MAF1 or MAF2 trace (module comment); throws TraceReplayError for invalid options. */
export function replayTrace(trace: Maf1Trace | Maf2Trace, options: TraceReplayOptions): TraceReplay {
  const r = resolve(trace.format, options);
  const warnings: string[] = [];
  let counts: Float64Array[] | null = null; // MAF1: per model, per window
  let modelTimes: Float64Array[] | null = null; // MAF2: per model, sorted arrivals in the window
  let mapped: ReturnType<typeof mapActive>;
  let nWindows: number;
  let bounds: Float64Array | null = null;

  if (trace.format === 'maf1') {
    const startMin = r.start / 60;
    // numpy slicing of the concatenated days: minutes past the last loaded day do not exist
    const endMin = Math.max(startMin, Math.min(r.end / 60, trace.dayCount * MINUTES_PER_DAY));
    if (endMin < r.end / 60) warnings.push(`the window ends after the loaded days (${trace.dayCount} on the timeline): it is cut at ${formatDayHourMinute(endMin * 60)}`);
    const loaded = new Set(trace.days.map((d) => d.day));
    const missing: number[] = [];
    for (let d = Math.floor(startMin / MINUTES_PER_DAY); d * MINUTES_PER_DAY < endMin; d++) if (!loaded.has(d)) missing.push(d);
    if (missing.length) warnings.push(`days ${missing.join(', ')} of the window are not loaded and count as no invocations`);
    const totals = maf1WindowTotals(trace, startMin, endMin);
    const active: number[] = [];
    for (let f = 0; f < totals.length; f++) if (totals[f] > 0) active.push(f);
    mapped = mapActive(active, r, warnings);
    const perWindow = r.interval / 60;
    const nMin = endMin - startMin;
    nWindows = Math.ceil(nMin / perWindow);
    const modelOf = new Int32Array(trace.functions.length).fill(-1);
    mapped.functions.forEach((f, i) => (modelOf[f] = mapped.modelOfFunction[i]));
    const c = Array.from({ length: r.models }, () => new Float64Array(nWindows));
    forEachCount(trace, startMin, endMin, (f, minute, n) => {
      c[modelOf[f]][Math.floor((minute - startMin) / perWindow)] += n;
    });
    counts = c;
  } else {
    const slices: [number, number][] = trace.arrivals.map((a) => sliceRange(a, r.start, r.end));
    const active: number[] = [];
    slices.forEach(([lo, hi], f) => hi > lo && active.push(f));
    mapped = mapActive(active, r, warnings);
    const sizes = new Array<number>(r.models).fill(0);
    mapped.functions.forEach((f, i) => (sizes[mapped.modelOfFunction[i]] += slices[f][1] - slices[f][0]));
    const times = sizes.map((n) => new Float64Array(n));
    const fill = new Array<number>(r.models).fill(0);
    mapped.functions.forEach((f, i) => {
      const m = mapped.modelOfFunction[i];
      times[m].set(trace.arrivals[f].subarray(slices[f][0], slices[f][1]), fill[m]);
      fill[m] += slices[f][1] - slices[f][0];
    });
    for (const t of times) t.sort();
    modelTimes = times;
    if (r.fit === 'vanilla') {
      const streams = times.map((t) => (r.timeScale === 1 ? t : t.map((x) => (x - r.start) / r.timeScale + r.start)));
      return finish(streams, streams.map(() => []), mapped, r, 0, warnings);
    }
    // np.arange(start, end, interval) (+ end): start + i * ((start + interval) - start)
    nWindows = Math.ceil((r.end - r.start) / r.interval);
    bounds = new Float64Array(nWindows + 1);
    bounds[0] = r.start;
    const delta = r.start + r.interval - r.start;
    for (let i = 1; i < nWindows; i++) bounds[i] = i === 1 ? r.start + r.interval : r.start + i * delta;
    bounds[nWindows] = r.end;
  }

  // estimate, then sample model-major with one seed counter
  let seed = r.seed;
  const windows: ReplayWindow[][] = [];
  const streams: Float64Array[] = [];
  for (let m = 0; m < r.models; m++) {
    const list: ReplayWindow[] = [];
    const parts: Float64Array[] = [];
    for (let i = 0; i < nWindows; i++) {
      const start = i * r.interval + r.start;
      let w: ReplayWindow;
      if (counts) w = maf1Window(counts[m][i], start, r);
      else {
        const t = modelTimes![m];
        const [lo, hi] = sliceRange(t, bounds![i], bounds![i + 1]);
        w = maf2Window(t.subarray(lo, hi), start, r);
      }
      if (w.fit) {
        const rate = w.fit.rate * r.rateScale;
        const cv = counts ? (r.fit === 'gamma' ? r.cvScale : 1) : w.fit.cv! * r.cvScale;
        if (seed > 0xffffffff) throw new TraceReplayError(`the seed counter passed 2^32 - 1 (start seed ${r.seed})`);
        w.process = { rate, cv, seed };
        parts.push(generateGammaArrivals(rate, cv, start, r.interval, seed));
        seed++;
      }
      list.push(w);
    }
    windows.push(list);
    streams.push(concatSorted(parts));
  }
  return finish(streams, windows, mapped, r, seed - r.seed, warnings);
}

function maf1Window(count: number, start: number, r: Resolved): ReplayWindow {
  // reference: arrival_rate = h / interval_seconds (then * rate_scale_factor)
  return { start, count, fit: count === 0 ? null : { rate: count / r.interval, cv: null, capped: false }, process: null };
}

function maf2Window(a: Float64Array, start: number, r: Resolved): ReplayWindow {
  const w: ReplayWindow = { start, count: a.length, fit: null, process: null };
  if (a.length < (r.fit === 'gamma' ? 3 : 2)) return w;
  const gaps = new Float64Array(a.length - 1);
  for (let i = 0; i < gaps.length; i++) gaps[i] = a[i + 1] - a[i] + GAP_EPSILON;
  let rate: number;
  let cv: number;
  if (r.fit === 'gamma') {
    const fit = fitGamma(gaps);
    if (!fit) return w;
    ({ rate, cv } = fit);
  } else {
    const fitted = fitExponentialRate(gaps);
    if (fitted === null) return w;
    rate = fitted;
    cv = 1;
  }
  const empirical = a.length / r.interval;
  const capped = rate > RATE_CAP_FACTOR * empirical;
  w.fit = { rate: capped ? empirical : rate, cv, capped };
  return w;
}

/** Concatenates window samples (in window order, hence sorted; sorted again if rounding ever overlapped two). */
function concatSorted(parts: Float64Array[]): Float64Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Float64Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  for (let i = 1; i < n; i++) {
    if (out[i] < out[i - 1]) {
      out.sort();
      break;
    }
  }
  return out;
}

function finish(
  streams: Float64Array[],
  windows: ReplayWindow[][],
  mapped: ReturnType<typeof mapActive>,
  r: Resolved,
  processes: number,
  warnings: string[],
): TraceReplay {
  return {
    streams,
    arrivals: mergeStreams(streams),
    windows,
    functions: mapped.functions,
    modelOfFunction: mapped.modelOfFunction,
    functionsPerModel: mapped.functionsPerModel,
    start: r.start,
    end: r.end,
    interval: r.interval,
    processes,
    warnings,
  };
}
