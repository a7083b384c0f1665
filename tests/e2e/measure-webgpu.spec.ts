/**
 * The Measure panel's WebGPU path, on Chromium's software adapter (project "webgpu": --enable-unsafe-webgpu
 * gives SwiftShader, isFallbackAdapter = true). It must run, and everything must say it is a fallback adapter.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parseScenario } from '../../src/core/scenario/parse';
import { parsePlacements } from '../../src/gpu/backend';
import { OnnxGraph } from '../../src/gpu/onnxGraph';
import { collectProblems } from './helpers';
import { chooseTinyModel, exportedProfile, openMeasurePanel } from './measure-helpers';

test('a tiny model measured with WebGPU on the software adapter is labelled a fallback adapter', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = collectProblems(page);
  await page.goto('/');
  await openMeasurePanel(page);
  const label = page.getByTestId('measure-backend');
  await expect(label).toContainText('WebGPU: ');
  await expect(label).toContainText('(fallback adapter - software, not a GPU measurement)');
  await expect(page.getByTestId('measure-fallback')).toHaveText('yes: a software adapter, not your GPU');
  console.log(`[webgpu] backend: ${await label.textContent()}`);

  await chooseTinyModel(page);
  await expect(page.getByTestId('measure-plan')).toContainText('Measures every stage of pp 1, 2, 4 as it is (7 sessions');
  await page.getByTestId('measure-start').click();
  await expect(page.getByTestId('measure-status')).toHaveText('measurement finished', { timeout: 90_000 });

  await expect(page.getByTestId('measure-result-backend')).toContainText('(fallback adapter - software, not a GPU measurement)');
  await expect(page.getByTestId('measure-result-fallback')).toHaveText('yes (software adapter)');
  await expect(page.getByTestId('measure-table').locator('tbody tr')).toHaveCount(3);
  const offGpu = await page.getByTestId('measure-offgpu').textContent();
  console.log(`[webgpu] nodes off the GPU: ${offGpu}`);
  expect(offGpu).toMatch(/^(none: onnxruntime placed every node on WebGPU|\d+: .+)$/);

  const { id, profile } = await exportedProfile(page);
  expect(id).toBe('measured-custom-h32-l4-s8-webgpu');
  expect(profile.provenance).toMatchObject({ backendKind: 'webgpu', fallbackAdapter: true, gpuMeasurement: false, scaledFromOneLayer: false });
  expect((profile.provenance!.adapter as { architecture: string }).architecture).toBe('swiftshader');
  // onnxruntime's placement report was captured for every session, and names the WebGPU (JSEP) provider
  const placements = profile.provenance!.nodePlacements as Record<string, Record<string, number> | null>;
  expect(Object.keys(placements)).toHaveLength(7);
  for (const counts of Object.values(placements)) expect(counts?.JsExecutionProvider).toBeGreaterThan(0);
  console.log(`[webgpu] placements: ${JSON.stringify(placements)}`);
  console.log(`[webgpu] tiny stage latencies (s): ${JSON.stringify(profile.configs.filter((c) => c.op === 1).map((c) => [c.pp, c.latency['1']]))}; precision ${String(profile.provenance!.precision)}`);
  const r = parseScenario({
    version: 1,
    cluster: { devices: 4, memoryGB: 1 },
    profiles: { [id]: profile },
    models: [{ name: 'm', profile: id, rate: 5, cv: 1, slo: 0.1 }],
    workload: { kind: 'gamma', duration: 10, seed: 0 },
    placement: { groups: [{ dp: 1, op: 1, pp: 4, models: ['m'] }] },
  });
  expect(r.ok ? [] : r.issues).toEqual([]);
  expect(problems).toEqual([]);
});

test("onnxruntime-web's placement report names a node it could not put on WebGPU, and the parser lists it", async ({ page }) => {
  // Round has no WebGPU (JSEP) kernel: onnxruntime runs it on the CPU provider and copies around it
  const g = new OnnxGraph('split');
  g.input('x', 'float32', [1, 4]);
  g.node('Relu', ['x'], ['a']);
  g.node('Round', ['a'], ['b']);
  g.node('Sigmoid', ['b'], ['y']);
  g.output('y', 'float32', [1, 4]);
  const model = Array.from(g.encode());
  // onnxruntime-web's own files, served under /ort-test/ (works against the dev server and the preview of dist/)
  const dist = dirname(createRequire(import.meta.url).resolve('onnxruntime-web'));
  await page.route('**/ort-test/*', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop()!;
    route.fulfill({ body: readFileSync(join(dist, name)), contentType: name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript' });
  });
  const logs: string[] = [];
  page.on('console', (m) => logs.push(m.text()));
  await page.goto('/');
  const y = await page.evaluate(async (bytes) => {
    const ort = await import(`${location.origin}/ort-test/ort.bundle.min.mjs`);
    ort.env.wasm.wasmPaths = { wasm: `${location.origin}/ort-test/ort-wasm-simd-threaded.jsep.wasm` };
    const s = await ort.InferenceSession.create(Uint8Array.from(bytes), { executionProviders: ['webgpu'], logSeverityLevel: 0 });
    const out = await s.run({ x: new ort.Tensor('float32', Float32Array.from([0.4, 1.6, -2.2, 3]), [1, 4]) });
    return Array.from(out.y.data as Float32Array);
  }, model);
  expect(y.map((v) => +v.toFixed(4))).toEqual([0.5, 0.8808, 0.5, 0.9526]); // sigmoid(round(relu(x)))
  const placements = parsePlacements(logs.join('\n'), true);
  console.log(`[webgpu] split graph placements: ${JSON.stringify(placements)}`);
  expect(placements?.counts.CPUExecutionProvider).toBe(1);
  expect(placements?.counts.JsExecutionProvider).toBeGreaterThanOrEqual(2);
  expect(placements?.offGpu).toEqual(['Round (Round_1) on CPUExecutionProvider']);
});
