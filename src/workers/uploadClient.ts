/**
 * The page's handle on the upload worker (created on first use; the type-only
 * import keeps worker code out of the main bundle).
 */
import * as Comlink from 'comlink';
import type { ExplicitWorkload } from '../core/scenario/types';
import { requestLogToWorkload, type RequestLog } from '../core/workload/requestLog';
import type { TraceUploadOptions, TraceUploadProgress, TraceUploadReply } from './traceUpload';
import type { UploadWorkerApi } from './upload.worker';
import type { ProfileImportReply, RequestLogInfo, UploadProgress } from './uploadApi';

export type { ProfileImportReply, RequestLogInfo, TraceUploadProgress, TraceUploadReply, UploadProgress };

/** A parsed log, with the scenario workload built from it (the log's model names, first arrival at 0). */
export type RequestLogFileReply =
  | { ok: true; log: RequestLogInfo; requestLog: RequestLog; workload: ExplicitWorkload }
  | { ok: false; message: string; cancelled?: boolean };

let api: Comlink.Remote<UploadWorkerApi> | null = null;

function upload(): Comlink.Remote<UploadWorkerApi> {
  if (!api) {
    const worker = new Worker(new URL('./upload.worker.ts', import.meta.url), { type: 'module', name: 'upload' });
    api = Comlink.wrap<UploadWorkerApi>(worker);
  }
  return api;
}

const workerFailed = (e: unknown): { ok: false; message: string } => ({ ok: false, message: `the upload worker failed: ${(e as Error)?.message ?? String(e)}` });

/**
 * A cancellable call on the upload worker: aborting `signal` cancels the
 * worker's running parse (the call then resolves with its cancelled reply);
 * already aborted: cancelled at once. A failing worker is a reply too.
 */
async function cancellable<T>(signal: AbortSignal | undefined, call: (remote: Comlink.Remote<UploadWorkerApi>) => Promise<T>): Promise<T | { ok: false; message: string; cancelled?: boolean }> {
  if (signal?.aborted) return { ok: false, cancelled: true, message: 'cancelled' };
  const remote = upload();
  const onAbort = (): void => void remote.cancel();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await call(remote);
  } catch (e) {
    return workerFailed(e);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Stream a request log CSV in the worker. `onProgress` is called at most
 * every 100 ms; aborting `signal` cancels the parse (the call then resolves
 * with { ok: false, cancelled: true }). Never rejects.
 */
export async function parseRequestLogFile(
  file: Blob,
  onProgress: (p: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<RequestLogFileReply> {
  return cancellable<RequestLogFileReply>(signal, async (remote) => {
    const r = await remote.parseRequestLog(file, Comlink.proxy(onProgress));
    if (!r.ok) return r;
    return { ...r, workload: requestLogToWorkload(r.requestLog) };
  });
}

/**
 * Stream Azure Functions trace file(s) in the worker: several MAF1 day files
 * or one MAF2 trace (`options.format` says which is expected). Progress at
 * most every 100 ms; aborting `signal` cancels. Never rejects.
 */
export async function parseTraceUpload(
  files: readonly File[],
  onProgress: (p: TraceUploadProgress) => void,
  signal?: AbortSignal,
  options: TraceUploadOptions = {},
): Promise<TraceUploadReply> {
  return cancellable<TraceUploadReply>(signal, (remote) => remote.parseTrace([...files], Comlink.proxy(onProgress), options));
}

/** Import a profile file (JSON, the reference's pickle, or its TSV) in the worker. Never rejects. */
export async function importProfileFile(file: Blob): Promise<ProfileImportReply> {
  try {
    return await upload().importProfiles(file);
  } catch (e) {
    return workerFailed(e);
  }
}
