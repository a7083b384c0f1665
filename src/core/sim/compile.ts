/**
 * Scenario -> the flat, typed-array form the simulator kernel reads
 * (reference doc section 3): float32 SLOs, float32 stage latencies with the
 * 0.9 %-per-stage penalty, replicas per model in ascending group order.
 */
import { findConfig, singleDeviceLatency, type Profile } from '../profiles/types';
import { resolveProfile } from '../scenario/crossChecks';
import type { GroupSpec, ModelSpec, Scenario } from '../scenario/types';

/** Fixed per-request overhead added after the last stage; occupies no GPU. */
export const FIXED_OVERHEAD = 0.011;
/** Latency penalty per pipeline stage: stage latency x (1 + 0.009 pp). */
export const STAGE_PENALTY = 0.009;
/** Batch sizes of the batching simulator. */
export const BATCH_SIZES = [1, 2, 4, 8, 16] as const;

export interface CompiledModels {
  names: string[];
  profiles: Profile[];
  /** SLO per model in seconds, rounded to float32 as the reference stores it. */
  slo: Float64Array;
}

/** One placement (a set of groups) in kernel form. */
export interface CompiledPlacement {
  numGroups: number;
  /** Stage clocks of group g are clock[stageStart[g] .. stageStart[g + 1]). */
  stageStart: Int32Array;
  /** For model m, its replicas are r in [replicaStart[m], replicaStart[m + 1]). */
  replicaStart: Int32Array;
  replicaGroup: Int32Array;
  /** Offset of replica r's stage latencies (pp of them, batch 1) in `latency`. */
  replicaLatency: Int32Array;
  /** Sum of replica r's stage latencies (busy time it adds to its group). */
  replicaWork: Float64Array;
  latency: Float64Array;
  /** Batching variant only: latency of replica r, stage k, batch index b at latencyByBatch[(replicaLatency[r] + k) * 5 + b]. */
  latencyByBatch?: Float64Array;
  /** Models of each group in group order (the reference's g_id2m_id), for the batching variant. */
  groupModels: Int32Array[];
  /** Number of model replicas (sum over groups of their model counts). */
  replicas: number;
  groups: GroupSpec[];
}

export function modelSlo(s: Pick<Scenario, 'profiles'>, m: ModelSpec): number {
  if (m.slo !== undefined) return m.slo;
  const profile = resolveProfile(s, m.profile);
  const L = profile ? singleDeviceLatency(profile) : undefined;
  if (L === undefined || m.sloScale === undefined) {
    throw new Error(`model "${m.name}": cannot resolve its SLO (needs "slo" or a (1,1,1) profile with "sloScale")`);
  }
  return m.sloScale * L;
}

export function compileModels(s: Scenario): CompiledModels {
  const profiles = s.models.map((m) => {
    const p = resolveProfile(s, m.profile);
    if (!p) throw new Error(`model "${m.name}": unknown profile "${m.profile}"`);
    return p;
  });
  const slo = new Float64Array(s.models.length);
  s.models.forEach((m, i) => (slo[i] = Math.fround(modelSlo(s, m))));
  return { names: s.models.map((m) => m.name), profiles, slo };
}

/**
 * Stage latency as the reference computes and stores it: float32(latency x (1 + 0.009 x stages)),
 * where `stages` counts the listed batch-1 stages of the configuration (= pp).
 */
export function penalisedStageLatency(latency: number, stages: number): number {
  return Math.fround(latency * (1 + STAGE_PENALTY * stages));
}

export function compilePlacement(
  models: CompiledModels,
  groups: readonly GroupSpec[],
  options: { batching?: boolean } = {},
): CompiledPlacement {
  const M = models.names.length;
  const index = new Map(models.names.map((n, i) => [n, i]));
  const G = groups.length;
  const stageStart = new Int32Array(G + 1);
  for (let g = 0; g < G; g++) stageStart[g + 1] = stageStart[g] + groups[g].pp;
  const groupModels: Int32Array[] = [];
  const perModel: number[][] = Array.from({ length: M }, () => []);
  groups.forEach((g, gi) => {
    const ids = g.models.map((name) => {
      const id = index.get(name);
      if (id === undefined) throw new Error(`placement: unknown model "${name}"`);
      return id;
    });
    for (const id of ids) perModel[id].push(gi);
    groupModels.push(Int32Array.from(ids));
  });
  const replicaStart = new Int32Array(M + 1);
  for (let m = 0; m < M; m++) replicaStart[m + 1] = replicaStart[m] + perModel[m].length;
  const R = replicaStart[M];
  const replicaGroup = new Int32Array(R);
  const replicaLatency = new Int32Array(R);
  const replicaWork = new Float64Array(R);
  let totalStages = 0;
  for (let m = 0; m < M; m++) for (const g of perModel[m]) totalStages += groups[g].pp;
  const latency = new Float64Array(totalStages);
  const byBatch = options.batching ? new Float64Array(totalStages * BATCH_SIZES.length) : undefined;
  let r = 0;
  let off = 0;
  for (let m = 0; m < M; m++) {
    for (const g of perModel[m]) {
      const spec = groups[g];
      const cfg = findConfig(models.profiles[m], spec);
      if (!cfg) {
        throw new Error(`model "${models.names[m]}" has no (dp ${spec.dp}, op ${spec.op}, pp ${spec.pp}) configuration`);
      }
      const bs1 = cfg.latency['1'];
      replicaGroup[r] = g;
      replicaLatency[r] = off;
      let work = 0;
      for (let k = 0; k < spec.pp; k++) {
        const v = penalisedStageLatency(bs1[k], bs1.length);
        latency[off + k] = v;
        work += v;
        if (byBatch) {
          BATCH_SIZES.forEach((b, bi) => {
            const list = cfg.latency[String(b)];
            if (!list) {
              throw new Error(
                `batching: model "${models.names[m]}" has no batch-${b} latency for (dp ${spec.dp}, op ${spec.op}, pp ${spec.pp})`,
              );
            }
            byBatch[(off + k) * BATCH_SIZES.length + bi] = penalisedStageLatency(list[k], bs1.length);
          });
        }
      }
      replicaWork[r] = work;
      off += spec.pp;
      r++;
    }
  }
  return {
    numGroups: G,
    stageStart,
    replicaStart,
    replicaGroup,
    replicaLatency,
    replicaWork,
    latency,
    latencyByBatch: byBatch,
    groupModels,
    replicas: R,
    groups: groups.map((g) => ({ ...g, models: [...g.models] })),
  };
}
