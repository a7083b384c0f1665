/** A whole measurement with onnxruntime-web's Node build (wasm): sessions, progress, a valid profile the simulator runs with. */
import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import * as ort from 'onnxruntime-web';
import { parseScenario } from '../../src/core/scenario/parse';
import { simulateScenario } from '../../src/core/sim/simulate';
import type { BackendInfo } from '../../src/gpu/backend';
import type { BertConfig } from '../../src/gpu/bertConfig';
import { runMeasurement, type MeasureProgress } from '../../src/gpu/measure';
import { measureModel } from '../../src/gpu/measureModel';
import { backendLimits, planMeasurement } from '../../src/gpu/plan';
import { MeasurementCancelled } from '../../src/gpu/timing';
import { importProfileJson } from '../../src/core/profiles/importJson';

const TINY: BertConfig = { hidden: 32, heads: 2, layers: 2, sequence: 8, vocab: 64, ffn: 128, classes: 2, batch: 1 };
const WASM: BackendInfo = { kind: 'wasm', label: 'CPU (wasm) - not a GPU measurement', adapter: null, webgpuUnavailable: 'Node', threads: 1, crossOriginIsolated: false };

/** onnxruntime's Node build writes its log with fs.writeSync: the capture hook the worker gets from console. */
function captureLog(): () => string {
  const lines: string[] = [];
  const spy = vi.spyOn(fs, 'writeSync').mockImplementation(((_fd: number, s: unknown) => (lines.push(String(s)), 0)) as typeof fs.writeSync);
  return () => {
    spy.mockRestore();
    return lines.join('');
  };
}

describe('a measurement in onnxruntime-web (Node, wasm)', () => {
  it('measures every stage of pp 1 and 2, reports progress per stage, and yields a profile the planner accepts and simulates', async () => {
    const events: MeasureProgress[] = [];
    const out = await measureModel(
      ort,
      WASM,
      { model: { id: 'custom', name: 'tiny', builtin: null, config: TINY }, settings: { warmup: 2, runs: 20, seed: 3 } },
      { onProgress: (p) => events.push(p), captureLog },
    );
    expect(out.id).toBe('measured-custom-h32-l2-s8-wasm');
    expect(out.plan.mode).toBe('full');
    expect(out.sessions.map((s) => [s.key, s.label, s.outputDims])).toEqual([
      ['pp1.stage1', 'embedding + layers 1-2 + head', [1, 2]],
      ['pp2.stage1', 'embedding + layer 1', [1, 8, 32]],
      ['pp2.stage2', 'layer 2 + head', [1, 2]],
    ]);
    for (const s of out.sessions) {
      expect(s.stats.runs).toBe(20);
      expect(s.stats.median).toBeGreaterThan(0);
      expect(s.stats.iqr).toBeGreaterThanOrEqual(0);
      expect(s.stats.q1).toBeLessThanOrEqual(s.stats.median);
      // the real placement report: all on the CPU provider, which is expected for wasm (nothing off a GPU)
      expect(Object.keys(s.placement!.counts)).toEqual(['CPUExecutionProvider']);
      expect(s.placement!.offGpu).toEqual([]);
    }
    // progress: each session goes building -> creating -> 2 warm-up -> 20 timed -> done
    for (let i = 0; i < 3; i++) {
      const mine = events.filter((e) => e.session === i);
      expect(mine.map((e) => e.phase)).toEqual(['building', 'creating', 'warm-up', 'warm-up', ...Array(20).fill('timing'), 'done']);
      expect(mine.at(-1)!.result!.key).toBe(out.sessions[i].key);
      expect(mine.every((e) => e.sessions === 3)).toBe(true);
    }
    // the profile: measured stage medians at op 1, and the planner's own rules accept it
    const pp2 = out.profile.configs.find((c) => c.op === 1 && c.pp === 2)!;
    expect(pp2.latency['1']).toEqual(out.sessions.slice(1).map((s) => Number(s.stats.median.toPrecision(6))));
    importProfileJson(JSON.stringify({ profiles: { [out.id]: out.profile } }));
    const r = parseScenario({
      version: 1,
      cluster: { devices: 2, memoryGB: 1 },
      profiles: { [out.id]: out.profile },
      models: [
        // an SLO in seconds: a sub-millisecond model's SLO scale would fall under the simulator's fixed 11 ms per request
        { name: 'a', profile: out.id, rate: 20, cv: 1, slo: 0.05 },
        { name: 'b', profile: out.id, rate: 20, cv: 1, slo: 0.05 },
      ],
      workload: { kind: 'gamma', duration: 30, seed: 1 },
      placement: { groups: [{ dp: 1, op: 1, pp: 2, models: ['a', 'b'] }] },
    });
    expect(r.ok ? [] : r.issues).toEqual([]);
    if (!r.ok) return;
    const results = simulateScenario(r.scenario);
    expect(results.attainment).toBe(1); // 40 req/s on a pipeline whose stages take well under a millisecond
  });

  it('cancels between runs', async () => {
    const plan = planMeasurement(TINY, 'float32', backendLimits('wasm', null));
    let runs = 0;
    await expect(
      runMeasurement(ort, { config: TINY, plan, backend: 'wasm', warmup: 1, runs: 20, seed: 1 }, { onProgress: (p) => (p.phase === 'timing' ? runs++ : 0), cancelled: () => runs >= 5 }),
    ).rejects.toBeInstanceOf(MeasurementCancelled);
    expect(runs).toBe(5);
  });

  it('says which session failed to be created, and on which backend', async () => {
    const plan = planMeasurement(TINY, 'float32', backendLimits('wasm', null));
    await expect(runMeasurement(ort, { config: TINY, plan, backend: 'webgpu', warmup: 1, runs: 20, seed: 1 })).rejects.toThrow(
      /^creating the session for embedding \+ layers 1-2 \+ head on webgpu failed: /,
    );
  });

  it('refuses invalid settings with a message', async () => {
    const bad = { model: { id: 'custom', name: 'bad', builtin: null, config: { ...TINY, hidden: 30, heads: 4 } }, settings: { warmup: 1, runs: 20, seed: 1 } };
    await expect(measureModel(ort, WASM, bad)).rejects.toThrow('invalid model settings: hidden (30) must be a multiple of heads (4)');
    await expect(measureModel(ort, WASM, { ...bad, settings: { warmup: 1, runs: 5, seed: 1 } })).rejects.toThrow('timed runs must be a whole number >= 20, got 5');
  });
});
