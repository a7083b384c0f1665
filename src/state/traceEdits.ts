/**
 * Trace workloads in the page's scenario edits (docs/traces.md): the traces a
 * scenario replays, the workload written when a stored trace is picked, the
 * paper's settings as presets, and the message for a trace this browser
 * lacks. Pure functions, scenario in, scenario out.
 */
import type { Scenario, TraceWorkload } from '../core/scenario/types';
import { formatDayHourMinute, MAF2_DEFAULT_INTERVAL, parseDayHourMinute } from '../core/workload/trace';
import type { StoredTraceMeta } from './traceStore';

/** The trace workloads a scenario needs: its workload and its explicit training workload. */
export function traceRefs(s: Scenario): TraceWorkload[] {
  const out: TraceWorkload[] = [];
  if (s.workload.kind === 'trace') out.push(s.workload);
  if (s.train && s.train !== 'test' && s.train.kind === 'trace') out.push(s.train);
  return out;
}

export const shortHash = (sha256: string | undefined): string => (sha256 ? `${sha256.slice(0, 12)}…` : 'no hash');

/** What the page says (and the runs fail with) when the scenario's trace is not in this browser. */
export function missingTraceMessage(ref: TraceWorkload): string {
  const hash = ref.source.sha256 ? ` (sha256 ${shortHash(ref.source.sha256)})` : '';
  return `This scenario replays the trace “${ref.source.name}”${hash}, which this browser does not have: upload it`;
}

export interface TracePreset {
  id: string;
  format: 'maf1' | 'maf2';
  label: string;
  settings: Pick<TraceWorkload, 'start' | 'end' | 'rateScale' | 'cvScale' | 'interval'>;
}

/** The paper's settings (reference doc section 5; docs/traces.md). */
export const TRACE_PRESETS: readonly TracePreset[] = [
  { id: 'maf1-paper', format: 'maf1', label: 'Paper (MAF1): first hour of day 0, rate ×0.002, cv 4', settings: { start: '0.0.0', end: '0.1.0', rateScale: 2e-3, cvScale: 4, interval: 60 } },
  { id: 'maf2-paper', format: 'maf2', label: 'Paper (MAF2): all of day 13, rate ×16, cv ×1', settings: { start: '13.0.0', end: '13.23.60', rateScale: 16, cvScale: 1, interval: MAF2_DEFAULT_INTERVAL } },
];

/** Seconds of a window bound ("day.hour.minute" or seconds); NaN when it is neither. */
export function boundSeconds(v: number | string): number {
  if (typeof v === 'number') return v;
  try {
    return parseDayHourMinute(v);
  } catch {
    return NaN;
  }
}

/** A window bound as typed: a plain number is seconds, anything else stays text (validation explains it). */
export function parseBound(text: string): number | string {
  const t = text.trim();
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

/**
 * The workload that replays a stored trace: the settings of `previous` when
 * it replays the same format, else defaults: MAF1 the paper's (first hour of
 * the first day with invocations, rate ×0.002, cv 4: MAF1 traces are huge);
 * MAF2 the trace's span in whole minutes (at most a day), one fitted window
 * per 5400 s (or the whole window when shorter), rate ×1.
 */
export function traceWorkloadFor(meta: StoredTraceMeta, previous?: WorkloadLike): TraceWorkload {
  const source = { name: meta.name, sha256: meta.sha256 };
  if (previous?.kind === 'trace' && previous.format === meta.format) {
    const { source: _old, ...rest } = previous;
    return { ...rest, source };
  }
  if (meta.format === 'maf1') {
    const day = Math.floor(meta.info.start / 86400);
    return { kind: 'trace', format: 'maf1', source, start: `${day}.0.0`, end: `${day}.1.0`, mapping: 'stripe', fit: 'gamma', rateScale: 2e-3, cvScale: 4 };
  }
  const start = Math.floor(meta.info.start / 60) * 60;
  const end = Math.min(start + 86400, Math.floor(meta.info.end / 60) * 60 + 60);
  const w: TraceWorkload = {
    kind: 'trace',
    format: 'maf2',
    source,
    start: formatDayHourMinute(start),
    end: end - start === 86400 && start % 86400 === 0 ? `${start / 86400}.23.60` : formatDayHourMinute(end),
    mapping: 'stripe',
    fit: 'gamma',
    rateScale: 1,
    cvScale: 1,
  };
  if (end - start < MAF2_DEFAULT_INTERVAL) w.interval = end - start;
  return w;
}

type WorkloadLike = Scenario['workload'];

/** Apply a preset's window and scales (the mapping, fit and seed stay; a vanilla replay becomes gamma). */
export function applyPreset(w: TraceWorkload, preset: TracePreset): TraceWorkload {
  const { timeScale: _t, ...rest } = w;
  return { ...rest, ...preset.settings, fit: w.fit === 'exponential' ? 'exponential' : 'gamma', ...(w.fit === 'exponential' ? { cvScale: 1 } : {}) };
}

export function withWorkload(s: Scenario, w: TraceWorkload): Scenario {
  return { ...s, workload: w };
}
