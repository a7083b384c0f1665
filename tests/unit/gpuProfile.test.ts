/** Measurement plans, profile assembly (measured vs modelled, weights, provenance), the built-in comparison, estimates, storage. */
import { afterEach, describe, expect, it } from 'vitest';
import { modelledStageLatencies, OVERHEAD_MODEL, PAPER_PROFILES } from '../../src/core/profiles/paperModels';
import { importProfileJson } from '../../src/core/profiles/importJson';
import { GB, type Profile } from '../../src/core/profiles/types';
import { parseScenario } from '../../src/core/scenario/parse';
import { summariseAdapter, type BackendInfo } from '../../src/gpu/backend';
import { embeddingParameters, headParameters, layerParameters, MODEL_PRESETS, SHORT_SEQUENCE, type BertConfig } from '../../src/gpu/bertConfig';
import { compareWithBuiltin } from '../../src/gpu/compare';
import { assumedSpeed, estimateSeconds, formatDuration, remainingSeconds } from '../../src/gpu/estimate';
import type { SessionMeasurement } from '../../src/gpu/measure';
import { measuredView } from '../../src/gpu/measuredView';
import { backendLimits, planMeasurement, SESSION_WEIGHT_LIMIT, type MeasurementPlan } from '../../src/gpu/plan';
import { assembleProfile, intraOpFactor, measuredProfileId, PROFILE_SOURCE, type MeasuredModel } from '../../src/gpu/profile';
import { summarise } from '../../src/gpu/timing';
import { loadMeasuredProfiles, MEASURED_PROFILES_KEY, saveMeasuredProfiles } from '../../src/state/measurePersist';

const SMALL: BertConfig = { hidden: 64, heads: 4, layers: 4, sequence: 16, vocab: 128, ffn: 256, classes: 2, batch: 1 };
const WASM: BackendInfo = { kind: 'wasm', label: 'CPU (wasm) - not a GPU measurement', adapter: null, webgpuUnavailable: 'none', threads: 2, crossOriginIsolated: true };
const GPU_ADAPTER = summariseAdapter({
  features: new Set(['shader-f16']),
  limits: { maxBufferSize: 2 ** 32, maxStorageBufferBindingSize: 2 ** 31 },
  info: { vendor: 'nvidia', architecture: 'ampere', description: 'NVIDIA A100', isFallbackAdapter: false },
});
const GPU: BackendInfo = { kind: 'webgpu', label: 'WebGPU: NVIDIA A100', adapter: GPU_ADAPTER, webgpuUnavailable: null, threads: 2, crossOriginIsolated: true };

/** A session of 20 timed runs: 9 at median - spread, 2 at the median, 9 at median + spread (so its IQR is 2 x spread). */
function fakeSession(key: string, label: string, median: number, spread = median * 0.1): SessionMeasurement {
  const runs = [...Array(10).fill(median - spread), ...Array(10).fill(median + spread)];
  runs[9] = median;
  runs[10] = median;
  return { key, label, stats: summarise(runs), buildSeconds: 0, createSeconds: 0, graphNodes: 1, parameters: 1, modelBytes: 1, placement: null, outputDims: [] };
}

function fullSessions(plan: MeasurementPlan, perLayer: number): SessionMeasurement[] {
  return plan.sessions.map((s) => fakeSession(s.key, s.label, perLayer * Math.max(1, s.content.layerCount)));
}

const model = (config: BertConfig, builtin: string | null = null): MeasuredModel => ({ id: builtin ?? 'custom', name: 'test model', builtin, config });

function assemble(config: BertConfig, backend: BackendInfo, sessions?: (plan: MeasurementPlan) => SessionMeasurement[], builtin: string | null = null) {
  const plan = planMeasurement(config, backend.adapter?.shaderF16 ? 'float16' : 'float32', backendLimits(backend.kind, backend.adapter));
  const profile = assembleProfile({
    model: model(config, builtin),
    plan,
    sessions: sessions ? sessions(plan) : fullSessions(plan, 0.01),
    backend,
    settings: { warmup: 3, runs: 20, seed: 1 },
    date: '2026-01-02T03:04:05.000Z',
    runtime: '1.30.0',
  });
  return { plan, profile };
}

