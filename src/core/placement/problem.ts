/**
 * A search problem: the models a (sub-)search places, their memory and
 * penalised stage latencies per group configuration, and the training
 * requests, generated once and kept as typed arrays. The bucket sub-problems
 * of mp-search-sep place a subset of the models but are scored on the whole
 * training workload (the other buckets' requests count as not good), exactly
 * as the reference does (reference doc section 4).
 */
import { configMemoryGB, findConfig } from '../profiles/types';
import { penalisedStageLatency, type CompiledModels } from '../sim/compile';
import type { Arrivals } from '../workload/arrivals';

/** A group configuration of the searches (dp is always 1). */
export interface GroupConfig {
  op: number;
  pp: number;
}

export function configLabel(c: GroupConfig): string {
  return `(1,${c.op},${c.pp})`;
}

/** Memory and latency of every model of a problem in one configuration. */
export interface ConfigInfo extends GroupConfig {
  key: string;
  /** weight memory per GPU (GB) of each local model; Infinity when the profile lacks the configuration */
  weight: Float64Array;
  /** offset of each local model's pp penalised stage latencies in the problem's latency table (-1: none) */
  latOffset: Int32Array;
}

export interface SearchProblem {
  /** global (scenario) indices of the problem's models, ascending; local index = position */
  models: Int32Array;
  names: string[];
  numModels: number;
  /** float32-rounded SLO of each local model */
  slo: Float64Array;
  budgetGB: number;
  /** requests of the whole (window of the) training workload: the score's denominator */
  nAll: number;
  /** the problem's own requests in arrival order */
  time: Float64Array;
  /** local model of each of the problem's requests */
  model: Int32Array;
  /** index of each of the problem's requests in the whole training workload (window) */
  allIndex: Int32Array;
  /** per local model, indices of its requests in the problem's arrays */
  modelRequests: Int32Array[];
  /** requests per local model */
  requestCount: Float64Array;
  /** penalised stage latencies of every (configuration, model) registered so far */
  latencyTable: Float64Array;
  configs: Map<string, ConfigInfo>;
  /** scratch buffers of the evaluator (one search at a time per problem) */
  scratch: { saved: Float64Array };
  compiled: CompiledModels;
}

/**
 * Build a problem over `modelIds` (global indices, ascending) from training
 * arrivals restricted to requests [from, to).
 */
export function buildProblem(
  compiled: CompiledModels,
  arrivals: Arrivals,
  modelIds: readonly number[],
  budgetGB: number,
  from = 0,
  to = arrivals.time.length,
): SearchProblem {
  const numModels = modelIds.length;
  const totalModels = compiled.names.length;
  const local = new Int32Array(totalModels).fill(-1);
  modelIds.forEach((g, i) => (local[g] = i));
  const counts = new Int32Array(numModels);
  let np = 0;
  for (let i = from; i < to; i++) {
    const l = local[arrivals.model[i]];
    if (l >= 0) {
      counts[l]++;
      np++;
    }
  }
  const time = new Float64Array(np);
  const model = new Int32Array(np);
  const allIndex = new Int32Array(np);
  const modelRequests = Array.from(counts, (c) => new Int32Array(c));
  const fill = new Int32Array(numModels);
  let k = 0;
  for (let i = from; i < to; i++) {
    const l = local[arrivals.model[i]];
    if (l < 0) continue;
    time[k] = arrivals.time[i];
    model[k] = l;
    allIndex[k] = i - from;
    modelRequests[l][fill[l]++] = k;
    k++;
  }
  const slo = new Float64Array(numModels);
  modelIds.forEach((g, i) => (slo[i] = compiled.slo[g]));
  return {
    models: Int32Array.from(modelIds),
    names: modelIds.map((g) => compiled.names[g]),
    numModels,
    slo,
    budgetGB,
    nAll: to - from,
    time,
    model,
    allIndex,
    modelRequests,
    requestCount: Float64Array.from(counts),
    latencyTable: new Float64Array(0),
    configs: new Map(),
    scratch: { saved: new Float64Array(np) },
    compiled,
  };
}

/** The problem's table entry for configuration (1, op, pp), registering it on first use. */
export function configInfo(p: SearchProblem, c: GroupConfig): ConfigInfo {
  const key = `${c.op},${c.pp}`;
  const known = p.configs.get(key);
  if (known) return known;
  const weight = new Float64Array(p.numModels);
  const latOffset = new Int32Array(p.numModels).fill(-1);
  const extra: number[] = [];
  const base = p.latencyTable.length;
  for (let m = 0; m < p.numModels; m++) {
    const cfg = findConfig(p.compiled.profiles[p.models[m]], { dp: 1, op: c.op, pp: c.pp });
    if (!cfg) {
      weight[m] = Infinity;
      continue;
    }
    weight[m] = configMemoryGB(cfg);
    const bs1 = cfg.latency['1'];
    latOffset[m] = base + extra.length;
    for (let s = 0; s < c.pp; s++) extra.push(penalisedStageLatency(bs1[s], bs1.length));
  }
  const table = new Float64Array(base + extra.length);
  table.set(p.latencyTable);
  table.set(extra, base);
  p.latencyTable = table;
  const info: ConfigInfo = { op: c.op, pp: c.pp, key, weight, latOffset };
  p.configs.set(key, info);
  return info;
}
