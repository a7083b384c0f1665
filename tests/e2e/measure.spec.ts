/**
 * "Measure my GPU" in the page (Debian Chromium, no WebGPU adapter: the wasm backend). A tiny model is
 * measured in the worker; its profile passes the planner's own rules and the planner runs with it.
 */
import { expect, test } from '@playwright/test';
import { defaultScenario } from '../../src/core/scenario/defaults';
import { MODEL_PRESETS, SHORT_SEQUENCE } from '../../src/gpu/bertConfig';
import { backendLimits, planMeasurement } from '../../src/gpu/plan';
import { assembleProfile } from '../../src/gpu/profile';
import { summarise } from '../../src/gpu/timing';
import { MEASURED_PROFILES_KEY, measuredProfilesJson } from '../../src/state/measurePersist';
import { parseScenario } from '../../src/core/scenario/parse';
import { collectProblems, expectedAttainment, waitForRuns } from './helpers';
import { chooseTinyModel, exportedProfile, openMeasurePanel } from './measure-helpers';

test('a tiny model measured on wasm gives a valid profile that the planner then uses', async ({ page }) => {
  test.setTimeout(120_000); // the default scenario's searches run twice (load, reload) next to the measurement
  const problems = collectProblems(page);
  const ortRequests: string[] = [];
  page.on('request', (r) => {
    if (/onnxruntime|ort-wasm|measure\.worker/.test(r.url())) ortRequests.push(r.url());
  });
  await page.goto('/');
  await waitForRuns(page);
  // onnxruntime-web loads only when the panel is opened
  expect(ortRequests).toEqual([]);
  await openMeasurePanel(page);
  await expect(page.getByTestId('measure-backend')).toHaveText('CPU (wasm) - not a GPU measurement');
  await expect(page.getByTestId('measure-webgpu-why')).toContainText('adapter');
  expect(ortRequests.some((u) => u.includes('measure.worker'))).toBe(true);

  await chooseTinyModel(page);
  await expect(page.getByTestId('measure-plan')).toContainText('Measures every stage of pp 1, 2, 4 as it is (7 sessions, fp32).');
  await expect(page.getByTestId('measure-estimate')).toContainText('Estimated time:');
  await page.getByTestId('measure-start').click();
  await expect(page.getByTestId('measure-status')).toHaveText('measurement finished', { timeout: 60_000 });
  expect(ortRequests.some((u) => u.includes('ort-wasm-simd-threaded.jsep'))).toBe(true);

  // the result: stage medians with their spread, labelled as a CPU measurement
  await expect(page.getByTestId('measure-result-backend')).toHaveText('CPU (wasm) - not a GPU measurement');
  await expect(page.getByTestId('measure-result-fallback')).toHaveText('no GPU (wasm)');
  await expect(page.getByTestId('measure-row-pp4')).toContainText(/ms \(.* ms\)/);
  await expect(page.getByTestId('measure-table').locator('tbody tr')).toHaveCount(3);
  await expect(page.getByTestId('measure-offgpu')).toHaveText('not applicable (CPU backend)');
  const { id, profile } = await exportedProfile(page);
  expect(id).toBe('measured-custom-h32-l4-s8-wasm');
  expect(profile.provenance).toMatchObject({ backendKind: 'wasm', backend: 'CPU (wasm) - not a GPU measurement', scaledFromOneLayer: false, measured: ['1,1,1', '1,1,2', '1,1,4'] });
  expect(profile.configs.filter((c) => c.op === 1).map((c) => c.latency['1'].length)).toEqual([1, 2, 4]);
  for (const c of profile.configs) for (const v of c.latency['1']) expect(v).toBeGreaterThan(0);
  console.log(`[wasm] tiny stage latencies (s): ${JSON.stringify(profile.configs.filter((c) => c.op === 1).map((c) => [c.pp, c.latency['1']]))}`);

  // "use this profile", then give it to a model: the planner runs with it at once
  await page.getByTestId('measure-use').click();
  await expect(page.getByTestId('measure-used')).toContainText(id);
  await page.getByLabel('profile of bert-a').selectOption(id);
  const s = defaultScenario();
  s.profiles = { [id]: profile };
  s.models[0].profile = id;
  const parsed = parseScenario(s);
  expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  await waitForRuns(page);
  await expect(page.getByTestId('attainment-given')).toHaveText(expectedAttainment(s));
  await expect(page.locator('[data-status=done]').first()).toBeVisible();
  // the latencies shown say where they came from
  await expect(page.getByTestId('provenance')).toContainText(`${id} (measured in the browser (onnxruntime-web))`);
  await expect(page.getByTestId('profile-info').first()).toContainText('measured in the browser (onnxruntime-web)');

  // kept across reloads
  await page.reload();
  await waitForRuns(page);
  await openMeasurePanel(page);
  await expect(page.getByTestId('measure-result-id')).toHaveValue(id);
  await expect(page.getByTestId('measure-table').locator('tbody tr')).toHaveCount(3);
  expect(problems).toEqual([]);
});

