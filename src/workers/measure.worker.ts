/**
 * The measure worker (Comlink): onnxruntime-web runs here, never on the
 * page's thread. It is created when the "Measure my GPU" panel is opened, so
 * onnxruntime-web (and its 20+ MB of wasm) loads only then. WebGPU is
 * available in dedicated workers in Chromium.
 *
 * Runtime files as docs/tooling-notes section 6 prescribes: Vite emits the
 * JSEP wasm and its glue .mjs as assets (`?url`), and wasmPaths names both, so
 * onnxruntime's pthread workers load the glue and not this worker's chunk.
 */
import { captureConsole } from './measureLog';
import * as Comlink from 'comlink';
import * as ort from 'onnxruntime-web';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.jsep.wasm?url';
import ortMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.jsep.mjs?url';
import { backendLabel, findAdapter, summariseAdapter, type AdapterLike, type BackendInfo, type GpuLike } from '../gpu/backend';
import { measureModel } from '../gpu/measureModel';
import type { BackendChoice, MeasureWorkerApi } from './measureApi';

ort.env.wasm.wasmPaths = { wasm: ortWasmUrl, mjs: ortMjsUrl };

/** onnxruntime-web's default: min(4, ceil(cores / 2)) threads, 1 without cross-origin isolation (no SharedArrayBuffer). */
function wasmThreads(): number {
  if (!self.crossOriginIsolated) return 1;
  return Math.min(4, Math.ceil((navigator.hardwareConcurrency || 1) / 2));
}

let adapter: AdapterLike | null | undefined;
let adapterProblem: string | null = null;

async function detect(choice: BackendChoice): Promise<BackendInfo> {
  if (adapter === undefined) {
    const found = await findAdapter((navigator as Navigator & { gpu?: GpuLike }).gpu);
    adapter = found.adapter;
    adapterProblem = found.reason;
  }
  const threads = wasmThreads();
  const useGpu = choice === 'auto' && adapter !== null;
  const summary = adapter ? summariseAdapter(adapter) : null;
  const kind = useGpu ? 'webgpu' : 'wasm';
  return {
    kind,
    label: backendLabel(kind, useGpu ? summary : null),
    adapter: useGpu ? summary : null,
    webgpuUnavailable: adapter ? (useGpu ? null : 'not used: the CPU (wasm) backend was chosen') : adapterProblem,
    threads,
    crossOriginIsolated: self.crossOriginIsolated,
  };
}

const api: MeasureWorkerApi = {
  detect,
  async measure(req, choice, onProgress) {
    try {
      const backend = await detect(choice);
      ort.env.wasm.numThreads = backend.threads;
      // onnxruntime uses the adapter detect() described, not another one it might pick
      if (backend.kind === 'webgpu' && adapter) (ort.env.webgpu as { adapter: unknown }).adapter = adapter;
      const outcome = await measureModel(ort, backend, req, { onProgress, captureLog: captureConsole });
      return { ok: true, ...outcome };
    } catch (e) {
      return { ok: false, message: (e as Error)?.message ?? String(e) };
    }
  },
};

Comlink.expose(api);
