/**
 * A measurement as a scenario-v1 profile.
 *
 *  - op = 1 configurations (dp 1, op 1, pp in {1, 2, 4, 8}, pp <= layers):
 *    the measured stage medians; in one-layer mode each stage is
 *    embedding + (its layer count) x layer + head, from the three measured parts.
 *  - op > 1 configurations cannot be measured on one GPU. They are derived from
 *    the measured op = 1 stages with the built-in profiles' overhead model
 *    (src/core/profiles/paperModels.ts, docs/profiles.md): every stage scaled
 *    by 1/op + COMM (1 - 1/op), and labelled "modelled".
 *  - weightGB per stage: the stage's parameters x bytes per parameter (2 for
 *    fp16, 4 for fp32), split over the op GPUs, in GiB (2^30 bytes).
 *  - provenance: device, backend, adapter, fallback flag, date, settings,
 *    statistics (median, IQR, runs), which configurations are measured and
 *    which modelled, and whether one layer was measured and scaled.
 */
import { modelledStageLatencies, OVERHEAD_MODEL, round6 } from '../core/profiles/paperModels';
import { configKey, GB, type Profile, type ProfileConfig } from '../core/profiles/types';
import type { BertConfig } from './bertConfig';
import { modelParameters } from './bertConfig';
import type { BackendInfo } from './backend';
import { adapterName } from './backend';
import type { SessionMeasurement } from './measure';
import { stageParameters, type MeasurementPlan } from './plan';
import { splitLayers } from './stages';

export const PROFILE_SOURCE = 'measured in the browser (onnxruntime-web)';

export interface MeasuredModel {
  /** preset id ("bert-1.3b") or "custom" */
  id: string;
  name: string;
  /** the built-in profile of the same model, if any */
  builtin: string | null;
  config: BertConfig;
}

export interface MeasurementSettings {
  warmup: number;
  runs: number;
  seed: number;
}

export interface StageEstimate {
  /** seconds */
  median: number;
  iqr: number;
  /** timed runs behind the figure (the smallest of its parts) */
  runs: number;
}

/** Seconds per stage of each measured pipeline degree (op = 1). */
export function stageEstimates(config: BertConfig, plan: MeasurementPlan, sessions: readonly SessionMeasurement[]): Map<number, StageEstimate[]> {
  const byKey = new Map(sessions.map((s) => [s.key, s]));
  const need = (key: string): SessionMeasurement => {
    const s = byKey.get(key);
    if (!s) throw new Error(`the measurement has no "${key}" session`);
    return s;
  };
  const out = new Map<number, StageEstimate[]>();
  for (const pp of plan.degrees) {
    const stages = splitLayers(config.layers, pp);
    if (plan.mode === 'full') {
      out.set(
        pp,
        stages.map((_, k) => {
          const s = need(`pp${pp}.stage${k + 1}`).stats;
          return { median: s.median, iqr: s.iqr, runs: s.runs };
        }),
      );
    } else {
      const emb = need('embedding').stats;
      const layer = need('layer').stats;
      const head = need('head').stats;
      out.set(
        pp,
        stages.map((st) => {
          const parts = [...(st.embedding ? [{ s: emb, n: 1 }] : []), { s: layer, n: st.layerCount }, ...(st.head ? [{ s: head, n: 1 }] : [])];
          return {
            median: parts.reduce((a, p) => a + p.n * p.s.median, 0),
            // the parts' spreads added (scaled by the layer count): a simple, conservative spread, not the IQR of an observed sum
            iqr: parts.reduce((a, p) => a + p.n * p.s.iqr, 0),
            runs: Math.min(...parts.map((p) => p.s.runs)),
          };
        }),
      );
    }
  }
  return out;
}

/** The factor the overhead model applies to a stage at intra-op degree op (1 at op = 1). */
export function intraOpFactor(op: number): number {
  return modelledStageLatencies(1, op, 1)[0];
}

export function measuredProfileId(model: MeasuredModel, backend: BackendInfo): string {
  const c = model.config;
  const base = model.id === 'custom' ? `custom-h${c.hidden}-l${c.layers}` : model.id;
  return `measured-${base}-s${c.sequence}-${backend.kind}`;
}

export function deviceName(backend: BackendInfo): string {
  if (backend.kind === 'webgpu' && backend.adapter) return adapterName(backend.adapter);
  return `CPU (wasm, ${backend.threads} thread${backend.threads === 1 ? '' : 's'})`;
}

