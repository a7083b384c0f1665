/** Backend detection and labels, and the node placements read from onnxruntime's verbose log. */
import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import * as ort from 'onnxruntime-web';
import {
  backendLabel,
  findAdapter,
  parsePlacements,
  precisionFor,
  summariseAdapter,
  WASM_LABEL,
  type AdapterLike,
} from '../../src/gpu/backend';
import { buildStageGraph } from '../../src/gpu/bertGraph';

const swiftshader: AdapterLike = {
  features: new Set<string>(),
  limits: { maxBufferSize: 2 ** 30, maxStorageBufferBindingSize: 2 ** 27 },
  info: { vendor: 'google', architecture: 'swiftshader', device: '', description: '', isFallbackAdapter: true },
};
const discrete: AdapterLike = {
  features: new Set(['shader-f16']),
  limits: { maxBufferSize: 2 ** 32, maxStorageBufferBindingSize: 2 ** 31 },
  info: { vendor: 'nvidia', architecture: 'hopper', device: '', description: 'NVIDIA H200', isFallbackAdapter: false },
};

describe('backend detection', () => {
  it('labels wasm exactly, and a fallback adapter as not a GPU measurement', () => {
    expect(WASM_LABEL).toBe('CPU (wasm) - not a GPU measurement');
    expect(backendLabel('wasm', null)).toBe(WASM_LABEL);
    expect(backendLabel('webgpu', summariseAdapter(swiftshader))).toBe('WebGPU: google swiftshader (fallback adapter - software, not a GPU measurement)');
    expect(backendLabel('webgpu', summariseAdapter(discrete))).toBe('WebGPU: NVIDIA H200');
  });

  it('summarises the adapter: name parts, fallback flag, fp16 support, buffer limits', () => {
    expect(summariseAdapter(swiftshader)).toEqual({
      vendor: 'google',
      architecture: 'swiftshader',
      device: '',
      description: '',
      isFallbackAdapter: true,
      shaderF16: false,
      maxBufferSize: 2 ** 30,
      maxStorageBufferBindingSize: 2 ** 27,
    });
    // older Chromium: the flag on the adapter, no info
    expect(summariseAdapter({ features: new Set<string>(), limits: swiftshader.limits, isFallbackAdapter: true }).isFallbackAdapter).toBe(true);
  });

  it('uses fp16 only on WebGPU with shader-f16', () => {
    expect(precisionFor('webgpu', summariseAdapter(discrete))).toBe('float16');
    expect(precisionFor('webgpu', summariseAdapter(swiftshader))).toBe('float32');
    expect(precisionFor('wasm', null)).toBe('float32');
  });

  it('finds an adapter, or says why there is none', async () => {
    expect(await findAdapter(undefined)).toEqual({ adapter: null, reason: 'this browser has no WebGPU (navigator.gpu is missing)' });
    expect((await findAdapter({ requestAdapter: async () => null })).reason).toMatch(/no adapter/);
    expect((await findAdapter({ requestAdapter: async () => Promise.reject(new Error('boom')) })).reason).toBe('WebGPU adapter request failed: boom');
    expect((await findAdapter({ requestAdapter: async () => discrete })).adapter).toBe(discrete);
  });
});

describe('node placements', () => {
  const prefix = '2026-01-01 00:00:00.000 [V:onnxruntime:, session_state.cc:1380 VerifyEachNodeIsAssignedToAnEp]';
  it('reads "all nodes on the GPU"', () => {
    const log = `x\n${prefix} Node placements\n${prefix}  All nodes placed on [JsExecutionProvider]. Number of nodes: 52\n[I:onnxruntime:, foo] next`;
    expect(parsePlacements(log, true)).toEqual({ counts: { JsExecutionProvider: 52 }, offGpu: [], total: 52 });
  });

  it('lists the nodes placed off the GPU, in either of onnxruntime\'s layouts', () => {
    const separateLines = [
      `${prefix} Node placements`,
      `${prefix}  Node(s) placed on [JsExecutionProvider]. Number of nodes: 6`,
      `${prefix}   MatMul (m1)`,
      `${prefix}   MemcpyFromHost (Memcpy)`,
      `${prefix}  Node(s) placed on [CPUExecutionProvider]. Number of nodes: 2`,
      `${prefix}   Shape (s1)`,
      `${prefix}   Gather (head.cls)`,
      '[W:onnxruntime:, session_state.cc:1359 VerifyEachNodeIsAssignedToAnEp] Some nodes were not assigned to the preferred execution providers',
      '[I:onnxruntime:, other.cc:1 Foo] Unrelated (x)',
    ].join('\n');
    expect(parsePlacements(separateLines, true)).toEqual({
      counts: { JsExecutionProvider: 6, CPUExecutionProvider: 2 },
      offGpu: ['Shape (s1) on CPUExecutionProvider', 'Gather (head.cls) on CPUExecutionProvider'],
      total: 8,
    });
    const oneMessage = `${prefix} Node placements\n${prefix}  Node(s) placed on [CPUExecutionProvider]. Number of nodes: 2\n Erf (e1), Scan (), \n${prefix}  Node(s) placed on [WebGpuExecutionProvider]. Number of nodes: 3\n A (a), B (b), C (c), `;
    expect(parsePlacements(oneMessage, true)?.offGpu).toEqual(['Erf (e1) on CPUExecutionProvider', 'Scan () on CPUExecutionProvider']);
  });

  it('reports everything off the GPU when a GPU session put all nodes on the CPU; nothing for wasm', () => {
    const log = `${prefix} Node placements\n${prefix}  All nodes placed on [CPUExecutionProvider]. Number of nodes: 78`;
    expect(parsePlacements(log, true)?.offGpu).toEqual(['all 78 nodes (on CPUExecutionProvider)']);
    expect(parsePlacements(log, false)?.offGpu).toEqual([]);
    expect(parsePlacements('no report here', true)).toBeNull();
  });

  it("reads onnxruntime's real verbose log (Node build, whose log goes through fs.writeSync)", async () => {
    const c = { hidden: 32, heads: 2, layers: 1, sequence: 8, vocab: 64, ffn: 128, classes: 2, batch: 1 };
    const g = buildStageGraph(c, { embedding: true, firstLayer: 0, layerCount: 1, head: true }, 'float32', 1);
    const lines: string[] = [];
    const spy = vi.spyOn(fs, 'writeSync').mockImplementation(((_fd: number, s: unknown) => (lines.push(String(s)), 0)) as typeof fs.writeSync);
    let session: ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(g.graph.encode(), { executionProviders: ['wasm'], logSeverityLevel: 0 });
    } finally {
      spy.mockRestore();
    }
    const p = parsePlacements(lines.join(''), false);
    expect(p).not.toBeNull();
    expect(Object.keys(p!.counts)).toEqual(['CPUExecutionProvider']);
    // onnxruntime fuses some of the graph's nodes, so it reports fewer than were written
    expect(p!.total).toBeGreaterThan(10);
    expect(p!.total).toBeLessThanOrEqual(g.graph.nodes.length);
    await session.release();
  });
});
