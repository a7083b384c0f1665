/**
 * What a measurement runs: one session per pipeline stage of every measured
 * degree pp in {1, 2, 4, 8} ("full"), or, when the whole model would not fit
 * the browser, three sessions - the embedding, ONE encoder layer, the head -
 * whose medians are added up per stage, the layer's times its layer count
 * ("one-layer").
 *
 * The browser limits (documented in docs/measure.md):
 *  - weights of one session <= 1 GiB (SESSION_WEIGHT_LIMIT): the model is one
 *    protobuf (hard limit 2 GiB), built in the worker's memory and copied by
 *    onnxruntime into its wasm32 heap (at most 4 GiB, shared with the
 *    activations);
 *  - every tensor, weight or activation, <= the backend's single-buffer limit:
 *    WebGPU: min(adapter maxBufferSize, maxStorageBufferBindingSize);
 *    wasm: 1 GiB (a quarter of the 4 GiB heap).
 */
import {
  embeddingFlops,
  embeddingParameters,
  headFlops,
  headParameters,
  layerFlops,
  layerParameters,
  type BertConfig,
} from './bertConfig';
import { buildStageGraph, describeStage, type FloatType, type StageContent } from './bertGraph';
import type { AdapterSummary, BackendKind } from './backend';
import { pipelineDegrees, splitLayers } from './stages';

export type MeasureMode = 'full' | 'one-layer';

export const GIB = 2 ** 30;
export const SESSION_WEIGHT_LIMIT = GIB;
export const WASM_TENSOR_LIMIT = GIB;

export interface PlannedSession {
  /** "pp2.stage1", or "embedding" / "layer" / "head" in one-layer mode */
  key: string;
  label: string;
  content: StageContent;
  parameters: number;
  flops: number;
  /** nodes of its graph (each is at least one kernel launch per run) */
  nodes: number;
}

export interface MeasurementPlan {
  mode: MeasureMode;
  precision: FloatType;
  bytesPerParameter: number;
  /** pipeline degrees with a profile configuration (pp <= layers) */
  degrees: number[];
  sessions: PlannedSession[];
  /** why this mode (which limit the whole model exceeds) */
  reason: string;
}

export interface BackendLimits {
  kind: BackendKind;
  /** bytes one tensor may take */
  tensorBytes: number;
  /** where tensorBytes comes from */
  tensorLimitName: string;
}

export function backendLimits(kind: BackendKind, adapter: AdapterSummary | null): BackendLimits {
  if (kind === 'webgpu' && adapter) {
    const tensorBytes = Math.min(adapter.maxBufferSize, adapter.maxStorageBufferBindingSize);
    return { kind, tensorBytes, tensorLimitName: "the adapter's largest buffer (min of maxBufferSize, maxStorageBufferBindingSize)" };
  }
  return { kind: 'wasm', tensorBytes: WASM_TENSOR_LIMIT, tensorLimitName: 'the wasm per-tensor limit (1 GiB of the 4 GiB heap)' };
}

export function stageParameters(c: BertConfig, s: StageContent): number {
  return (s.embedding ? embeddingParameters(c) : 0) + s.layerCount * layerParameters(c) + (s.head ? headParameters(c) : 0);
}

export function stageFlops(c: BertConfig, s: StageContent): number {
  return (s.embedding ? embeddingFlops(c) : 0) + s.layerCount * layerFlops(c) + (s.head ? headFlops(c) : 0);
}

/** The largest single tensor of a stage (weights and activations), bytes, and what it is. */
export function largestTensor(c: BertConfig, s: StageContent, bytes: number): { name: string; bytes: number } {
  const candidates: { name: string; bytes: number }[] = [];
  if (s.embedding) candidates.push({ name: 'the word embedding table', bytes: c.vocab * c.hidden * bytes });
  if (s.layerCount > 0) {
    candidates.push({ name: 'the attention score tensor', bytes: c.batch * c.heads * c.sequence * c.sequence * bytes });
    candidates.push({ name: 'a feed-forward weight', bytes: c.hidden * c.ffn * bytes });
    candidates.push({ name: 'the feed-forward activation tensor', bytes: c.batch * c.sequence * c.ffn * bytes });
  }
  candidates.push({ name: 'the hidden state tensor', bytes: c.batch * c.sequence * c.hidden * bytes });
  return candidates.reduce((a, b) => (b.bytes > a.bytes ? b : a));
}

const gib = (b: number): string => `${(b / GIB).toFixed(b >= GIB / 10 ? 2 : 4)} GiB`;

/** Why a session cannot run on this backend, or null when it fits. */
export function sessionProblem(c: BertConfig, s: StageContent, precision: FloatType, limits: BackendLimits): string | null {
  const bytes = precision === 'float16' ? 2 : 4;
  const weights = stageParameters(c, s) * bytes;
  if (weights > SESSION_WEIGHT_LIMIT) return `${describeStage(s)}: the weights take ${gib(weights)}, more than the ${gib(SESSION_WEIGHT_LIMIT)} one session may hold`;
  const t = largestTensor(c, s, bytes);
  if (t.bytes > limits.tensorBytes) return `${describeStage(s)}: ${t.name} takes ${gib(t.bytes)}, more than ${limits.tensorLimitName}, ${gib(limits.tensorBytes)}`;
  return null;
}

function planned(c: BertConfig, key: string, s: StageContent): PlannedSession {
  // building the graph without encoding it generates no weights: cheap even for large models
  const nodes = buildStageGraph(c, s, 'float32', 0).graph.nodes.length;
  return { key, label: describeStage(s), content: s, parameters: stageParameters(c, s), flops: stageFlops(c, s), nodes };
}

/**
 * The plan for a model on a backend. Throws an Error saying what is too big
 * when even one layer (or the embedding, or the head) does not fit.
 */
export function planMeasurement(c: BertConfig, precision: FloatType, limits: BackendLimits): MeasurementPlan {
  const bytesPerParameter = precision === 'float16' ? 2 : 4;
  const degrees = pipelineDegrees(c.layers);
  const whole: StageContent = { embedding: true, firstLayer: 0, layerCount: c.layers, head: true };
  const wholeProblem = sessionProblem(c, whole, precision, limits);
  if (wholeProblem === null) {
    const sessions: PlannedSession[] = [];
    for (const pp of degrees) splitLayers(c.layers, pp).forEach((s, k) => sessions.push(planned(c, `pp${pp}.stage${k + 1}`, s)));
    return { mode: 'full', precision, bytesPerParameter, degrees, sessions, reason: 'the whole model fits one session, so every stage is measured as it is' };
  }
  const parts = [
    planned(c, 'embedding', { embedding: true, firstLayer: 0, layerCount: 0, head: false }),
    planned(c, 'layer', { embedding: false, firstLayer: 0, layerCount: 1, head: false }),
    planned(c, 'head', { embedding: false, firstLayer: 0, layerCount: 0, head: true }),
  ];
  for (const p of parts) {
    const problem = sessionProblem(c, p.content, precision, limits);
    if (problem) throw new Error(`this model cannot be measured in the browser: ${problem}. Choose a smaller model or the short sequence.`);
  }
  return {
    mode: 'one-layer',
    precision,
    bytesPerParameter,
    degrees,
    sessions: parts,
    reason: `the whole model does not fit the browser (${wholeProblem}), so one layer, the embedding and the head are measured and each stage is their sum with the layer times its layer count`,
  };
}