/** The project's rules: the profile importer, and a scenario that uses the profile in a pp-`pp` group. */
function expectValid(id: string, profile: Profile, pp: number): void {
  expect(Object.keys(importProfileJson(JSON.stringify({ profiles: { [id]: profile } })))).toEqual([id]);
  const r = parseScenario({
    version: 1,
    cluster: { devices: pp, memoryGB: 16 },
    profiles: { [id]: profile },
    models: [{ name: 'm', profile: id, rate: 1, cv: 1, sloScale: 5 }],
    workload: { kind: 'gamma', duration: 10, seed: 0 },
    placement: { groups: [{ dp: 1, op: 1, pp, models: ['m'] }] },
  });
  expect(r.ok ? [] : r.issues).toEqual([]);
}

describe('measurement plan', () => {
  it('measures every stage of every pp when the whole model fits', () => {
    const plan = planMeasurement(SMALL, 'float32', backendLimits('wasm', null));
    expect(plan.mode).toBe('full');
    expect(plan.degrees).toEqual([1, 2, 4]);
    expect(plan.sessions.map((s) => s.key)).toEqual(['pp1.stage1', 'pp2.stage1', 'pp2.stage2', 'pp4.stage1', 'pp4.stage2', 'pp4.stage3', 'pp4.stage4']);
  });

  it('measures one layer, the embedding and the head when the model is over the browser limit, and says why', () => {
    const c = MODEL_PRESETS[0].config; // BERT-1.3B: 2.6 GB in fp16
    const plan = planMeasurement(c, 'float16', backendLimits('webgpu', GPU_ADAPTER));
    expect(plan.mode).toBe('one-layer');
    expect(plan.sessions.map((s) => s.key)).toEqual(['embedding', 'layer', 'head']);
    expect(plan.reason).toMatch(/GiB, more than the 1\.00 GiB one session may hold/);
    expect(plan.degrees).toEqual([1, 2, 4, 8]);
    expect(plan.bytesPerParameter).toBe(2);
  });

  it('refuses, naming the tensor, when even one layer is too big for the adapter', () => {
    const small = summariseAdapter({ features: new Set<string>(), limits: { maxBufferSize: 2 ** 32, maxStorageBufferBindingSize: 450 * 2 ** 20 } });
    // BERT-1.3B, sequence 2048, fp32: the embedding table (400 MiB) fits, the attention scores (32 x 2048 x 2048 x 4 B = 512 MiB) do not
    expect(() => planMeasurement(MODEL_PRESETS[0].config, 'float32', backendLimits('webgpu', small))).toThrow(
      "this model cannot be measured in the browser: layer 1: the attention score tensor takes 0.50 GiB, more than the adapter's largest buffer (min of maxBufferSize, maxStorageBufferBindingSize), 0.44 GiB. Choose a smaller model or the short sequence.",
    );
    // the short sequence fits
    expect(planMeasurement({ ...MODEL_PRESETS[0].config, sequence: SHORT_SEQUENCE }, 'float32', backendLimits('webgpu', small)).mode).toBe('one-layer');
    // BERT-6.7B's embedding table alone (0.78 GiB in fp32) is over it
    expect(() => planMeasurement({ ...MODEL_PRESETS[2].config, sequence: SHORT_SEQUENCE }, 'float32', backendLimits('webgpu', small))).toThrow(/embedding: the word embedding table takes 0\.78 GiB/);
  });

  it('the 1 GiB session limit is what decides', () => {
    // 30 layers of hidden 1024: 1.5 GB in fp32, 0.76 GB in fp16
    const deep = { ...SMALL, hidden: 1024, heads: 16, ffn: 4096, layers: 30 };
    expect(30 * layerParameters(deep) * 4).toBeGreaterThan(SESSION_WEIGHT_LIMIT);
    expect(planMeasurement(deep, 'float32', backendLimits('wasm', null)).mode).toBe('one-layer');
    expect(planMeasurement(deep, 'float16', backendLimits('wasm', null)).mode).toBe('full');
  });
});

