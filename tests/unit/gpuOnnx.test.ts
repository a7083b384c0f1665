/** The ONNX writer: protobuf encoding, and BERT stage graphs that onnxruntime-web (Node build) loads and runs. */
import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-web';
import { buildStageGraph, describeStage, type FloatType, type StageContent } from '../../src/gpu/bertGraph';
import { embeddingParameters, headParameters, layerParameters, MODEL_PRESETS, modelParameters, type BertConfig } from '../../src/gpu/bertConfig';
import { OnnxGraph } from '../../src/gpu/onnxGraph';
import { ProtoWriter } from '../../src/gpu/protobuf';
import { stageParameters } from '../../src/gpu/plan';
import { splitLayers } from '../../src/gpu/stages';
import { float16Bits, float16Value, randomTokenIds } from '../../src/gpu/weights';

const TINY: BertConfig = { hidden: 32, heads: 2, layers: 2, sequence: 8, vocab: 64, ffn: 128, classes: 2, batch: 1 };
const WHOLE: StageContent = { embedding: true, firstLayer: 0, layerCount: TINY.layers, head: true };

async function session(c: BertConfig, s: StageContent, type: FloatType = 'float32', seed = 7) {
  const g = buildStageGraph(c, s, type, seed);
  return { g, session: await ort.InferenceSession.create(g.graph.encode(), { executionProviders: ['wasm'] }) };
}

const ids = (c: BertConfig): ort.Tensor => new ort.Tensor('int64', randomTokenIds(c.batch * c.sequence, c.vocab, 3), [c.batch, c.sequence]);

