/**
 * How long a measurement will take, said before it starts: per session, the
 * time to generate the weights and encode the graph, to create the session,
 * and to run it (warm-up + timed runs) at an assumed speed of the backend,
 * plus a cost per kernel launch (which dominates tiny models); once, the
 * runtime's start (compiling onnxruntime's 28 MB of wasm, opening the GPU).
 * While it runs, the speed seen so far replaces the assumed one.
 *
 * Assumed figures (rough on purpose; documented in docs/measure.md), checked
 * against what this project's machines showed:
 *   wasm:  10 GFLOP/s per thread, 10 us per kernel (Node: 21 GFLOP/s on one
 *          thread for a BERT-1.3B layer at sequence 128)
 *   WebGPU, fallback (software) adapter: 2 GFLOP/s, 1 ms per kernel
 *          (SwiftShader: 0.15 s per run of a 155-node tiny model)
 *   WebGPU, hardware adapter: 1000 GFLOP/s, 30 us per kernel
 *   weights: 150 MB/s generated and encoded; sessions: 50 MB/s to create
 *   (onnxruntime parses and copies the weights); runtime start: 4 s.
 */
import type { BackendInfo } from './backend';
import type { MeasurementPlan } from './plan';

export interface BackendSpeed {
  flopsPerSecond: number;
  secondsPerKernel: number;
}

export const ASSUMED_SPEED = {
  wasmPerThread: { flopsPerSecond: 10e9, secondsPerKernel: 10e-6 },
  fallbackAdapter: { flopsPerSecond: 2e9, secondsPerKernel: 1e-3 },
  gpu: { flopsPerSecond: 1e12, secondsPerKernel: 30e-6 },
} as const;
const BUILD_BYTES_PER_SECOND = 150e6;
const CREATE_BYTES_PER_SECOND = 50e6;
const CREATE_FIXED_SECONDS = 0.05;
const RUNTIME_START_SECONDS = 4;

export function assumedSpeed(backend: Pick<BackendInfo, 'kind' | 'adapter' | 'threads'>): BackendSpeed {
  if (backend.kind === 'webgpu' && backend.adapter) return backend.adapter.isFallbackAdapter ? ASSUMED_SPEED.fallbackAdapter : ASSUMED_SPEED.gpu;
  const w = ASSUMED_SPEED.wasmPerThread;
  return { flopsPerSecond: w.flopsPerSecond * Math.max(1, backend.threads), secondsPerKernel: w.secondsPerKernel };
}

export interface SessionEstimate {
  key: string;
  setupSeconds: number;
  runSeconds: number;
}

export function estimateSessions(plan: MeasurementPlan, runsPerSession: number, speed: BackendSpeed): SessionEstimate[] {
  return plan.sessions.map((s, i) => {
    const bytes = s.parameters * plan.bytesPerParameter;
    return {
      key: s.key,
      setupSeconds: (i === 0 ? RUNTIME_START_SECONDS : 0) + bytes / BUILD_BYTES_PER_SECOND + CREATE_FIXED_SECONDS + bytes / CREATE_BYTES_PER_SECOND,
      runSeconds: runsPerSession * (s.flops / speed.flopsPerSecond + s.nodes * speed.secondsPerKernel),
    };
  });
}

/** Seconds the whole measurement should take. */
export function estimateSeconds(plan: MeasurementPlan, runsPerSession: number, speed: BackendSpeed): number {
  return estimateSessions(plan, runsPerSession, speed).reduce((a, e) => a + e.setupSeconds + e.runSeconds, 0);
}

/**
 * Seconds left after the sessions in `done`: the remaining sessions at the
 * speed seen so far (the finished sessions' FLOPs over their median run time,
 * kernel costs as assumed), or at `assumed` before the first one finishes.
 */
export function remainingSeconds(plan: MeasurementPlan, runsPerSession: number, done: readonly { key: string; median: number }[], assumed: BackendSpeed): number {
  let flops = 0;
  let seconds = 0;
  const byKey = new Map(plan.sessions.map((s) => [s.key, s]));
  for (const d of done) {
    const s = byKey.get(d.key);
    const compute = s ? d.median - s.nodes * assumed.secondsPerKernel : 0;
    if (s && compute > 0) {
      flops += s.flops;
      seconds += compute;
    }
  }
  const speed = seconds > 0 ? { ...assumed, flopsPerSecond: flops / seconds } : assumed;
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
