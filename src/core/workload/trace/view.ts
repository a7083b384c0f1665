/**
 * What the page's trace viewer draws (docs/traces.md, "Trace viewer"): for a
 * scenario's trace replay, each model's request rate over the window before
 * scaling (the trace's own invocations of the functions mapped to it) and
 * after (the replayed arrivals the simulator gets), counted in bins; and each
 * model's fitted windows: the estimate before scaling (rate, cv) and the
 * process sampled after (rate x rateScale, cv x cvScale). Pure: computed in a
 * worker from the same replay the simulation uses.
 */
import type { Scenario, TraceWorkload } from '../../scenario/types';
import { ScenarioError } from '../../scenario/errors';
import { forEachCount, MINUTES_PER_DAY, type Maf1Trace } from './maf1';
import type { Maf2Trace } from './maf2';
import { findTrace, replayScenarioTrace } from './loaded';
import type { TraceReplay } from './replay';

/** Bin widths the viewer picks from (seconds): the smallest giving at most maxBins bins. */
const NICE_BINS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];
export const TRACE_VIEW_MAX_BINS = 120;

export interface TraceViewWindow {
  start: number;
  end: number;
  /** the trace's invocations of the model in the window */
  count: number;
  /** before scaling: the estimate (MAF1: rate only, cv null: not estimated); null when the window has no process */
  fitted: { rate: number; cv: number | null; capped: boolean } | null;
  /** after scaling: the process sampled, or null */
  replayed: { rate: number; cv: number } | null;
}

export interface TraceViewModel {
  name: string;
  /** functions of the trace mapped to this model */
  functions: number;
  /** per bin: requests per second in the trace (before) and in the replay (after) */
  before: number[];
  after: number[];
  windows: TraceViewWindow[];
  /** requests in the window: the trace's, and the replay's */
  traceRequests: number;
  replayedRequests: number;
}

export interface TraceView {
  format: 'maf1' | 'maf2';
  fit: NonNullable<TraceWorkload['fit']>;
  /** the window [start, end), seconds on the trace's timeline */
  start: number;
  end: number;
  binWidth: number;
  bins: number;
  interval: number;
  models: TraceViewModel[];
  warnings: string[];
}

/** The smallest nice bin width giving at most maxBins bins over `span` seconds (MAF1: whole minutes). */
export function traceViewBinWidth(span: number, format: 'maf1' | 'maf2', maxBins = TRACE_VIEW_MAX_BINS): number {
  const least = span / maxBins;
  for (const w of NICE_BINS) if (w >= least && (format === 'maf2' || w % 60 === 0)) return w;
  return Math.ceil(least / 86400) * 86400;
}

/** The view of a replay of `trace` (the replay's own window and mapping). */
export function traceView(trace: Maf1Trace | Maf2Trace, replay: TraceReplay, modelNames: readonly string[], fit: NonNullable<TraceWorkload['fit']>, maxBins = TRACE_VIEW_MAX_BINS): TraceView {
  const { start, end } = replay;
  const binWidth = traceViewBinWidth(end - start, trace.format, maxBins);
  const bins = Math.max(1, Math.ceil((end - start) / binWidth));
  const M = modelNames.length;
  const before = Array.from({ length: M }, () => new Float64Array(bins));
  const after = Array.from({ length: M }, () => new Float64Array(bins));
  const modelOf = new Int32Array(trace.functions.length).fill(-1);
  replay.functions.forEach((f, i) => (modelOf[f] = replay.modelOfFunction[i]));
  const binOf = (t: number): number => Math.min(bins - 1, Math.floor((t - start) / binWidth));
  if (trace.format === 'maf1') {
    const endMin = Math.min(end / 60, trace.dayCount * MINUTES_PER_DAY);
    forEachCount(trace, start / 60, endMin, (f, minute, n) => {
      const m = modelOf[f];
      if (m >= 0) before[m][binOf(minute * 60)] += n;
    });
  } else {
    for (let f = 0; f < trace.arrivals.length; f++) {
      const m = modelOf[f];
      if (m < 0) continue;
      for (const t of trace.arrivals[f]) if (t >= start && t < end) before[m][binOf(t)]++;
    }
  }
  replay.streams.forEach((s, m) => {
    for (const t of s) if (t >= start && t < end) after[m][binOf(t)]++;
  });
  // the last bin may be short: rates over the part inside the window
  const widthOf = (b: number): number => Math.min(binWidth, end - (start + b * binWidth));
  const rates = (counts: Float64Array): number[] => Array.from(counts, (c, b) => c / widthOf(b));
  const sum = (a: Float64Array): number => a.reduce((x, y) => x + y, 0);
  return {
    format: trace.format,
    fit,
    start,
    end,
    binWidth,
    bins,
    interval: replay.interval,
    models: modelNames.map((name, m) => ({
      name,
      functions: replay.functionsPerModel[m] ?? 0,
      before: rates(before[m]),
      after: rates(after[m]),
      traceRequests: sum(before[m]),
      replayedRequests: replay.streams[m]?.length ?? 0,
      windows: (replay.windows[m] ?? []).map((w) => ({
        start: w.start,
        end: Math.min(end, w.start + replay.interval),
        count: w.count,
        fitted: w.fit,
        replayed: w.process ? { rate: w.process.rate, cv: w.process.cv } : null,
      })),
    })),
    warnings: replay.warnings,
  };
}

/** The view of a validated scenario's trace workload (the trace must be loaded here, as for a simulation). */
export function scenarioTraceView(s: Scenario, maxBins = TRACE_VIEW_MAX_BINS): TraceView {
  const w = s.workload;
  if (w.kind !== 'trace') throw new ScenarioError([{ path: 'workload.kind', message: 'the trace viewer needs a trace workload' }]);
  const replay = replayScenarioTrace(w, s.models.length);
  const found = findTrace(w.source)!; // replayScenarioTrace has checked it is loaded
  return traceView(found.trace, replay, s.models.map((m) => m.name), w.fit ?? 'gamma', maxBins);
}