describe('profile assembly', () => {
  it('op = 1 configs hold the measured stage medians; op > 1 the same model as the built-ins, labelled modelled', () => {
    const { profile } = assemble(SMALL, WASM);
    const ops = [...OVERHEAD_MODEL.OP];
    expect(profile.configs.map((c) => `${c.op},${c.pp}`)).toEqual([1, 2, 4].flatMap((pp) => ops.map((op) => `${op},${pp}`)));
    const pp2 = profile.configs.find((c) => c.op === 1 && c.pp === 2)!;
    expect(pp2.latency['1']).toEqual([0.02, 0.02]); // 2 layers per stage x 10 ms
    for (const c of profile.configs) {
      const base = profile.configs.find((x) => x.op === 1 && x.pp === c.pp)!.latency['1'];
      // the built-ins' intra-op rule: latency(op) = L (1/op + COMM (1 - 1/op)); modelledStageLatencies(L, op, 1) is it for one stage
      c.latency['1'].forEach((v, k) => expect(v).toBeCloseTo(modelledStageLatencies(base[k], c.op, 1)[0], 7));
    }
    expect(intraOpFactor(2)).toBeCloseTo(0.68, 10);
    expect(profile.provenance?.measured).toEqual(['1,1,1', '1,1,2', '1,1,4']);
    expect(profile.provenance?.modelled).toEqual(['1,2,1', '1,4,1', '1,8,1', '1,2,2', '1,4,2', '1,8,2', '1,2,4', '1,4,4', '1,8,4']);
    expectValid('measured-small', profile, 4);
  });

  it('weightGB per stage = stage parameters x bytes per parameter / op, in GiB', () => {
    const fp32 = assemble(SMALL, WASM).profile;
    const fp16 = assemble(SMALL, GPU).profile;
    const L = layerParameters(SMALL);
    const first = embeddingParameters(SMALL) + 2 * L;
    const last = 2 * L + headParameters(SMALL);
    const pp2 = (p: Profile, op: number) => p.configs.find((c) => c.op === op && c.pp === 2)!.weightGB;
    expect(pp2(fp32, 1)[0]).toBeCloseTo((first * 4) / GB, 9);
    expect(pp2(fp32, 1)[1]).toBeCloseTo((last * 4) / GB, 9);
    expect(pp2(fp16, 1)[0]).toBeCloseTo((first * 2) / GB, 9);
    expect(pp2(fp16, 4)[1]).toBeCloseTo((last * 2) / 4 / GB, 9);
    expect(fp16.provenance).toMatchObject({ precision: 'fp16', bytesPerParameter: 2 });
    expect(fp32.provenance).toMatchObject({ precision: 'fp32', bytesPerParameter: 4 });
  });

  it('records provenance: device, backend, adapter, fallback, date, settings, statistics', () => {
    const { profile } = assemble(SMALL, WASM);
    const p = profile.provenance!;
    expect(p).toMatchObject({
      source: PROFILE_SOURCE,
      device: 'CPU (wasm, 2 threads)',
      backend: 'CPU (wasm) - not a GPU measurement',
      backendKind: 'wasm',
      adapter: null,
      fallbackAdapter: false,
      gpuMeasurement: false,
      date: '2026-01-02T03:04:05.000Z',
      runtime: 'onnxruntime-web 1.30.0',
      settings: { warmupRuns: 3, timedRuns: 20, seed: 1, batch: 1, threads: 2 },
      scaledFromOneLayer: false,
    });
    const stats = p.statistics as { stages: Record<string, { median: number[]; iqr: number[]; runs: number }>; sessions: unknown[] };
    expect(stats.stages['1,1,2']).toEqual({ median: [0.02, 0.02], iqr: [0.004, 0.004], runs: 20 }); // fakeSession: IQR = 2 x spread
    expect(stats.sessions).toHaveLength(7);
    const gpu = assemble(SMALL, GPU).profile.provenance!;
    expect(gpu).toMatchObject({ device: 'NVIDIA A100', backendKind: 'webgpu', fallbackAdapter: false, gpuMeasurement: true, adapter: { vendor: 'nvidia', architecture: 'ampere' } });
  });

  it('one-layer mode: stage = embedding + layers x layer + head, spreads added, and says it was scaled', () => {
    const c = { ...MODEL_PRESETS[0].config, sequence: SHORT_SEQUENCE }; // 24 layers
    const parts = { embedding: 0.001, layer: 0.01, head: 0.0005 };
    const { plan, profile } = assemble(c, GPU, (p) => p.sessions.map((s) => fakeSession(s.key, s.label, parts[s.key as keyof typeof parts])), 'bert-1.3b');
    expect(plan.mode).toBe('one-layer');
    const lat = (pp: number) => profile.configs.find((x) => x.op === 1 && x.pp === pp)!.latency['1'];
    expect(lat(1)[0]).toBeCloseTo(0.001 + 24 * 0.01 + 0.0005, 9);
    expect(lat(8)).toEqual([0.031, 0.03, 0.03, 0.03, 0.03, 0.03, 0.03, 0.0305]);
    const stats = profile.provenance!.statistics as { stages: Record<string, { iqr: number[] }> };
    expect(stats.stages['1,1,8'].iqr[0]).toBeCloseTo(0.0002 + 3 * 0.002, 9); // each part's IQR is 2 x its spread (10 % of its median)
    expect(profile.provenance).toMatchObject({ scaledFromOneLayer: true, builtinComparedWith: 'bert-1.3b' });
    expect(String(profile.provenance!.scaling)).toMatch(/^one layer measured and scaled by the layer count/);
    expectValid('measured-bert-1.3b', profile, 8);
  });

  it('ids name the model, sequence and backend', () => {
    expect(measuredProfileId({ ...model(MODEL_PRESETS[0].config, 'bert-1.3b'), id: 'bert-1.3b' }, GPU)).toBe('measured-bert-1.3b-s2048-webgpu');
    expect(measuredProfileId(model(SMALL), WASM)).toBe('measured-custom-h64-l4-s16-wasm');
  });
});

