/**
 * What the Measure panel shows of a measured profile, read back from the
 * profile itself (configurations + provenance), so a result reloaded from
 * storage or re-imported from its JSON shows exactly as it did when measured.
 * Provenance is free-form in the scenario format: every field is read
 * defensively and missing ones show as unknown.
 */
import type { Profile } from '../core/profiles/types';
import { configKey } from '../core/profiles/types';
import { PROFILE_SOURCE } from './profile';

export interface StageFigure {
  /** seconds */
  median: number;
  /** seconds; null when the provenance has no spread for it (modelled) */
  iqr: number | null;
}

export interface ConfigRow {
  op: number;
  pp: number;
  kind: 'measured' | 'modelled';
  stages: StageFigure[];
  weightGB: number[];
}

export interface MeasuredView {
  model: string;
  device: string;
  backend: string;
  backendKind: string;
  fallbackAdapter: boolean;
  gpuMeasurement: boolean;
  precision: string;
  date: string;
  scaledFromOneLayer: boolean;
  scaling: string;
  runs: number | null;
  warmup: number | null;
  nodesOffGpu: string[];
  /** sessions without a placement report (the log was not captured) */
  placementUnknown: string[];
  builtin: string | null;
  rows: ConfigRow[];
  sessions: { session: string; median: number; iqr: number; runs: number }[];
}

const str = (v: unknown, fallback = 'unknown'): string => (typeof v === 'string' && v !== '' ? v : fallback);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const numbers = (v: unknown): number[] | null => (Array.isArray(v) && v.every((x) => typeof x === 'number') ? (v as number[]) : null);

export function isMeasuredProfile(p: Profile): boolean {
  return p.provenance?.source === PROFILE_SOURCE;
}

export function measuredView(p: Profile): MeasuredView {
  const prov = obj(p.provenance);
  const settings = obj(prov.settings);
  const stats = obj(prov.statistics);
  const stageStats = obj(stats.stages);
  const modelled = new Set(Array.isArray(prov.modelled) ? prov.modelled.map(String) : []);
  const rows: ConfigRow[] = p.configs
    .filter((c) => c.dp === 1)
    .map((c) => {
      const key = configKey(c);
      const iqr = numbers(obj(stageStats[key]).iqr);
      const lat = c.latency['1'] ?? [];
      return {
        op: c.op,
        pp: c.pp,
        kind: modelled.has(key) || c.op > 1 ? 'modelled' : 'measured',
        stages: lat.map((median, k) => ({ median, iqr: iqr && iqr.length === lat.length ? iqr[k] : null })),
        weightGB: c.weightGB,
      } satisfies ConfigRow;
    })
    .sort((a, b) => a.op - b.op || a.pp - b.pp);
  const sessions = (Array.isArray(stats.sessions) ? stats.sessions : []).map((s) => {
    const o = obj(s);
    return { session: str(o.session), median: num(o.median) ?? NaN, iqr: num(o.iqr) ?? NaN, runs: num(o.runs) ?? 0 };
  });
  return {
    model: str(prov.model),
    device: str(prov.device),
    backend: str(prov.backend),
    backendKind: str(prov.backendKind),
    fallbackAdapter: prov.fallbackAdapter === true,
    gpuMeasurement: prov.gpuMeasurement === true,
    precision: str(prov.precision),
    date: str(prov.date),
    scaledFromOneLayer: prov.scaledFromOneLayer === true,
    scaling: str(prov.scaling, ''),
    runs: num(settings.timedRuns),
    warmup: num(settings.warmupRuns),
    nodesOffGpu: Array.isArray(prov.nodesOffGpu) ? prov.nodesOffGpu.map(String) : [],
    placementUnknown: Object.entries(obj(prov.nodePlacements))
      .filter(([, v]) => v === null)
      .map(([k]) => k),
    builtin: typeof prov.builtinComparedWith === 'string' ? prov.builtinComparedWith : null,
    rows,
    sessions,
  };
}

/** Milliseconds with 3 significant digits ("12.3 ms", "0.456 ms"). */
export function formatMs(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  return `${Number((seconds * 1000).toPrecision(3))} ms`;
}
