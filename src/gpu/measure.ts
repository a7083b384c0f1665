/**
 * Runs a measurement plan with onnxruntime-web: for each planned session,
 * build the stage graph (weights generated while encoding), create the
 * session, warm it up, time it, release it. Stages run in order and each
 * stage's output is the next stage's input, so the stages compute on real
 * activations. `ort` is passed in (the worker's browser build, or the Node
 * build in tests), and so is the log capture that yields node placements.
 */
import type * as Ort from 'onnxruntime-web';
import { buildStageGraph, type FloatType } from './bertGraph';
import type { BertConfig } from './bertConfig';
import { parsePlacements, type BackendKind, type NodePlacement } from './backend';
import type { MeasurementPlan, PlannedSession } from './plan';
import { MeasurementCancelled, summarise, timeRuns, type TimingStats } from './timing';
import { randomActivations, randomTokenIds } from './weights';

export type OrtModule = typeof Ort;

export interface SessionMeasurement {
  key: string;
  label: string;
  stats: TimingStats;
  /** seconds: building the graph (and generating the weights), creating the session */
  buildSeconds: number;
  createSeconds: number;
  /** graph nodes as written, before onnxruntime's optimisations */
  graphNodes: number;
  parameters: number;
  modelBytes: number;
  /** null when no placement report was captured */
  placement: NodePlacement | null;
  outputDims: number[];
}

export type MeasurePhase = 'building' | 'creating' | 'warm-up' | 'timing' | 'done';

export interface MeasureProgress {
  /** 0-based index of the session being measured */
  session: number;
  sessions: number;
  key: string;
  label: string;
  phase: MeasurePhase;
  /** runs done of this session (warm-up and timed) */
  run: number;
  runs: number;
  /** the session just finished (phase 'done') */
  result?: SessionMeasurement;
}

export interface MeasureHooks {
  onProgress?: (p: MeasureProgress) => void;
  cancelled?: () => boolean;
  /** starts capturing onnxruntime's log; returns a function that stops and returns it */
  captureLog?: () => () => string;
  now?: () => number;
}

export interface MeasureRequest {
  config: BertConfig;
  plan: MeasurementPlan;
  backend: BackendKind;
  warmup: number;
  runs: number;
  seed: number;
}

function feedFor(ort: OrtModule, c: BertConfig, input: { name: string; type: string; dims: readonly number[] }, precision: FloatType, seed: number, previous: Ort.Tensor | null): Ort.Tensor {
  const dims = [...input.dims];
  if (input.type === 'int64') return new ort.Tensor('int64', randomTokenIds(c.batch * c.sequence, c.vocab, seed), dims);
  if (previous && previous.type === precision && previous.dims.join() === dims.join()) return previous;
  const n = dims.reduce((a, b) => a * b, 1);
  const data = randomActivations(n, precision, seed);
  return precision === 'float32' ? new ort.Tensor('float32', data as Float32Array, dims) : new ort.Tensor('float16', data as Uint16Array, dims);
}

async function measureSession(
  ort: OrtModule,
  req: MeasureRequest,
  planned: PlannedSession,
  index: number,
  previous: Ort.Tensor | null,
  hooks: MeasureHooks,
): Promise<{ result: SessionMeasurement; output: Ort.Tensor }> {
  const now = hooks.now ?? (() => performance.now());
  const total = req.warmup + req.runs;
  const progress = (phase: MeasurePhase, run = 0, result?: SessionMeasurement): void =>
    hooks.onProgress?.({ session: index, sessions: req.plan.sessions.length, key: planned.key, label: planned.label, phase, run, runs: total, result });
  if (hooks.cancelled?.()) throw new MeasurementCancelled();
  progress('building');
  const t0 = now();
  const stage = buildStageGraph(req.config, planned.content, req.plan.precision, req.seed);
  let model: Uint8Array | null = stage.graph.encode();
  const modelBytes = model.length;
  const t1 = now();
  progress('creating');
  const stopCapture = hooks.captureLog?.();
  let session: Ort.InferenceSession;
  let log = '';
  try {
    session = await ort.InferenceSession.create(model, {
      executionProviders: [req.backend],
      graphOptimizationLevel: 'all',
      // VERBOSE makes onnxruntime report where each node runs (see parsePlacements); it logs nothing per run
      logSeverityLevel: stopCapture ? 0 : 2,
    });
  } catch (e) {
    throw new Error(`creating the session for ${planned.label} on ${req.backend} failed: ${(e as Error)?.message ?? String(e)}`);
  } finally {
    if (stopCapture) log = stopCapture();
    model = null; // the session holds its own copy
  }
  const t2 = now();
  try {
    const feeds = { [stage.input.name]: feedFor(ort, req.config, stage.input, req.plan.precision, req.seed + index, previous) };
    let output: Ort.Tensor | null = null;
    const once = async (): Promise<void> => {
      const out = await session.run(feeds);
      output = out[stage.output.name] as Ort.Tensor;
    };
    let seconds: number[];
    try {
      seconds = await timeRuns(once, {
        warmup: req.warmup,
        runs: req.runs,
        now,
        cancelled: hooks.cancelled,
        onRun: (done) => progress(done <= req.warmup ? 'warm-up' : 'timing', done),
      });
    } catch (e) {
      if ((e as Error)?.name === 'MeasurementCancelled') throw e;
      throw new Error(`running ${planned.label} on ${req.backend} failed: ${(e as Error)?.message ?? String(e)}`);
    }
    const out = output as Ort.Tensor | null;
    if (!out) throw new Error(`${planned.label} produced no "${stage.output.name}" output`);
    const result: SessionMeasurement = {
      key: planned.key,
      label: planned.label,
      stats: summarise(seconds),
      buildSeconds: (t1 - t0) / 1000,
      createSeconds: (t2 - t1) / 1000,
      graphNodes: stage.graph.nodes.length,
      parameters: stage.graph.parameterCount,
      modelBytes,
      placement: parsePlacements(log, req.backend === 'webgpu'),
      outputDims: [...out.dims],
    };
    progress('done', total, result);
    return { result, output: out };
  } finally {
    await session.release();
  }
}

/** Measures every session of the plan, in order; a cancelled measurement rejects with MeasurementCancelled. */
export async function runMeasurement(ort: OrtModule, req: MeasureRequest, hooks: MeasureHooks = {}): Promise<SessionMeasurement[]> {
  const out: SessionMeasurement[] = [];
  let previous: Ort.Tensor | null = null;
  for (let i = 0; i < req.plan.sessions.length; i++) {
    const planned = req.plan.sessions[i];
    // a stage that reads hidden states takes the previous stage's output; the first stage of each pipeline reads token ids
    const r: { result: SessionMeasurement; output: Ort.Tensor } = await measureSession(ort, req, planned, i, planned.content.embedding ? null : previous, hooks);
    out.push(r.result);
    previous = r.output;
  }
  return out;
}