describe('what the panel shows', () => {
  it('reads the rows back from the profile, measured with their IQR and modelled without', () => {
    const { profile } = assemble(SMALL, WASM);
    const v = measuredView(JSON.parse(JSON.stringify(profile)) as Profile);
    expect(v.rows.filter((r) => r.kind === 'measured').map((r) => r.pp)).toEqual([1, 2, 4]);
    expect(v.rows.find((r) => r.kind === 'measured' && r.pp === 2)!.stages).toEqual([
      { median: 0.02, iqr: 0.004 },
      { median: 0.02, iqr: 0.004 },
    ]);
    expect(v.rows.filter((r) => r.kind === 'modelled').every((r) => r.op > 1 && r.stages.every((s) => s.iqr === null))).toBe(true);
    expect(v).toMatchObject({ backendKind: 'wasm', fallbackAdapter: false, runs: 20, warmup: 3, scaledFromOneLayer: false });
  });

  it('compares with the built-in profile of the same model', () => {
    const c = { ...MODEL_PRESETS[0].config, sequence: SHORT_SEQUENCE };
    const { profile } = assemble(c, GPU, (p) => p.sessions.map((s) => fakeSession(s.key, s.label, s.key === 'layer' ? 0.0151 / 24 * 2 : 0)), 'bert-1.3b');
    const cmp = compareWithBuiltin(profile, 'bert-1.3b')!;
    expect(cmp.rows.map((r) => r.pp)).toEqual([1, 2, 4, 8]);
    const builtinL = PAPER_PROFILES['bert-1.3b'].configs.find((x) => x.op === 1 && x.pp === 1)!.latency['1'][0];
    expect(cmp.rows[0].builtinTotal).toBe(builtinL);
    expect(cmp.rows[0].measuredTotal).toBeCloseTo(0.0302, 6);
    expect(cmp.rows[0].ratio).toBeCloseTo(0.0302 / builtinL, 6);
    expect(compareWithBuiltin(profile, null)).toBeNull();
  });
});