test('the measurement runs off the page thread, and Cancel stops it at once', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = collectProblems(page);
  await page.goto('/');
  await waitForRuns(page);
  await openMeasurePanel(page);
  await page.getByLabel('model to measure').selectOption('custom');
  // big enough that one run takes a while on the CPU
  await page.getByTestId('measure-hidden').fill('512');
  await page.getByTestId('measure-heads').fill('8');
  await page.getByTestId('measure-layers').fill('8');
  await page.getByTestId('measure-sequence').fill('256');
  await page.getByTestId('measure-start').click();
  await expect(page.getByTestId('measure-status')).toContainText('timed runs', { timeout: 60_000 });
  // the page's thread stays free: timers fire on time while the worker computes
  const worstGap = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let last = performance.now();
        let worst = 0;
        const t = setInterval(() => {
          const now = performance.now();
          worst = Math.max(worst, now - last);
          last = now;
        }, 10);
        setTimeout(() => {
          clearInterval(t);
          resolve(worst);
        }, 1500);
      }),
  );
  expect(worstGap).toBeLessThan(500);
  await expect(page.getByTestId('measure-progress')).toContainText('elapsed');
  await page.getByTestId('measure-cancel').click();
  await expect(page.getByTestId('measure-status')).toHaveText('measurement cancelled', { timeout: 5_000 });
  // a fresh worker measures again after the cancel
  await chooseTinyModel(page);
  await page.getByTestId('measure-start').click();
  await expect(page.getByTestId('measure-status')).toHaveText('measurement finished', { timeout: 60_000 });
  expect(problems).toEqual([]);
});

test('invalid settings say what is wrong and cannot start', async ({ page }) => {
  await page.goto('/');
  await openMeasurePanel(page);
  await page.getByLabel('model to measure').selectOption('custom');
  await page.getByTestId('measure-hidden').fill('30');
  await page.getByTestId('measure-heads').fill('4');
  await expect(page.getByTestId('measure-problem')).toHaveText('invalid model settings: hidden (30) must be a multiple of heads (4)');
  await expect(page.getByTestId('measure-start')).toBeDisabled();
  await page.getByTestId('measure-heads').fill('2');
  await page.getByTestId('measure-runs').fill('5');
  await expect(page.getByTestId('measure-problem')).toHaveText('timed runs must be a whole number >= 20, got 5');
  await expect(page.getByTestId('measure-start')).toBeDisabled();
});

test('a stored one-layer measurement of BERT-1.3B shows as scaled, next to the built-in profile of the same model', async ({ page }) => {
  // what a WebGPU measurement of BERT-1.3B (short sequence) would store: the embedding, one layer and the head
  const preset = MODEL_PRESETS[0];
  const config = { ...preset.config, sequence: SHORT_SEQUENCE };
  const adapter = { vendor: 'nvidia', architecture: 'hopper', device: '', description: 'NVIDIA H200', isFallbackAdapter: false, shaderF16: true, maxBufferSize: 2 ** 32, maxStorageBufferBindingSize: 2 ** 31 };
  const plan = planMeasurement(config, 'float16', backendLimits('webgpu', adapter));
  const seconds: Record<string, number> = { embedding: 0.0002, layer: 0.002, head: 0.0001 };
  const sessions = plan.sessions.map((p) => ({
    key: p.key, label: p.label, stats: summarise(Array.from({ length: 20 }, (_, i) => seconds[p.key] * (1 + (i - 9.5) / 100))),
    buildSeconds: 0, createSeconds: 0, graphNodes: p.nodes, parameters: p.parameters, modelBytes: 0, outputDims: [],
    placement: { counts: { JsExecutionProvider: p.nodes }, offGpu: [], total: p.nodes },
  }));
  const backend = { kind: 'webgpu' as const, label: 'WebGPU: NVIDIA H200', adapter, webgpuUnavailable: null, threads: 1, crossOriginIsolated: true };
  const profile = assembleProfile({ model: { id: preset.id, name: 'BERT-1.3B, sequence 128', builtin: preset.builtin, config }, plan, sessions, backend, settings: { warmup: 3, runs: 20, seed: 1 }, date: '2026-01-01T00:00:00.000Z', runtime: '1.30.0' });
  const id = 'measured-bert-1.3b-s128-webgpu';
  await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [MEASURED_PROFILES_KEY, measuredProfilesJson({ [id]: profile })]);
  await page.goto('/');
  await openMeasurePanel(page);
  await expect(page.getByTestId('measure-result-id')).toHaveValue(id);
  await expect(page.getByTestId('measure-scaled')).toContainText('one layer measured and scaled by the layer count');
  await expect(page.getByTestId('measure-result-fallback')).toHaveText('no');
  await expect(page.getByTestId('measure-offgpu')).toHaveText('none: onnxruntime placed every node on WebGPU');
  // pp 1: 0.2 + 24 x 2 + 0.1 ms
  await expect(page.getByTestId('measure-row-pp1')).toContainText('48.3 ms');
  const compare = page.getByTestId('measure-compare');
  await expect(compare).toContainText('bert-1.3b');
  await expect(compare.locator('tbody tr')).toHaveCount(4);
  // the built-in's single-GPU latency is the paper's 151 ms on a V100: 151 / 48.3 = 3.13x faster
  await expect(compare.locator('tbody tr').first()).toContainText('151 ms');
  await expect(compare.locator('tbody tr').first()).toContainText('3.13x faster');
});
