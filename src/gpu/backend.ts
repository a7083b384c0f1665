/**
 * The backend a measurement runs on: WebGPU when the browser gives an adapter
 * (`!!navigator.gpu && !!(await navigator.gpu.requestAdapter())`), otherwise
 * onnxruntime-web's CPU (wasm) backend, labelled so nobody takes it for a GPU
 * figure. Also: which precision the backend gets, and the node placements
 * onnxruntime reports (its verbose session log, see parsePlacements).
 */

export type BackendKind = 'webgpu' | 'wasm';

export const WASM_LABEL = 'CPU (wasm) - not a GPU measurement';

export interface AdapterSummary {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  /** a software adapter (SwiftShader) or one the browser marks as fallback: not the real GPU */
  isFallbackAdapter: boolean;
  /** 'shader-f16': fp16 arithmetic in shaders */
  shaderF16: boolean;
  /** bytes */
  maxBufferSize: number;
  maxStorageBufferBindingSize: number;
}

export interface BackendInfo {
  kind: BackendKind;
  /** what the page shows */
  label: string;
  adapter: AdapterSummary | null;
  /** why WebGPU is not used, when it is not */
  webgpuUnavailable: string | null;
  /** wasm threads onnxruntime uses (1 when the page is not cross-origin isolated) */
  threads: number;
  crossOriginIsolated: boolean;
}

/** Minimal structural view of WebGPU's GPUAdapter (the DOM typings do not include WebGPU). */
export interface AdapterLike {
  features: { has(name: string): boolean };
  limits: { maxBufferSize: number; maxStorageBufferBindingSize: number };
  info?: { vendor?: string; architecture?: string; device?: string; description?: string; isFallbackAdapter?: boolean };
  /** older Chromium put the flag on the adapter itself */
  isFallbackAdapter?: boolean;
}

export interface GpuLike {
  requestAdapter(options?: { powerPreference?: 'low-power' | 'high-performance' }): Promise<AdapterLike | null>;
}

export function summariseAdapter(a: AdapterLike): AdapterSummary {
  const info = a.info ?? {};
  return {
    vendor: info.vendor ?? '',
    architecture: info.architecture ?? '',
    device: info.device ?? '',
    description: info.description ?? '',
    isFallbackAdapter: Boolean(info.isFallbackAdapter ?? a.isFallbackAdapter ?? false),
    shaderF16: a.features.has('shader-f16'),
    maxBufferSize: a.limits.maxBufferSize,
    maxStorageBufferBindingSize: a.limits.maxStorageBufferBindingSize,
  };
}

/** A short name of the adapter: description, else vendor/architecture/device. */
export function adapterName(a: AdapterSummary): string {
  const parts = a.description ? [a.description] : [a.vendor, a.architecture, a.device].filter((s) => s !== '');
  return parts.join(' ') || 'unnamed adapter';
}

export function backendLabel(kind: BackendKind, adapter: AdapterSummary | null): string {
  if (kind === 'wasm' || !adapter) return WASM_LABEL;
  return `WebGPU: ${adapterName(adapter)}${adapter.isFallbackAdapter ? ' (fallback adapter - software, not a GPU measurement)' : ''}`;
}

/** The adapter, or why there is none. */
export async function findAdapter(gpu: GpuLike | undefined): Promise<{ adapter: AdapterLike | null; reason: string | null }> {
  if (!gpu) return { adapter: null, reason: 'this browser has no WebGPU (navigator.gpu is missing)' };
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { adapter: null, reason: 'WebGPU gave no adapter (no usable GPU, or WebGPU is disabled)' };
    return { adapter, reason: null };
  } catch (e) {
    return { adapter: null, reason: `WebGPU adapter request failed: ${(e as Error)?.message ?? String(e)}` };
  }
}

/** fp16 where the backend computes in it (WebGPU with shader-f16), fp32 otherwise. */
export function precisionFor(kind: BackendKind, adapter: AdapterSummary | null): 'float16' | 'float32' {
  return kind === 'webgpu' && adapter?.shaderF16 ? 'float16' : 'float32';
}

/** The execution provider onnxruntime-web names the WebGPU backend in its logs (JSEP builds, and the native WebGPU EP). */
const GPU_PROVIDERS = new Set(['JsExecutionProvider', 'WebGpuExecutionProvider']);

export interface NodePlacement {
  /** execution provider -> node count */
  counts: Record<string, number>;
  /** nodes not placed on the GPU provider, as "OpType (name)"; empty when all are on it (or on wasm, where nothing is on a GPU) */
  offGpu: string[];
  /** total nodes after onnxruntime's graph optimisations */
  total: number;
}

/**
 * Node placements from onnxruntime's verbose session log (session_state.cc,
 * VerifyEachNodeIsAssignedToAnEp, logged at severity VERBOSE). Either
 *   "Node placements"
 *   " All nodes placed on [JsExecutionProvider]. Number of nodes: 78"
 * or, when the graph is split, one header per provider followed by its nodes
 * as "OpType (name)", on the header's continuation line(s) or on further log
 * lines of the same function:
 *   " Node(s) placed on [CPUExecutionProvider]. Number of nodes: 2"
 *   "   Shape (n1), Gather (n2)"
 * Returns null when the log holds no placement report.
 */
export function parsePlacements(log: string, gpuBackend: boolean): NodePlacement | null {
  const start = log.lastIndexOf('Node placements');
  if (start < 0) return null;
  const lines = log.slice(start).split('\n').slice(1);
  const counts: Record<string, number> = {};
  const offGpu: string[] = [];
  let total = 0;
  let provider: string | null = null;
  for (const line of lines) {
    const all = /All nodes placed on \[(\w+)\]\. Number of nodes: (\d+)/.exec(line);
    if (all) {
      counts[all[1]] = Number(all[2]);
      total = Number(all[2]);
      if (gpuBackend && !GPU_PROVIDERS.has(all[1])) offGpu.push(`all ${all[2]} nodes (on ${all[1]})`);
      break;
    }
    const header = /Node\(s\) placed on \[(\w+)\]\. Number of nodes: (\d+)/.exec(line);
    if (header) {
      provider = header[1];
      counts[provider] = (counts[provider] ?? 0) + Number(header[2]);
      total += Number(header[2]);
      continue;
    }
    // a line of another log statement ends the report; continuation lines carry no log prefix
    const logged = /\[[VIWEF]:onnxruntime:/.test(line);
    if (provider === null || (logged && !line.includes('VerifyEachNodeIsAssignedToAnEp'))) break;
    if (/Some nodes were not assigned/.test(line)) continue;
    const body = line.replace(/^.*VerifyEachNodeIsAssignedToAnEp\]/, '');
    if (gpuBackend && !GPU_PROVIDERS.has(provider)) {
      for (const m of body.matchAll(/(\w+) \(([^()]*)\)/g)) offGpu.push(`${m[1]} (${m[2]}) on ${provider}`);
    }
  }
  return total > 0 ? { counts, offGpu, total } : null;
}