describe('time estimate', () => {
  it('counts the FLOPs at the assumed speed, a cost per kernel, and the setup of each session', () => {
    const plan = planMeasurement(SMALL, 'float32', backendLimits('wasm', null));
    const slow = { flopsPerSecond: 1e6, secondsPerKernel: 0 };
    expect(estimateSeconds(plan, 46, slow)).toBeGreaterThan(estimateSeconds(plan, 23, slow));
    expect(estimateSeconds(plan, 23, { ...slow, flopsPerSecond: 1e9 })).toBeLessThan(estimateSeconds(plan, 23, slow));
    const flops = plan.sessions.reduce((a, x) => a + x.flops, 0);
    const nodes = plan.sessions.reduce((a, x) => a + x.nodes, 0);
    const setup = estimateSeconds(plan, 0, slow);
    expect(estimateSeconds(plan, 23, slow) - setup).toBeCloseTo((23 * flops) / 1e6, 6);
    // on the software adapter a tiny model's runs are kernel launches
    expect(assumedSpeed({ kind: 'webgpu', adapter: { ...GPU_ADAPTER, isFallbackAdapter: true }, threads: 1 })).toEqual({ flopsPerSecond: 2e9, secondsPerKernel: 1e-3 });
    expect(estimateSeconds(plan, 23, { flopsPerSecond: Infinity, secondsPerKernel: 1e-3 }) - setup).toBeCloseTo(23 * nodes * 1e-3, 6);
    expect(assumedSpeed(WASM).flopsPerSecond).toBe(2 * 10e9); // two threads
  });

  it('once a session is done, the speed seen replaces the assumed one', () => {
    const plan = planMeasurement(SMALL, 'float32', backendLimits('wasm', null));
    const assumed = { flopsPerSecond: 1e6, secondsPerKernel: 0 };
    const first = plan.sessions[0];
    const before = remainingSeconds(plan, 23, [], assumed);
    expect(before).toBeCloseTo(estimateSeconds(plan, 23, assumed), 9);
    // the first session ran at 1 TFLOP/s: the rest is estimated at that speed
    const after = remainingSeconds(plan, 23, [{ key: first.key, median: first.flops / 1e12 }], assumed);
    const rest = estimateSeconds({ ...plan, sessions: plan.sessions.slice(1) }, 23, { flopsPerSecond: 1e12, secondsPerKernel: 0 });
    expect(after).toBeCloseTo(rest - 4, 6); // less the runtime start, which the first session paid
    expect(formatDuration(30)).toBe('about 30 s');
    expect(formatDuration(600)).toBe('about 10 min');
  });
});

describe('kept across reloads', () => {
  const store = new Map<string, string>();
  const fake = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
  afterEach(() => {
    store.clear();
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('stores and loads measured profiles, and drops a corrupt stored value', () => {
    (globalThis as { localStorage?: unknown }).localStorage = fake;
    expect(loadMeasuredProfiles()).toEqual({});
    const { profile } = assemble(SMALL, WASM);
    expect(saveMeasuredProfiles({ a: profile })).toBe(true);
    expect(loadMeasuredProfiles()).toEqual({ a: profile });
    store.set(MEASURED_PROFILES_KEY, '{"profiles": {"a": {"configs": "nope"}}}');
    expect(loadMeasuredProfiles()).toEqual({});
    expect(store.has(MEASURED_PROFILES_KEY)).toBe(false);
  });

  it('without storage, nothing is loaded and a save says it failed', () => {
    expect(loadMeasuredProfiles()).toEqual({});
    expect(saveMeasuredProfiles({})).toBe(false);
  });
});
