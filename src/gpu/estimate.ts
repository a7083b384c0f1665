/**
 * How long a measurement will take, said before it starts: per session, the
 * time to generate the weights and encode the graph, to create the session,
 * and to run it (warm-up + timed runs) at an assumed speed of the backend.
 * While it runs, the speed seen so far replaces the assumption.
 *
 * Assumed speeds (rough on purpose; documented in docs/measure.md):
 *   wasm:  4 GFLOP/s per thread (onnxruntime-web's SIMD CPU kernels on a laptop core)
 *   WebGPU, fallback (software) adapter: 2 GFLOP/s
 *   WebGPU, hardware adapter: 1000 GFLOP/s (a fraction of a GPU's peak: WebGPU kernels are not cuBLAS)
 *   weights: 200 MB/s generated and encoded; session creation: 0.2 s + 500 MB/s
 */
import type { BackendInfo } from './backend';
import type { MeasurementPlan } from './plan';

export const ASSUMED_FLOPS = {
  wasmPerThread: 4e9,
  fallbackAdapter: 2e9,
  gpu: 1e12,
} as const;
const BUILD_BYTES_PER_SECOND = 200e6;
const CREATE_BYTES_PER_SECOND = 500e6;
const CREATE_FIXED_SECONDS = 0.2;

export function assumedFlopsPerSecond(backend: Pick<BackendInfo, 'kind' | 'adapter' | 'threads'>): number {
  if (backend.kind === 'webgpu' && backend.adapter) return backend.adapter.isFallbackAdapter ? ASSUMED_FLOPS.fallbackAdapter : ASSUMED_FLOPS.gpu;
  return ASSUMED_FLOPS.wasmPerThread * Math.max(1, backend.threads);
}

export interface SessionEstimate {
  key: string;
  setupSeconds: number;
  runSeconds: number;
}

export function estimateSessions(plan: MeasurementPlan, runsPerSession: number, flopsPerSecond: number): SessionEstimate[] {
  return plan.sessions.map((s) => {
    const bytes = s.parameters * plan.bytesPerParameter;
    return {
      key: s.key,
      setupSeconds: bytes / BUILD_BYTES_PER_SECOND + CREATE_FIXED_SECONDS + bytes / CREATE_BYTES_PER_SECOND,
      runSeconds: (runsPerSession * s.flops) / flopsPerSecond,
    };
  });
}

/** Seconds the whole measurement should take. */
export function estimateSeconds(plan: MeasurementPlan, runsPerSession: number, flopsPerSecond: number): number {
  return estimateSessions(plan, runsPerSession, flopsPerSecond).reduce((a, e) => a + e.setupSeconds + e.runSeconds, 0);
}

/**
 * Seconds left after `done` sessions, with the speed seen so far: the measured
 * sessions' FLOPs over their median run time (null before the first finishes).
 */
export function remainingSeconds(plan: MeasurementPlan, runsPerSession: number, done: readonly { key: string; median: number }[], fallbackFlops: number): number {
  let flops = 0;
  let seconds = 0;
  const byKey = new Map(plan.sessions.map((s) => [s.key, s]));
  for (const d of done) {
    const s = byKey.get(d.key);
    if (s && d.median > 0) {
      flops += s.flops;
      seconds += d.median;
    }
  }
  const speed = seconds > 0 ? flops / seconds : fallbackFlops;
  const finished = new Set(done.map((d) => d.key));
  return estimateSessions(plan, runsPerSession, speed)
    .filter((e) => !finished.has(e.key))
    .reduce((a, e) => a + e.setupSeconds + e.runSeconds, 0);
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'unknown';
  if (seconds < 1) return 'under a second';
  if (seconds < 90) return `about ${Math.round(seconds)} s`;
  if (seconds < 5400) return `about ${Math.round(seconds / 60)} min`;
  return `about ${(seconds / 3600).toFixed(1)} h`;
}
