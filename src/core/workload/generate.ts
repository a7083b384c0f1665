/** Scenario workload -> merged arrivals (reference doc section 2; scenario format "workload"). */
import type { GammaWorkload, ModelSpec, WorkloadSpec } from '../scenario/types';
import type { Arrivals } from './arrivals';
import { generateDeterministicArrivals } from './deterministic';
import { Float64Builder } from './arrivals';
import { appendGammaArrivals, generateGammaArrivals } from './gammaProcess';
import { mergeConcatenated, mergeStreams, sortRequests } from './merge';
import { replayScenarioTrace } from './trace/loaded';

/** Per-model streams of a synthetic workload (model i uses seed + i). */
export function generateStreams(spec: WorkloadSpec, models: readonly ModelSpec[]): Float64Array[] {
  switch (spec.kind) {
    case 'gamma':
    case 'poisson': {
      const start = spec.start ?? 0;
      return models.map((m, i) =>
        generateGammaArrivals(m.rate, streamCv(spec, m), start, spec.duration, spec.seed + i),
      );
    }
    case 'deterministic': {
      const start = spec.start ?? 0;
      return models.map((m) => generateDeterministicArrivals(m.rate, start, spec.duration));
    }
    case 'explicit':
      throw new Error('explicit workloads have no per-model streams');
    case 'trace':
      return replayScenarioTrace(spec, models.length).streams;
  }
}

/** A Poisson workload is a Gamma process with cv 1. */
function streamCv(spec: WorkloadSpec, m: ModelSpec): number {
  return spec.kind === 'poisson' ? 1 : m.cv;
}

export function generateWorkload(spec: WorkloadSpec, models: readonly ModelSpec[]): Arrivals {
  if (spec.kind === 'explicit') {
    const index = new Map(models.map((m, i) => [m.name, i]));
    const n = spec.requests.length;
    const times = new Float64Array(n);
    const ids = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const [t, name] = spec.requests[i];
      const id = index.get(name);
      if (id === undefined) throw new Error(`workload.requests[${i}][1]: unknown model "${name}"`);
      times[i] = t;
      ids[i] = id;
    }
    return sortRequests(times, ids);
  }
  if (spec.kind === 'trace') return replayScenarioTrace(spec, models.length).arrivals;
  if (spec.kind === 'deterministic') return mergeStreams(generateStreams(spec, models));
  // Gamma/Poisson: every stream straight into one buffer, which the merge then reuses as one of its two
  const out = new Float64Builder(Math.min(arrivalsCapacity(spec, models), 1 << 26));
  const bounds = [0];
  models.forEach((m, i) => {
    appendGammaArrivals(out, m.rate, streamCv(spec, m), spec.start ?? 0, spec.duration, spec.seed + i);
    bounds.push(out.length);
  });
  return mergeConcatenated(out.finish(), bounds);
}

/**
 * Room for all streams of a Gamma/Poisson workload: the expected count plus
 * six standard deviations (a renewal process with rate r and coefficient of
 * variation c counts about r * d +- c * sqrt(r * d) arrivals in d seconds),
 * plus a little per stream. Tighter than the reference's batches (1.2x the
 * expected count): 32 instead of 38 MB on the kernel benchmark (each fresh
 * page costs a fault, 5-10 us on the benchmark machine); the builder grows in
 * the rare case it is exceeded.
 */
function arrivalsCapacity(spec: GammaWorkload, models: readonly ModelSpec[]): number {
  let mean = 0;
  let variance = 0;
  for (const m of models) {
    if (!(m.rate > 0)) continue;
    const cv = streamCv(spec, m);
    mean += m.rate * spec.duration;
    variance += cv * cv * m.rate * spec.duration;
  }
  return Math.ceil(mean + 6 * Math.sqrt(variance)) + 16 * (models.length + 1);
}

/**
 * The reference's default training workload of the policies: each model's
 * Gamma process with seed i (whatever the scenario's seed), start 0, over
 * max(100 s, 30000 / total rate); cv 1 when the test workload is Poisson.
 * For a trace replay, the replay itself (see docs/traces.md).
 */
export function defaultTrainingWorkload(test: WorkloadSpec, models: readonly ModelSpec[]): WorkloadSpec {
  // a trace replay: the policies train on the replay itself (the reference's trace experiments place
  // with the workload they then serve); the models' rate fields say nothing about the trace
  if (test.kind === 'trace') return test;
  const total = models.reduce((a, m) => a + m.rate, 0);
  const duration = Math.max(100, total > 0 ? 30000 / total : 100);
  return { kind: test.kind === 'poisson' ? 'poisson' : 'gamma', duration, seed: 0, start: 0 };
}
