/**
 * One pipeline stage of the BERT-like encoder as an ONNX graph: optionally
 * the embedding (token ids -> hidden states), a run of encoder layers, and
 * optionally the head (pooler on the first token + classifier).
 *
 * A stage with the embedding reads `input_ids` (int64 [batch, sequence]);
 * any other reads `hidden_in` ([batch, sequence, hidden]). A stage with the
 * head writes `logits` ([batch, classes]); any other writes `hidden_out`.
 * So stage k's output feeds stage k+1's input.
 *
 * Encoder layer (post-LayerNorm, as BERT):
 *   q, k, v = x Wq + bq, x Wk + bk, x Wv + bv   (split into heads)
 *   a = softmax(q k^T / sqrt(d)) v              (heads merged) Wo + bo
 *   h = LayerNorm(x + a)
 *   y = LayerNorm(h + GELU(h W1 + b1) W2 + b2)  GELU(x) = x/2 (1 + erf(x/sqrt 2))
 */
import type { BertConfig } from './bertConfig';
import { floatAttr, intAttr, intsAttr, OnnxGraph, type ValueInfo } from './onnxGraph';
import { fillConstant, fillUniform, tensorSeed } from './weights';

export type FloatType = 'float32' | 'float16';

/** What one stage graph holds. Layers are 0-based and contiguous: [firstLayer, firstLayer + layerCount). */
export interface StageContent {
  embedding: boolean;
  firstLayer: number;
  layerCount: number;
  head: boolean;
}

export interface StageGraph {
  graph: OnnxGraph;
  input: ValueInfo;
  output: ValueInfo;
}

/** Standard deviation-like scale of the random weights (BERT initialises with std 0.02). */
const WEIGHT_SCALE = 0.02;
const LAYER_NORM_EPSILON = 1e-5;

export function describeStage(s: StageContent): string {
  const parts: string[] = [];
  if (s.embedding) parts.push('embedding');
  if (s.layerCount === 1) parts.push(`layer ${s.firstLayer + 1}`);
  else if (s.layerCount > 1) parts.push(`layers ${s.firstLayer + 1}-${s.firstLayer + s.layerCount}`);
  if (s.head) parts.push('head');
  return parts.join(' + ') || 'nothing';
}

class StageBuilder {
  constructor(
    readonly g: OnnxGraph,
    readonly c: BertConfig,
    readonly type: FloatType,
    readonly seed: number,
  ) {}

  weight(name: string, dims: number[]): string {
    return this.g.initializer(name, this.type, dims, (t) => fillUniform(t, this.type, WEIGHT_SCALE, tensorSeed(this.seed, name)));
  }

  constant(name: string, dims: number[], value: number): string {
    return this.g.initializer(name, this.type, dims, (t) => fillConstant(t, this.type, value));
  }

  /** x W + b */
  linear(prefix: string, x: string, inDim: number, outDim: number): string {
    const w = this.weight(`${prefix}.weight`, [inDim, outDim]);
    const b = this.weight(`${prefix}.bias`, [outDim]);
    const xw = this.g.node('MatMul', [x, w], [`${prefix}.matmul`]);
    return this.g.node('Add', [xw, b], [`${prefix}.out`]);
  }

  layerNorm(prefix: string, x: string): string {
    const scale = this.constant(`${prefix}.scale`, [this.c.hidden], 1);
    const bias = this.constant(`${prefix}.bias`, [this.c.hidden], 0);
    return this.g.node('LayerNormalization', [x, scale, bias], [`${prefix}.out`], { axis: intAttr(2), epsilon: floatAttr(LAYER_NORM_EPSILON) });
  }

  embedding(ids: string): string {
    const c = this.c;
    const words = this.weight('embedding.word', [c.vocab, c.hidden]);
    const positions = this.weight('embedding.position', [c.sequence, c.hidden]);
    const gathered = this.g.node('Gather', [words, ids], ['embedding.gather'], { axis: intAttr(0) });
    const summed = this.g.node('Add', [gathered, positions], ['embedding.sum']);
    return this.layerNorm('embedding.norm', summed);
  }