export interface AssembleInput {
  model: MeasuredModel;
  plan: MeasurementPlan;
  sessions: readonly SessionMeasurement[];
  backend: BackendInfo;
  settings: MeasurementSettings;
  /** ISO 8601 */
  date: string;
  /** onnxruntime-web version */
  runtime: string;
}

export function assembleProfile(input: AssembleInput): Profile {
  const { model, plan, sessions, backend, settings } = input;
  const c = model.config;
  const estimates = stageEstimates(c, plan, sessions);
  const configs: ProfileConfig[] = [];
  const labels: Record<string, 'measured' | 'modelled'> = {};
  const stageStats: Record<string, { median: number[]; iqr: number[]; runs: number }> = {};
  for (const pp of plan.degrees) {
    const stages = estimates.get(pp)!;
    const contents = splitLayers(c.layers, pp);
    const weights = contents.map((s) => stageParameters(c, s) * plan.bytesPerParameter);
    stageStats[configKey({ dp: 1, op: 1, pp })] = {
      median: stages.map((s) => round6(s.median)),
      iqr: stages.map((s) => round6(s.iqr)),
      runs: Math.min(...stages.map((s) => s.runs)),
    };
    for (const op of OVERHEAD_MODEL.OP) {
      if (op * pp > OVERHEAD_MODEL.MAX_GPUS) continue;
      const factor = intraOpFactor(op);
      const cfg = { dp: 1, op, pp };
      configs.push({
        ...cfg,
        latency: { '1': stages.map((s) => round6(s.median * factor)) },
        weightGB: weights.map((w) => round6(w / op / GB)),
      });
      labels[configKey(cfg)] = op === 1 ? 'measured' : 'modelled';
    }
  }
  const keys = Object.keys(labels);
  const placementsOffGpu = sessions.flatMap((s) => (s.placement?.offGpu ?? []).map((n) => `${s.label}: ${n}`));
  return {
    provenance: {
      source: PROFILE_SOURCE,
      model: model.name,
      modelSettings: { ...c },
      parameters: modelParameters(c),
      precision: plan.precision === 'float16' ? 'fp16' : 'fp32',
      bytesPerParameter: plan.bytesPerParameter,
      device: deviceName(backend),
      backend: backend.label,
      backendKind: backend.kind,
      adapter: backend.adapter
        ? {
            vendor: backend.adapter.vendor,
            architecture: backend.adapter.architecture,
            device: backend.adapter.device,
            description: backend.adapter.description,
          }
        : null,
      fallbackAdapter: backend.adapter?.isFallbackAdapter ?? false,
      gpuMeasurement: backend.kind === 'webgpu' && !(backend.adapter?.isFallbackAdapter ?? true),
      date: input.date,
      runtime: `onnxruntime-web ${input.runtime}`,
      settings: { warmupRuns: settings.warmup, timedRuns: settings.runs, seed: settings.seed, batch: c.batch, threads: backend.threads },
      statistics: {
        unit: 's',
        note: 'per stage: median and interquartile range (q3 - q1, linear interpolation) of the timed runs',
        sessions: sessions.map((s) => ({
          session: s.label,
          median: round6(s.stats.median),
          q1: round6(s.stats.q1),
          q3: round6(s.stats.q3),
          iqr: round6(s.stats.iqr),
          runs: s.stats.runs,
        })),
        stages: stageStats,
      },
      measured: keys.filter((k) => labels[k] === 'measured'),
      modelled: keys.filter((k) => labels[k] === 'modelled'),
      modelledBy: `op > 1: each measured op-1 stage x (1/op + ${OVERHEAD_MODEL.COMM} (1 - 1/op)), the built-in profiles' overhead model (docs/profiles.md)`,
      scaledFromOneLayer: plan.mode === 'one-layer',
      scaling:
        plan.mode === 'one-layer'
          ? `one layer measured and scaled by the layer count: stage = embedding (first stage) + layers x one layer + head (last stage); ${plan.reason}`
          : 'every stage measured as it is',
      nodesOffGpu: placementsOffGpu,
      // onnxruntime's own report (verbose session log) per session: execution provider -> nodes; null where none was captured
      nodePlacements: Object.fromEntries(sessions.map((s) => [s.label, s.placement ? s.placement.counts : null])),
      builtinComparedWith: model.builtin,
    },
    configs,
  };
}
