/**
 * The measured model: a BERT-like encoder (embedding, L post-LayerNorm
 * encoder layers, a pooler/classifier head), its presets and its sizes.
 *
 * Presets follow the paper's BERT specs (the model sizes of Alpa's benchmark
 * suite, which AlpaServe uses): 1.3B = hidden 2048, 24 layers, 32 heads;
 * 2.6B = 2560, 32, 32; 6.7B = 4096, 32, 32; sequence 2048; vocabulary 51200
 * (with it the parameter counts come out at 1.3, 2.6 and 6.7 billion).
 */

export interface BertConfig {
  hidden: number;
  heads: number;
  layers: number;
  sequence: number;
  vocab: number;
  /** feed-forward width, 4 x hidden in BERT */
  ffn: number;
  /** classes of the classifier head */
  classes: number;
  /** sequences per batch; the planner's profiles are measured at batch 1 */
  batch: number;
}

export interface ModelPreset {
  id: string;
  name: string;
  /** the built-in profile (src/core/profiles/paperModels.ts) of the same model, for comparison */
  builtin: string | null;
  config: BertConfig;
}

export const PAPER_SEQUENCE = 2048;
/** The "short sequence" option: a typical BERT serving length, 16x less than the paper's. */
export const SHORT_SEQUENCE = 128;
export const VOCAB = 51200;

const bert = (hidden: number, layers: number, heads: number): BertConfig => ({
  hidden,
  heads,
  layers,
  sequence: PAPER_SEQUENCE,
  vocab: VOCAB,
  ffn: 4 * hidden,
  classes: 2,
  batch: 1,
});

export const MODEL_PRESETS: readonly ModelPreset[] = [
  { id: 'bert-1.3b', name: 'BERT-1.3B', builtin: 'bert-1.3b', config: bert(2048, 24, 32) },
  { id: 'bert-2.6b', name: 'BERT-2.6B', builtin: 'bert-2.6b', config: bert(2560, 32, 32) },
  { id: 'bert-6.7b', name: 'BERT-6.7B', builtin: 'bert-6.7b', config: bert(4096, 32, 32) },
];

/** A small model for quick tries: 8 layers (so every pp in {1, 2, 4, 8} exists), seconds on any backend. */
export const TINY_CONFIG: BertConfig = { hidden: 64, heads: 4, layers: 8, sequence: 16, vocab: 128, ffn: 256, classes: 2, batch: 1 };

/** Largest values the settings accept: beyond them the graphs would not fit any browser. */
export const LIMITS = { hidden: 16384, heads: 256, layers: 256, sequence: 8192, vocab: 1_000_000 } as const;

/** Problems with a configuration, each saying what is wrong; [] when it can be built. */
export function configProblems(c: BertConfig): string[] {
  const out: string[] = [];
  const int = (name: keyof BertConfig, max: number): void => {
    const v = c[name];
    if (!Number.isInteger(v) || v < 1) out.push(`${name} must be a whole number >= 1, got ${v}`);
    else if (v > max) out.push(`${name} must be at most ${max}, got ${v}`);
  };
  int('hidden', LIMITS.hidden);
  int('heads', LIMITS.heads);
  int('layers', LIMITS.layers);
  int('sequence', LIMITS.sequence);
  int('vocab', LIMITS.vocab);
  int('ffn', 4 * LIMITS.hidden);
  int('classes', 1024);
  int('batch', 64);
  if (out.length === 0 && c.hidden % c.heads !== 0) out.push(`hidden (${c.hidden}) must be a multiple of heads (${c.heads})`);
  return out;
}

/** Parameters of each part of the model. */
export function embeddingParameters(c: BertConfig): number {
  return c.vocab * c.hidden + c.sequence * c.hidden + 2 * c.hidden; // word + position embeddings, LayerNorm
}

export function layerParameters(c: BertConfig): number {
  const h = c.hidden;
  return 4 * (h * h + h) + (h * c.ffn + c.ffn) + (c.ffn * h + h) + 4 * h; // Q, K, V, output; FFN in, out; two LayerNorms
}

export function headParameters(c: BertConfig): number {
  return c.hidden * c.hidden + c.hidden + c.hidden * c.classes + c.classes; // pooler, classifier
}

export function modelParameters(c: BertConfig): number {
  return embeddingParameters(c) + c.layers * layerParameters(c) + headParameters(c);
}

/** Floating-point operations (multiply-add = 2) of one forward pass of each part. */
export function layerFlops(c: BertConfig): number {
  const t = c.batch * c.sequence;
  const h = c.hidden;
  const projections = 2 * t * h * h * 4; // Q, K, V, output
  const attention = 2 * 2 * c.batch * c.sequence * c.sequence * h; // scores and weighted sum, all heads
  const ffn = 2 * 2 * t * h * c.ffn;
  return projections + attention + ffn;
}

export function embeddingFlops(c: BertConfig): number {
  return 10 * c.batch * c.sequence * c.hidden; // gather, add, LayerNorm: memory-bound, a few operations per value
}

export function headFlops(c: BertConfig): number {
  return 2 * c.batch * (c.hidden * c.hidden + c.hidden * c.classes);
}

export function describeModel(c: BertConfig): string {
  const p = modelParameters(c);
  const size = p >= 1e9 ? `${(p / 1e9).toFixed(2)}B` : p >= 1e6 ? `${(p / 1e6).toFixed(2)}M` : `${(p / 1e3).toFixed(1)}K`;
  return `hidden ${c.hidden}, ${c.layers} layers, ${c.heads} heads, sequence ${c.sequence}: ${size} parameters`;
}
