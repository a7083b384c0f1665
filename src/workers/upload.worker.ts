/** The upload worker (Comlink): request logs, Azure Functions traces and profile files are parsed here, off the page's thread. */
import * as Comlink from 'comlink';
import { traceBuffers } from '../core/workload/trace/compact';
import type { TraceUploadOptions, TraceUploadProgress, TraceUploadReply } from './traceUpload';
import { createUploadApi, type ParseOptions, type RequestLogReply, type UploadProgress } from './uploadApi';

const inner = createUploadApi();

const api = {
  /** As uploadApi's, with the log's typed arrays transferred (not copied) to the page. */
  async parseRequestLog(file: Blob, onProgress: (p: UploadProgress) => void, options?: ParseOptions): Promise<RequestLogReply> {
    const r = await inner.parseRequestLog(file, onProgress, options);
    return r.ok ? Comlink.transfer(r, [r.requestLog.time.buffer, r.requestLog.model.buffer]) : r;
  },
  /** As uploadApi's, with the trace's typed arrays transferred. */
  async parseTrace(files: Blob[], onProgress: (p: TraceUploadProgress) => void, options?: TraceUploadOptions): Promise<TraceUploadReply> {
    const r = await inner.parseTrace(files, onProgress, options);
    return r.ok ? Comlink.transfer(r, traceBuffers(r.trace)) : r;
  },
  cancel: inner.cancel,
  importProfiles: inner.importProfiles,
};

export type UploadWorkerApi = typeof api;
Comlink.expose(api);