describe('protobuf writer', () => {
  it('encodes varints, negative int64, strings and nested messages as the wire format says', () => {
    expect([...new ProtoWriter().int(1, 150).finish()]).toEqual([0x08, 0x96, 0x01]); // the protobuf docs' example
    expect([...new ProtoWriter().int(2, 300).finish()]).toEqual([0x10, 0xac, 0x02]);
    expect([...new ProtoWriter().int(1, -1).finish()]).toEqual([0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
    expect([...new ProtoWriter().string(2, 'testing').finish()]).toEqual([0x12, 0x07, ...new TextEncoder().encode('testing')]);
    const inner = new ProtoWriter().int(1, 150);
    expect([...new ProtoWriter().message(3, inner).finish()]).toEqual([0x1a, 0x03, 0x08, 0x96, 0x01]);
    expect(() => new ProtoWriter().int(1, 1.5)).toThrow(/safe integer/);
  });

  it('writes deferred bytes once, in place, after their length prefix', () => {
    let calls = 0;
    const w = new ProtoWriter()
      .int(1, 1)
      .deferredBytes(9, { length: 200, write: (t, at) => (calls++, t.fill(7, at, at + 200)) })
      .int(2, 5);
    expect(w.length).toBe(2 + 3 + 200 + 2);
    const b = w.finish();
    expect(calls).toBe(1);
    expect([...b.subarray(0, 5)]).toEqual([0x08, 0x01, 0x4a, 0xc8, 0x01]);
    expect(b.subarray(5, 205).every((x) => x === 7)).toBe(true);
    expect([...b.subarray(205)]).toEqual([0x10, 0x05]);
  });
});

describe('fp16', () => {
  it('rounds to IEEE binary16 like Float16Array', () => {
    expect(float16Bits(1)).toBe(0x3c00);
    expect(float16Bits(-2)).toBe(0xc000);
    expect(float16Bits(65504)).toBe(0x7bff);
    expect(float16Bits(1e6)).toBe(0x7c00);
    expect(float16Bits(0.1)).toBe(0x2e66);
    expect(float16Bits(2 ** -24)).toBe(0x0001); // smallest subnormal
    expect(float16Bits(1e-9)).toBe(0);
    expect(float16Bits(1 + 2 ** -11)).toBe(0x3c00); // a tie rounds to even
    for (const x of [0.02, -0.0137, 3.14159, 1000.5, 6.1e-5]) expect(Math.abs(float16Value(float16Bits(x)) - x)).toBeLessThanOrEqual(Math.abs(x) * 2 ** -11);
  });
});

describe('ONNX graphs', () => {
  it('refuses a node that reads an unknown value, and a name used twice', () => {
    const g = new OnnxGraph('bad');
    g.input('x', 'float32', [1]);
    expect(() => g.node('Relu', ['y'], ['z'])).toThrow(/reads "y", which nothing produces/);
    expect(() => g.input('x', 'float32', [1])).toThrow(/used twice/);
  });

  it('a whole tiny BERT loads in onnxruntime-web and gives [batch, classes] logits', async () => {
    const { g, session: s } = await session(TINY, WHOLE);
    expect(s.inputNames).toEqual(['input_ids']);
    expect(s.outputNames).toEqual(['logits']);
    const out = await s.run({ input_ids: ids(TINY) });
    expect(out.logits.dims).toEqual([1, 2]);
    const y = Array.from(out.logits.data as Float32Array);
    expect(y.every(Number.isFinite)).toBe(true);
    expect(y.some((v) => v !== 0)).toBe(true);
    expect(g.graph.parameterCount).toBe(modelParameters(TINY));
    await s.release();
  });

  it('a stage without the head gives [batch, sequence, hidden] hidden states; batch 2 works too', async () => {
    const c = { ...TINY, batch: 2 };
    const { session: s } = await session(c, { embedding: true, firstLayer: 0, layerCount: 1, head: false });
    const out = await s.run({ input_ids: ids(c) });
    expect(out.hidden_out.dims).toEqual([2, 8, 32]);
    await s.release();
  });

  it('each stage of a split runs, its output feeds the next, and the chain computes what the whole model does', async () => {
    const whole = await session(TINY, WHOLE);
    const expected = Array.from(((await whole.session.run({ input_ids: ids(TINY) })).logits.data as Float32Array));
    for (const pp of [1, 2]) {
      let feed: ort.Tensor = ids(TINY);
      const stages = splitLayers(TINY.layers, pp);
      for (const [k, st] of stages.entries()) {
        const { g, session: s } = await session(TINY, st);
        const out = await s.run({ [g.input.name]: feed });
        feed = out[g.output.name] as ort.Tensor;
        expect(feed.dims).toEqual(k === stages.length - 1 ? [1, 2] : [1, 8, 32]);
        expect(g.graph.parameterCount).toBe(stageParameters(TINY, st));
        await s.release();
      }
      const got = Array.from(feed.data as Float32Array);
      got.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 5));
    }
  });

  it('the parts add up: embedding + layers + head = the model', () => {
    for (const p of MODEL_PRESETS) {
      const c = p.config;
      expect(embeddingParameters(c) + c.layers * layerParameters(c) + headParameters(c)).toBe(modelParameters(c));
    }
    // the paper's sizes: 1.3B, 2.6B, 6.7B parameters
    expect(MODEL_PRESETS.map((p) => +(modelParameters(p.config) / 1e9).toFixed(1))).toEqual([1.3, 2.7, 6.7]);
  });

  it('weights are deterministic from the seed, and the seed changes them', () => {
    const a = buildStageGraph(TINY, WHOLE, 'float32', 5).graph.encode();
    const b = buildStageGraph(TINY, WHOLE, 'float32', 5).graph.encode();
    const c = buildStageGraph(TINY, WHOLE, 'float32', 6).graph.encode();
    expect(a.length).toBe(c.length);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it('an fp16 model holds half the bytes of weights and computes what the fp32 one does, to fp16 precision', async () => {
    const f32 = await session(TINY, WHOLE, 'float32');
    const f16 = await session(TINY, WHOLE, 'float16');
    expect(f16.g.graph.initializerBytes).toBeLessThan(f32.g.graph.initializerBytes * 0.51);
    const a = Array.from((await f32.session.run({ input_ids: ids(TINY) })).logits.data as Float32Array);
    const out = (await f16.session.run({ input_ids: ids(TINY) })).logits;
    expect(out.type).toBe('float16');
    const b = Array.from(out.data as Uint16Array, float16Value);
    b.forEach((v, i) => expect(Math.abs(v - a[i])).toBeLessThan(2e-3 + 0.02 * Math.abs(a[i])));
  });

  it('names what a stage holds', () => {
    expect(describeStage(WHOLE)).toBe('embedding + layers 1-2 + head');
    expect(describeStage({ embedding: false, firstLayer: 4, layerCount: 1, head: false })).toBe('layer 5');
    expect(() => buildStageGraph(TINY, { embedding: false, firstLayer: 0, layerCount: 0, head: false }, 'float32', 1)).toThrow(/must hold/);
  });
});