  layer(i: number, x: string): string {
    const c = this.c;
    const g = this.g;
    const p = `layer${i}`;
    const d = c.hidden / c.heads;
    const split = g.int64(`${p}.split_shape`, [c.batch, c.sequence, c.heads, d]);
    const merged = g.int64(`${p}.merge_shape`, [c.batch, c.sequence, c.hidden]);
    const heads = (name: string, perm: number[]): string => {
      const y = this.linear(`${p}.${name}`, x, c.hidden, c.hidden);
      const r = g.node('Reshape', [y, split], [`${p}.${name}.heads`]);
      return g.node('Transpose', [r], [`${p}.${name}.t`], { perm: intsAttr(perm) });
    };
    const q = heads('query', [0, 2, 1, 3]); // [b, heads, s, d]
    const k = heads('key', [0, 2, 3, 1]); // [b, heads, d, s]
    const v = heads('value', [0, 2, 1, 3]);
    const scores = g.node('MatMul', [q, k], [`${p}.scores`]);
    const scale = this.constant(`${p}.scale`, [], 1 / Math.sqrt(d));
    const scaled = g.node('Mul', [scores, scale], [`${p}.scores_scaled`]);
    const probs = g.node('Softmax', [scaled], [`${p}.probs`], { axis: intAttr(3) });
    const context = g.node('MatMul', [probs, v], [`${p}.context`]);
    const ct = g.node('Transpose', [context], [`${p}.context.t`], { perm: intsAttr([0, 2, 1, 3]) });
    const cm = g.node('Reshape', [ct, merged], [`${p}.context.merged`]);
    const attn = this.linear(`${p}.attention_output`, cm, c.hidden, c.hidden);
    const res1 = g.node('Add', [x, attn], [`${p}.residual1`]);
    const h = this.layerNorm(`${p}.norm1`, res1);
    const up = this.linear(`${p}.ffn_in`, h, c.hidden, c.ffn);
    const act = this.gelu(`${p}.gelu`, up);
    const down = this.linear(`${p}.ffn_out`, act, c.ffn, c.hidden);
    const res2 = g.node('Add', [h, down], [`${p}.residual2`]);
    return this.layerNorm(`${p}.norm2`, res2);
  }

  /** GELU(x) = 0.5 x (1 + erf(x / sqrt 2)), from opset-13 operators every backend has. */
  gelu(prefix: string, x: string): string {
    const g = this.g;
    const invSqrt2 = this.constant(`${prefix}.inv_sqrt2`, [], Math.SQRT1_2);
    const one = this.constant(`${prefix}.one`, [], 1);
    const half = this.constant(`${prefix}.half`, [], 0.5);
    const e = g.node('Erf', [g.node('Mul', [x, invSqrt2], [`${prefix}.scaled`])], [`${prefix}.erf`]);
    const xe = g.node('Mul', [x, g.node('Add', [e, one], [`${prefix}.erf1`])], [`${prefix}.xe`]);
    return g.node('Mul', [xe, half], [`${prefix}.out`]);
  }

  head(x: string): string {
    const c = this.c;
    const g = this.g;
    const first = g.int64('head.first_token', [0], []);
    const cls = g.node('Gather', [x, first], ['head.cls'], { axis: intAttr(1) }); // [b, hidden]
    const pooled = g.node('Tanh', [this.linear('head.pooler', cls, c.hidden, c.hidden)], ['head.pooled']);
    return this.linear('head.classifier', pooled, c.hidden, c.classes);
  }
}

/** The graph of one stage; weights are generated while it is encoded (graph.encode()). */
export function buildStageGraph(c: BertConfig, s: StageContent, type: FloatType, seed: number): StageGraph {
  if (!s.embedding && !s.head && s.layerCount < 1) throw new Error('a stage must hold the embedding, the head or at least one layer');
  const g = new OnnxGraph(`bert-stage-${describeStage(s).replace(/\s+/g, '')}`);
  const b = new StageBuilder(g, c, type, seed);
  const hiddenDims = [c.batch, c.sequence, c.hidden];
  const input: ValueInfo = s.embedding
    ? { name: 'input_ids', type: 'int64', dims: [c.batch, c.sequence] }
    : { name: 'hidden_in', type, dims: hiddenDims };
  let x = g.input(input.name, input.type, input.dims);
  if (s.embedding) x = b.embedding(x);
  for (let i = s.firstLayer; i < s.firstLayer + s.layerCount; i++) x = b.layer(i, x);
  let output: ValueInfo;
  if (s.head) {
    x = b.head(x);
    output = { name: 'logits', type, dims: [c.batch, c.classes] };
  } else {
    output = { name: 'hidden_out', type, dims: hiddenDims };
  }
  // the graph's output must have its own name: an Identity keeps names stable whatever the last node was
  g.node('Identity', [x], [output.name]);
  g.output(output.name, output.type, output.dims);
  return { graph: g, input, output };
}
